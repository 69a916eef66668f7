// Keys move through the log's phases and the config's findings; `?` lists them in a dialog; keys typed into
// an editor only type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

/** The number (1-based) of the selected phase, as the address names it. */
function phaseInAddress(lens) {
  return Number(lens.relativePath().match(/#phase-(\d+)$/)?.[1]);
}

/** Waits until the address names phase `number`. */
async function waitForPhase(lens, number) {
  await lens.page.waitForURL((url) => url.hash === `#phase-${number}`);
  await lens.page.locator(`[data-testid=phase-band].is-selected#phase-${number}`).waitFor();
}

test('j and k select the next and previous phase, and the address follows', async () => {
  const lens = await site.open('en/?example=seed#phase-2');
  await waitForPhase(lens, 2);
  await lens.page.keyboard.press('j');
  await waitForPhase(lens, 3);
  await lens.page.keyboard.press('j');
  await waitForPhase(lens, 4);
  await lens.page.keyboard.press('k');
  await waitForPhase(lens, 3);
  assert.equal(await lens.byTestId('explanation-title').textContent(), 'Checkout code');
  // The first phase has no previous one: k stays there.
  await lens.page.keyboard.press('k');
  await waitForPhase(lens, 2);
  await lens.page.keyboard.press('k');
  await waitForPhase(lens, 1);
  await lens.page.keyboard.press('k');
  await lens.page.waitForTimeout(200);
  assert.equal(phaseInAddress(lens), 1);
  await lens.close();
});

/** A `circleci local execute` log of five steps, two of which fail (when: always runs the last ones). */
const TWO_FAILURES = [
  '====>> Spin up environment',
  'Starting container cimg/base:current',
  '====>> Checkout code',
  'Cloning into .',
  '====>> Lint',
  'src/app.js: 1 problem',
  'Error: Exited with code exit status 1',
  '====>> Unit tests',
  'ok 12 tests',
  '====>> Upload report',
  'curl: (6) Could not resolve host',
  'Error: Exited with code exit status 6',
  '====>> Clean up',
  'done',
  '',
].join('\n');

test('n and p go from failed phase to failed phase, skipping the others', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', TWO_FAILURES);
  await lens.byTestId('phase-band').first().waitFor();
  const statuses = await lens.byTestId('timeline-phase').evaluateAll((phases) => phases.map((phase) => phase.dataset.status));
  const failed = statuses.flatMap((status, index) => (status === 'failed' ? [index + 1] : []));
  assert.equal(failed.length, 2, `two failed phases among ${statuses}`);
  assert.ok(failed[1] - failed[0] > 1, `a phase between the failures: ${statuses}`);
  // A new log opens on its first failure; k leaves it, n comes back, n goes on to the second failure.
  await waitForPhase(lens, failed[0]);
  await lens.page.keyboard.press('k');
  await waitForPhase(lens, failed[0] - 1);
  await lens.page.keyboard.press('n');
  await waitForPhase(lens, failed[0]);
  await lens.page.keyboard.press('n');
  await waitForPhase(lens, failed[1]);
  await lens.page.keyboard.press('j');
  await waitForPhase(lens, failed[1] + 1);
  await lens.page.keyboard.press('p');
  await waitForPhase(lens, failed[1]);
  await lens.page.keyboard.press('p');
  await waitForPhase(lens, failed[0]);
  await lens.close();
});

test('letters typed into the editor or the search box type, and select nothing', async () => {
  const lens = await site.open('en/?example=seed#phase-2');
  await waitForPhase(lens, 2);
  const search = lens.byTestId('log-search');
  await search.click();
  await lens.page.keyboard.type('jjn');
  assert.equal(await search.inputValue(), 'jjn');
  await lens.byTestId('log-input').click();
  await lens.page.keyboard.press('Control+End');
  await lens.page.keyboard.type('jk?');
  await lens.page.waitForTimeout(300);
  assert.match(await lens.byTestId('log-input').inputValue(), /jk\?$/);
  assert.equal(await lens.byTestId('keyboard-help').isVisible(), false);
  assert.equal(phaseInAddress(lens), 2);
  await lens.close();
});

test('? opens the list of the page keys; Escape closes it and gives the focus back', async () => {
  const lens = await site.open('en/?example=seed');
  await lens.byTestId('phase-band').first().waitFor();
  const dialog = lens.byTestId('keyboard-help');
  await lens.page.keyboard.press('?');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((element) => element.open && element.matches(':modal')), true);
  const keys = await dialog.getByTestId('shortcut').locator('th').allTextContents();
  assert.deepEqual(keys, ['j', 'k', 'n', 'p', '?', 'Esc']);
  // Keys of the page do nothing while the dialog is open.
  const before = lens.relativePath();
  await lens.page.keyboard.press('j');
  assert.equal(lens.relativePath(), before);
  await lens.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // From the header button: the focus returns to it.
  const button = lens.byTestId('keyboard-help-button');
  await button.focus();
  await lens.page.keyboard.press('Enter');
  await dialog.waitFor();
  await lens.byTestId('keyboard-help-close').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await button.evaluate((element) => element === document.activeElement), true);
  await lens.close();
});

test('the list follows the page and the language', async () => {
  const lens = await site.open('fr/config');
  await lens.page.keyboard.press('?');
  const dialog = lens.byTestId('keyboard-help');
  await dialog.getByRole('heading', { name: 'Raccourcis clavier' }).waitFor();
  assert.match(await dialog.textContent(), /constat suivant des vérifications/);
  await lens.page.keyboard.press('Escape');
  await lens.byTestId('nav-docs').click();
  await lens.byTestId('docs-page').waitFor();
  await lens.page.keyboard.press('?');
  await dialog.waitFor();
  const keys = await dialog.getByTestId('shortcut').locator('th').allTextContents();
  assert.deepEqual(keys, ['?', 'Esc']);
  await lens.close();
});

/** A config with three findings (two unpinned images, an unused job), jobs and steps. */
const THREE_FINDINGS = `version: 2.1
jobs:
  build:
    docker:
      - image: cimg/python:latest
    steps:
      - checkout
      - run: make test
  unused:
    docker:
      - image: cimg/node
    steps:
      - checkout
workflows:
  main:
    jobs:
      - build
`;

test('on the config page n and p walk through the findings, j and k through jobs and steps', async () => {
  const lens = await site.open('en/config');
  await lens.paste('config-input', THREE_FINDINGS);
  await lens.page.locator('[data-testid=graph-job][data-job=build]').waitFor();
  const rows = lens.byTestId('diagnostic');
  const count = await rows.count();
  assert.ok(count >= 2, `at least two findings (${count})`);
  const lines = await rows.evaluateAll((items) => items.map((item) => item.dataset.line));
  await lens.page.locator('h1').click();
  await lens.page.keyboard.press('n');
  await lens.page.waitForURL((url) => url.search.startsWith(`?line=${lines[0]}`));
  assert.equal(await rows.nth(0).evaluate((row) => row === document.activeElement), true);
  await lens.page.keyboard.press('n');
  await lens.page.waitForURL((url) => url.search.startsWith(`?line=${lines[1]}`));
  assert.equal(await rows.nth(1).evaluate((row) => row === document.activeElement), true);
  await lens.page.keyboard.press('p');
  await lens.page.waitForURL((url) => url.search.startsWith(`?line=${lines[0]}`));
  // The highlighted line of the text is the finding's.
  await lens.page.locator(`.source-line.is-highlighted`).first().waitFor();

  await lens.page.keyboard.press('j');
  const selected = lens.page.locator('[data-testid=config-part].is-selected');
  await selected.waitFor();
  const first = await selected.textContent();
  await lens.page.keyboard.press('j');
  await lens.page.waitForFunction(
    (text) => document.querySelector('[data-testid=config-part].is-selected')?.textContent !== text,
    first,
  );
  await lens.page.keyboard.press('k');
  await lens.page.waitForFunction(
    (text) => document.querySelector('[data-testid=config-part].is-selected')?.textContent === text,
    first,
  );
  // Typing in the editor types.
  await lens.byTestId('config-input').focus();
  await lens.page.keyboard.press('Control+End');
  await lens.page.keyboard.type('n');
  assert.match(await lens.byTestId('config-input').inputValue(), /n$/);
  await lens.close();
});
