// Pasted text is inert: markup, scripts, javascript: links and terminal hyperlinks are shown as text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

const HOSTILE_LINES = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned=\'link\'">click</a>',
  '&lt;b&gt;entities&lt;/b&gt; &amp; &#60;i&#62;',
  '\u001b]8;;javascript:window.__pwned="osc8"\u0007terminal link\u001b]8;;\u0007',
];

/** Whether anything hostile became live in the page. */
async function injected(lens, containerTestId) {
  return lens.page.evaluate((id) => {
    const container = document.querySelector(`[data-testid="${id}"]`);
    return {
      pwned: window.__pwned ?? null,
      elements: container.querySelectorAll('script, img, iframe, object, embed, a[href^="javascript"]').length,
    };
  }, containerTestId);
}

test('markup pasted into the log explainer is shown as text and never runs', async () => {
  const lens = await site.open('en/');
  const log = ['Run tests', '#!/bin/bash -eo pipefail', 'echo hostile', '', ...HOSTILE_LINES, 'Exited with code exit status 1', ''].join('\n');
  await lens.paste('log-input', log);
  await lens.byTestId('phase-band').first().waitFor();
  const text = await lens.byTestId('log-view').textContent();
  assert.ok(text.includes('<script>window.__pwned = "script"</script>'), text);
  assert.ok(text.includes('&lt;b&gt;entities&lt;/b&gt;'), 'entities are shown as typed');
  assert.ok(text.includes('terminal link') && !text.includes(']8;;'), 'the OSC 8 link keeps its text only');
  assert.deepEqual(await injected(lens, 'log-view'), { pwned: null, elements: 0 });
  await lens.close();
});

test('markup pasted into the config explainer is shown as text and never runs', async () => {
  const lens = await site.open('en/config');
  const config = ['version: 2.1', 'jobs:', '  build:', '    docker:', '      - image: cimg/base:2024.01', '    steps:',
    ...HOSTILE_LINES.map((line) => `      - run: ${JSON.stringify(line)}`), 'workflows:', '  main:', '    jobs: [build]', ''].join('\n');
  await lens.paste('config-input', config);
  await lens.byTestId('workflow-graph').first().waitFor();
  const source = await lens.page.locator('[data-testid=source-line]').allTextContents();
  assert.ok(source.join('\n').includes('<script>'), 'the script tag is shown as text');
  const result = await lens.page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    elements: document.querySelectorAll('main script, main img, main iframe, main a[href^="javascript"]').length,
  }));
  assert.deepEqual(result, { pwned: null, elements: 0 });
  await lens.close();
});
