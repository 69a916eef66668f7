// The "Processed" view: the configuration as CircleCI runs it, tied line by line to its source.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

/** A command with a parameter, a matrix, a pipeline parameter behind a `when` and an orb command. */
const CONFIG = `version: 2.1
orbs:
  node: circleci/node@5.2.0
parameters:
  deploy:
    type: boolean
    default: false
commands:
  greet:
    parameters:
      who:
        type: string
        default: world
    steps:
      - run: echo hello << parameters.who >>
jobs:
  test:
    parameters:
      version:
        type: string
    docker:
      - image: cimg/node:<< parameters.version >>
    steps:
      - checkout
      - greet:
          who: tests
      - node/install-packages
      - when:
          condition: << pipeline.parameters.deploy >>
          steps:
            - run: ./deploy.sh
workflows:
  main:
    jobs:
      - test:
          matrix:
            parameters:
              version: ["20.11", "22.2"]
`;

/** The processed lines' texts. */
async function processedTexts(lens) {
  const view = lens.page.locator('.config-processed-lines');
  return view.getByTestId('processed-line').evaluateAll((lines) => lines.map((l) => l.querySelector('code').textContent));
}

test('the processed view inlines commands, expands the matrix and follows pipeline parameters', async () => {
  const lens = await site.open('en/config');
  await lens.byTestId('config-input').fill(CONFIG);
  await lens.byTestId('view-processed').click();
  await lens.byTestId('config-processed').waitFor();
  await lens.page.locator('[data-testid=processed-line]', { hasText: 'test-20.11:' }).waitFor();
  let texts = await processedTexts(lens);
  assert.ok(texts.includes('  test-22.2:'), texts.join('\n'));
  assert.ok(texts.includes('    - image: cimg/node:22.2'), texts.join('\n'));
  assert.ok(texts.includes('        command: echo hello tests'), texts.join('\n'));
  assert.ok(!texts.some((t) => t.includes('./deploy.sh')), 'the when step is decided: deploy is false');
  const orb = lens.page.locator('[data-testid=processed-line]', { hasText: '- node/install-packages' }).first();
  assert.match(await orb.textContent(), /defined by the orb `circleci\/node@5\.2\.0`, fetched by CircleCI/);

  // The pipeline parameter is a checkbox: ticking it brings the deploy step in.
  await lens.page.locator('[data-testid=pipeline-parameters] input[data-parameter=deploy]').check();
  await lens.page.locator('[data-testid=processed-line]', { hasText: './deploy.sh' }).first().waitFor();
  texts = await processedTexts(lens);
  assert.equal(texts.filter((t) => t.trim() === 'command: ./deploy.sh').length, 2, 'one per matrix job');
  // The source text stays as it was written.
  assert.equal(await lens.byTestId('config-input').inputValue(), CONFIG);
  assert.match(await lens.byTestId('processed-doc-link').getAttribute('href'), /\/en\/docs\/concepts\/processed-configuration$/);
  await lens.close();
});

test('a processed line leads to its source, and a source part marks what it becomes', async () => {
  const lens = await site.open('en/config');
  await lens.byTestId('config-input').fill(CONFIG);
  await lens.byTestId('view-processed').click();
  const inlined = lens.page.locator('[data-testid=processed-line]', { hasText: 'command: echo hello tests' }).first();
  await inlined.waitFor();
  // The command's text comes from the command's definition (line 15).
  assert.equal(await inlined.getAttribute('data-source-line'), '15');
  await inlined.click();
  const marked = lens.page.locator('[data-testid=source-line].is-highlighted');
  await marked.waitFor();
  assert.equal(await marked.getAttribute('data-line'), '15');

  // The other way: the parameter in the image's name marks both matrix jobs' images.
  await lens.page
    .locator('[data-testid=source-line][data-line="22"] [data-testid=config-part]', { hasText: 'parameters.version' })
    .click();
  await lens.page.locator('[data-testid=processed-line].is-linked').first().waitFor();
  const linked = await lens.page
    .locator('[data-testid=processed-line].is-linked')
    .evaluateAll((lines) => lines.map((l) => l.querySelector('code').textContent.trim()));
  assert.deepEqual(linked, ['- image: cimg/node:20.11', '- image: cimg/node:22.2']);
  await lens.close();
});

test('the processed view speaks French, and an unreadable text says so without losing it', async () => {
  const lens = await site.open('fr/config');
  await lens.byTestId('config-input').fill(CONFIG);
  await lens.byTestId('view-processed').click();
  const orb = lens.page.locator('[data-testid=processed-line]', { hasText: '- node/install-packages' }).first();
  await orb.waitFor();
  assert.match(await orb.textContent(), /défini par l’orb «\u00a0circleci\/node@5\.2\.0\u00a0», que CircleCI télécharge/);
  const broken = 'jobs:\n  build: [unclosed\n';
  await lens.byTestId('config-input').fill(broken);
  await lens.byTestId('process-note').filter({ hasText: 'pas une configuration lisible' }).waitFor();
  assert.equal(await lens.byTestId('config-input').inputValue(), broken);
  await lens.close();
});
