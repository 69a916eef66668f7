// The config explainer explains what is pointed at: parts, checks and workflow jobs all lead to the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

/** Opens the config page with the example loaded. */
async function withExample(relative = 'en/config') {
  const lens = await site.open(relative);
  await lens.byTestId('load-example').click();
  await lens.page.locator('[data-testid=graph-job][data-job=container]').waitFor();
  return lens;
}

test('clicking a part explains it, with its page; the explanation follows the language', async () => {
  const lens = await withExample();
  const checksum = lens.byTestId('config-part').filter({ hasText: 'checksum "requirements.txt"' }).first();
  await checksum.click();
  const panel = lens.byTestId('part-explanation');
  await panel.filter({ hasText: 'Cache key template' }).waitFor();
  assert.match(await panel.textContent(), /checksum \(SHA-256\) of the content of the file requirements\.txt/);
  assert.match(await panel.textContent(), /deps1-: fixed text/);
  const link = panel.getByTestId('doc-link');
  assert.match(await link.getAttribute('href'), /\/en\/docs\/concepts\/cache-key-templates$/);
  await panel.getByTestId('doc-summary').waitFor();
  assert.match(await checksum.getAttribute('class'), /is-selected/);
  assert.match(lens.relativePath(), /^en\/config\?line=\d+&column=\d+$/);

  await lens.byTestId('lang-fr').click();
  await lens.page.waitForURL(/\/fr\/config\?line=/);
  const french = lens.byTestId('part-explanation');
  await french.filter({ hasText: 'Modèle de clé de cache' }).waitFor();
  assert.match(await french.textContent(), /somme de contrôle \(SHA-256\) du contenu du fichier requirements\.txt/);
  assert.match(await french.getByTestId('doc-link').getAttribute('href'), /\/fr\/docs\/concepts\/cache-key-templates$/);
  await lens.close();
});

test('hovering or focusing a part previews its explanation', async () => {
  const lens = await withExample();
  const panel = lens.byTestId('part-explanation');
  await lens.byTestId('config-part').filter({ hasText: /^store_test_results$/ }).hover();
  await panel.filter({ hasText: 'store_test_results is a step built into CircleCI.' }).waitFor();
  // The pointer leaves the text: after a scroll, the part that comes under it would be hovered, and the
  // latest of hover and focus is what the panel previews.
  await lens.page.mouse.move(0, 0);
  // Only the lines in view are in the page: scroll down to the pipeline value of line 86.
  await lens.byTestId('config-source').evaluate((view) => { view.scrollTop = 70 * 20; });
  const pipelineValue = lens.byTestId('config-part').filter({ hasText: 'pipeline.trigger_parameters' });
  await pipelineValue.focus();
  await panel.filter({ hasText: 'replaced when the configuration is compiled' }).waitFor();
  await lens.page.keyboard.press('Enter');
  assert.match(await pipelineValue.getAttribute('class'), /is-selected/);
  await lens.close();
});

test('clicking a check shows its line in the text and links to its rule', async () => {
  const lens = await withExample();
  const row = lens.page.locator('[data-testid=diagnostic][data-rule=cache-key-no-checksum]');
  assert.match(await row.getByTestId('rule-link').getAttribute('href'), /\/en\/docs\/rules\/cache-key-no-checksum$/);
  assert.match(await row.textContent(), /line \d+, column \d+/);
  const line = await row.getAttribute('data-line');
  await row.click();
  const highlighted = lens.page.locator('[data-testid=source-line].is-highlighted');
  await highlighted.waitFor();
  assert.equal(await highlighted.getAttribute('data-line'), line);
  assert.equal(await highlighted.getAttribute('aria-current'), 'true');
  assert.match(await highlighted.textContent(), /v1-docker-\{\{ \.Branch \}\}/);
  assert.ok(await highlighted.isVisible());
  assert.equal(lens.relativePath().split('?')[1].split('&')[0], `line=${line}`);
  await lens.close();
});

test('clicking a job of the graph selects its entry in the workflow', async () => {
  const lens = await withExample();
  await lens.page.locator('[data-testid=graph-job][data-job=container]').click();
  const highlighted = lens.page.locator('[data-testid=source-line].is-highlighted');
  await highlighted.waitFor();
  assert.match(await highlighted.textContent(), /- container:/);
  assert.ok(await highlighted.isVisible());
  const panel = lens.byTestId('part-explanation');
  await panel.filter({ hasText: 'Job in a workflow' }).waitFor();
  assert.match(await panel.textContent(), /waits for pytest, coverage, linting to succeed/);
  assert.match(await panel.textContent(), /only on these branches: master/);
  await lens.close();
});

test('an address with a line opens the text on that part again', async () => {
  const lens = await withExample();
  await lens.page.locator('[data-testid=graph-job][data-job=container]').click();
  await lens.byTestId('part-explanation').filter({ hasText: 'Job in a workflow' }).waitFor();
  const address = lens.relativePath();
  await lens.goto(address);
  await lens.byTestId('part-explanation').filter({ hasText: 'Job in a workflow' }).waitFor();
  assert.match(await lens.page.locator('[data-testid=source-line].is-highlighted').textContent(), /- container:/);
  await lens.close();
});
