// The log explainer as a person uses it: paste a log, read its phases, select one, read its explanation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';
import { SEED_PHASE_TITLES, causeLog, fixtureText, samplePath } from './support/fixtures.mjs';

const site = useSite();

/** The titles of the phase bands, in order. */
async function bandTitles(lens) {
  return lens.byTestId('phase-band').evaluateAll((bands) => bands.map((band) => band.dataset.title));
}

test('the example shows the twelve phases of the seed job, green but the cache already saved', async () => {
  const lens = await site.open('en/');
  await lens.byTestId('log-empty').waitFor();
  await lens.byTestId('load-example').click();
  await lens.byTestId('phase-band').nth(11).waitFor();
  assert.deepEqual(await bandTitles(lens), SEED_PHASE_TITLES);
  assert.equal(await lens.byTestId('timeline-phase').count(), 12);
  const statuses = await lens.byTestId('phase-band').evaluateAll((bands) => bands.map((b) => b.dataset.status));
  // "Skipping cache generation, cache already exists for key": the Saving cache step had nothing to do.
  assert.deepEqual(statuses, SEED_PHASE_TITLES.map((title) => (title === 'Saving cache' ? 'skipped' : 'success')));
  assert.match(await lens.byTestId('log-summary').textContent(), /12 phases, 323 lines/);
  await lens.close();
});

test('pasting a log, clicking a phase selects it, names it in the URL and explains it', async () => {
  const lens = await site.open('en/');
  await lens.byTestId('log-input').fill(fixtureText('logs/job-page-passing.txt'));
  await lens.byTestId('phase-band').first().waitFor();
  const checkout = lens.byTestId('timeline-phase').filter({ hasText: 'Checkout code' });
  await checkout.click();
  assert.equal(await checkout.getAttribute('aria-current'), 'step');
  // Playwright learns the new address from an event the browser sends after the click: wait for it.
  await lens.page.waitForURL((url) => url.hash.startsWith('#phase-'));
  assert.match(lens.relativePath(), /^en\/#phase-\d+$/);
  const band = lens.page.locator('[data-testid=phase-band].is-selected');
  assert.equal(await band.getAttribute('data-title'), 'Checkout code');
  assert.equal(await band.getAttribute('data-doc'), 'phases/checkout-code');
  assert.equal(await lens.byTestId('explanation-title').textContent(), 'Checkout code');
  assert.ok(await band.isVisible());

  // The explanation follows the language, and the phase stays selected.
  const number = lens.relativePath().split('#phase-')[1];
  await lens.byTestId('lang-fr').click();
  await lens.heading().filter({ hasText: 'Expliquer un journal de build' }).waitFor();
  await lens.byTestId('explanation-title').waitFor();
  assert.match(await lens.byTestId('phase-explanation').textContent(), /étape intégrée · réussie/);
  assert.equal(lens.relativePath(), `fr/#phase-${number}`);
  await lens.close();
});

test('a link to a phase opens that phase again', async () => {
  const lens = await site.open('fr/?example=seed#phase-6');
  await lens.byTestId('explanation-title').filter({ hasText: 'Restoring cache' }).waitFor();
  const facts = await lens.byTestId('phase-fact').evaluateAll((rows) => rows.map((row) => row.dataset.fact));
  assert.ok(facts.includes('cache-size'), facts.join());
  assert.match(await lens.byTestId('phase-explanation').textContent(), /Taille du cache\s*94 MiB/);
  await lens.close();
});

test('a failed step is marked, opened first, and its error and exit code are shown', async () => {
  const lens = await site.open('en/');
  await lens.byTestId('log-input').fill(causeLog('out-of-memory'));
  const failed = lens.page.locator('[data-testid=phase-band][data-status=failed]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /exit code 137/);
  assert.equal(await lens.page.locator('[data-testid=phase-band].is-selected').getAttribute('data-status'), 'failed');
  assert.match(await failed.getByTestId('error-line').textContent(), /Killed/);
  assert.match(await lens.byTestId('first-error').textContent(), /Killed/);
  await lens.close();
});

test('ANSI colours are drawn and escape sequences never shown', async () => {
  const lens = await site.open('en/');
  const log = '#!/bin/bash -eo pipefail\nnpm test\n\u001b[1m\u001b[31mFAIL\u001b[0m src/app.test.js\n\u001b]0;title\u0007Tests: 1 failed\nExited with code exit status 1\n';
  await lens.byTestId('log-input').fill(log);
  const red = lens.page.locator('.log-line .ansi-fg-1');
  await red.waitFor();
  assert.equal(await red.textContent(), 'FAIL');
  assert.match(await red.getAttribute('class'), /ansi-bold/);
  const text = await lens.byTestId('log-view').textContent();
  assert.ok(!text.includes('\u001b') && !text.includes('[31m') && !text.includes(']0;'), text);
  assert.match(text, /Tests: 1 failed/);
  await lens.close();
});

test('text that is not a log says what was understood and stays in the editor', async () => {
  const lens = await site.open('en/');
  const notALog = '{"message": "hello", "broken": [1, 2,}';
  await lens.byTestId('log-input').fill(notALog);
  const note = lens.page.locator('[data-testid=log-note][data-note=invalid-json]');
  await note.waitFor();
  assert.match(await note.textContent(), /line 1, column \d+/);
  assert.equal(await lens.byTestId('log-input').inputValue(), notALog);
  await lens.byTestId('lang-fr').click();
  await lens.page.locator('[data-testid=log-note]', { hasText: 'ligne 1, colonne' }).waitFor();
  assert.equal(await lens.byTestId('log-input').inputValue(), notALog);
  await lens.close();
});

test('a config pasted by mistake is recognised as one', async () => {
  const lens = await site.open('en/');
  await lens.byTestId('log-input').fill(fixtureText('logs/looks-like-config.txt'));
  await lens.page.locator('[data-testid=log-note][data-note=looks-like-config]').waitFor();
  await lens.close();
});

test('a file can be opened, and the draft survives a reload until it is cleared', async () => {
  const lens = await site.open('en/');
  await lens.byTestId('open-file').setInputFiles(samplePath('seed-build-and-test.log'));
  await lens.byTestId('phase-band').nth(11).waitFor();
  await lens.page.reload();
  await lens.byTestId('phase-band').nth(11).waitFor();
  assert.match(await lens.byTestId('log-input').inputValue(), /^Spin up environment/);
  await lens.byTestId('clear-log').click();
  await lens.byTestId('log-empty').waitFor();
  await lens.page.reload();
  await lens.byTestId('log-empty').waitFor();
  assert.equal(await lens.byTestId('log-input').inputValue(), '');
  await lens.close();
});

test('a dropped file is read, even with bytes that are not text, and says so', async () => {
  const lens = await site.open('en/');
  const dataTransfer = await lens.page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const bytes = new Uint8Array([...new TextEncoder().encode('Checkout code\nCloning git repository\n'), 0xff, 0x00, 0x0a]);
    transfer.items.add(new File([bytes], 'step.log', { type: 'text/plain' }));
    return transfer;
  });
  await lens.page.dispatchEvent('.log-input', 'drop', { dataTransfer });
  await lens.page.locator('[data-testid=phase-band][data-doc="phases/checkout-code"]').waitFor();
  assert.match(await lens.byTestId('file-message').textContent(), /not text/);
  assert.match(await lens.byTestId('log-input').inputValue(), /^Checkout code\nCloning git repository\n\uFFFD/);
  await lens.close();
});
