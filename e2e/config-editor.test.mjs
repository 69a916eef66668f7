// The config explainer's editor: a pasted configuration is drawn, checked and kept, whatever its errors.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { bigConfig } from '../scripts/lib/big-config.mjs';
import { useSite } from './support/site.mjs';

const site = useSite();

/** Three jobs, an approval and a deployment on main behind a context. */
const PIPELINE = `version: 2.1
jobs:
  build:
    docker:
      - image: cimg/node:20.11
    steps:
      - checkout
      - run: npm ci
  test:
    docker:
      - image: cimg/node:20.11
    steps:
      - checkout
      - run: npm test
  deploy:
    docker:
      - image: cimg/node:20.11
    steps:
      - checkout
      - run: ./deploy.sh
workflows:
  main:
    jobs:
      - build
      - test:
          requires: [build]
      - hold:
          type: approval
          requires: [test]
      - deploy:
          requires: [hold]
          context: [production]
          filters:
            branches:
              only: main
`;

test('a pasted configuration is drawn as a workflow graph with its jobs and arrows', async () => {
  const lens = await site.open('en/config');
  await lens.byTestId('config-empty').waitFor();
  await lens.byTestId('config-input').fill(PIPELINE);
  const graph = lens.page.locator('[data-testid=workflow-graph][data-workflow=main]');
  await graph.waitFor();
  const jobs = await graph.getByTestId('graph-job').evaluateAll((boxes) => boxes.map((box) => box.dataset.job));
  assert.deepEqual(jobs, ['build', 'test', 'hold', 'deploy']);
  const arrows = await graph
    .getByTestId('graph-arrow')
    .evaluateAll((paths) => paths.map((p) => `${p.dataset.from}->${p.dataset.to}`));
  assert.deepEqual(arrows, ['build->test', 'test->hold', 'hold->deploy']);
  const hold = graph.locator('[data-testid=graph-job][data-job=hold]');
  assert.match(await hold.getAttribute('class'), /is-approval/);
  const deploy = graph.locator('[data-testid=graph-job][data-job=deploy]');
  assert.match(await deploy.textContent(), /production/);
  assert.match(await deploy.textContent(), /main/);
  // Stages are bands from top to bottom: each job is below the one it waits for.
  const ys = await graph.getByTestId('graph-job').evaluateAll((boxes) => boxes.map((b) => b.getBoundingClientRect().y));
  assert.ok(ys[0] < ys[1] && ys[1] < ys[2] && ys[2] < ys[3], `stages at ${ys}`);
  assert.equal(await lens.page.locator('[data-testid=source-line]').count(), PIPELINE.trimEnd().split('\n').length);
  await lens.close();
});

test('the example button loads the seed configuration and explains it', async () => {
  const lens = await site.open('en/config');
  await lens.byTestId('load-example').click();
  await lens.page.locator('[data-testid=graph-job][data-job=container]').waitFor();
  const seed = await readFile(path.resolve(import.meta.dirname, '../samples/seed-config.yml'), 'utf8');
  assert.equal(await lens.byTestId('config-input').inputValue(), seed);
  assert.equal(await lens.byTestId('graph-job').count(), 4);
  await lens.page.locator('[data-testid=diagnostic][data-rule=cache-key-no-checksum]').waitFor();
  assert.equal(await lens.page.locator('[data-testid=source-line][data-line="9"]').textContent(), '9version: 2.1');
  await lens.close();
});

test('a file opened with the file picker replaces the text and is analysed', async () => {
  const lens = await site.open('en/config');
  await lens.byTestId('config-file').setInputFiles({ name: 'config.yml', mimeType: 'text/yaml', buffer: Buffer.from(PIPELINE) });
  await lens.page.locator('[data-testid=graph-job][data-job=deploy]').waitFor();
  assert.equal(await lens.byTestId('config-input').inputValue(), PIPELINE);
  await lens.close();
});

test('a file dropped on the editor replaces the text and is analysed', async () => {
  const lens = await site.open('en/config');
  await lens.byTestId('config-input').evaluate((editor, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'config.yml', { type: 'text/yaml' }));
    editor.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, PIPELINE);
  await lens.page.locator('[data-testid=graph-job][data-job=deploy]').waitFor();
  assert.equal(await lens.byTestId('config-input').inputValue(), PIPELINE);
  await lens.byTestId('clear-config').click();
  await lens.byTestId('config-empty').waitFor();
  assert.equal(await lens.byTestId('config-input').inputValue(), '');
  await lens.close();
});

test('a YAML error shows its line and column, keeps the text and says what could not be analysed', async () => {
  const lens = await site.open('en/config');
  const broken = 'version: 2.1\njobs:\n  build:\n    steps: [checkout\n    docker: x\n';
  await lens.byTestId('config-input').fill(broken);
  const banner = lens.byTestId('yaml-error');
  await banner.waitFor();
  const line = await banner.getAttribute('data-line');
  const column = await banner.getAttribute('data-column');
  assert.ok(Number(line) >= 4, `the error is on line ${line}`);
  assert.match(await banner.textContent(), new RegExp(`Line ${line}, column ${column}:`));
  assert.match(await banner.textContent(), /could not be read/);
  assert.match(await banner.textContent(), /fix this error first/);
  assert.equal(await lens.byTestId('config-input').inputValue(), broken);
  const rows = lens.byTestId('diagnostic');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-rule'), 'yaml-syntax');
  assert.match(await rows.first().textContent(), new RegExp(`line ${line}, column ${column}`));
  await lens.page.locator(`[data-testid=source-line][data-line="${line}"].is-highlighted`).waitFor();
  assert.equal(await lens.byTestId('workflow-graph').count(), 0);
  assert.match(await lens.byTestId('no-workflow').textContent(), /cannot be drawn until the YAML can be read/);
  assert.match(await lens.byTestId('part-explanation').textContent(), /No part can be explained until the YAML can be read/);

  // The same error in French.
  await lens.byTestId('lang-fr').click();
  await lens.page.locator('[data-testid=yaml-error]').filter({ hasText: `Ligne ${line}, colonne ${column}\u00a0:` }).waitFor();
  assert.equal(await lens.byTestId('config-input').inputValue(), broken);
  await lens.close();
});

test('an 18,000-line configuration is analysed and drawn with few nodes, and a keystroke is answered', async () => {
  const lens = await site.open('en/config');
  const big = bigConfig();
  const started = Date.now();
  await lens.paste('config-input', big);
  await lens.byTestId('workflow-graph').first().waitFor({ timeout: 60_000 });
  const elapsed = Date.now() - started;
  const drawn = await lens.page.locator('[data-testid=source-line]').count();
  assert.ok(drawn > 0 && drawn < 200, `${drawn} lines in the page`);
  // The last line can be reached.
  const last = big.trimEnd().split('\n').length;
  await lens.byTestId('config-source').evaluate((view) => { view.scrollTop = view.scrollHeight; });
  await lens.page.locator(`[data-testid=source-line][data-line="${last}"]`).waitFor();
  // A keystroke is analysed again, text and all, in one debounce and one analysis.
  const typed = Date.now();
  await lens.paste('config-input', `${big.trimEnd()}\n# typed\n`);
  await lens.page.locator(`[data-testid=source-line][data-line="${last + 1}"]`).filter({ hasText: '# typed' }).waitFor();
  console.log(`${last} lines analysed and drawn in ${elapsed} ms; a keystroke answered in ${Date.now() - typed} ms`);
  await lens.close();
});
