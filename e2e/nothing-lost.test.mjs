// No pasted text is lost, whatever its size, and each explainer says what a text is when it is not its
// own kind, and hands it to the other with the text (issue 19).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureText, causeLog } from './support/fixtures.mjs';
import { useSite } from './support/site.mjs';

const site = useSite();

/** Pastes a job-page log of about `megabytes` MB, built in the page, as a real paste does. */
async function pasteBigLog(lens, megabytes) {
  await lens.byTestId('log-input').evaluate((editor, size) => {
    const line = 'batch item: \u001b[32mok\u001b[0m and some more words to fill the line\n';
    const text = `Spin up environment\nBuild-agent version 1.0.1\n\nRun batch\n#!/bin/bash -eo pipefail\n./batch.sh\n\n${line.repeat(Math.ceil((size * 1e6) / line.length))}`;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, megabytes);
}

/** Waits until the page has kept a draft of at least `bytes` bytes. */
async function draftKept(lens, bytes = 1) {
  await lens.page.waitForFunction((least) => {
    const notice = document.querySelector('[data-testid=draft-notice][data-state=kept]');
    return notice !== null && Number(notice.dataset.keptBytes) >= least;
  }, bytes, { timeout: 120_000 });
}

for (const megabytes of [3, 50]) {
  test(`a ${megabytes} MB log comes back after a reload`, async () => {
    const lens = await site.open('en/');
    // A smaller draft first: the larger one replaces it.
    await lens.paste('log-input', causeLog('pytest-failures'));
    await lens.byTestId('failure-summary').waitFor();
    await draftKept(lens);
    await pasteBigLog(lens, megabytes);
    const card = lens.byTestId('large-log-card');
    await card.waitFor({ timeout: 120_000 });
    const size = (await card.textContent()).match(/^A log of ([\d.]+) MB/)[1];
    await lens.byTestId('log-summary').waitFor({ timeout: 120_000 });
    await draftKept(lens, megabytes * 1e6);
    await lens.page.reload();
    await lens.ready();
    await card.waitFor({ timeout: 120_000 });
    assert.match(await card.textContent(), new RegExp(`^A log of ${size.replace('.', '\\.')} MB`));
    await lens.byTestId('log-summary').waitFor({ timeout: 120_000 });
    await lens.close();
  });
}

test('a draft the browser refuses to keep leaves the previous one in place, and says so', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', causeLog('pytest-failures'));
  await lens.byTestId('failure-summary').waitFor();
  await draftKept(lens);
  // From now on, this browser has no IndexedDB.
  await lens.page.context().addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  await lens.page.reload();
  await lens.ready();
  assert.match(await lens.byTestId('log-input').inputValue(), /FAILED tests\/test_views\.py/);
  await pasteBigLog(lens, 3);
  const notice = lens.page.locator('[data-testid=draft-notice][data-state=not-kept]');
  await notice.waitFor({ timeout: 60_000 });
  assert.match(await notice.textContent(), /refused to keep this text/);
  await lens.page.reload();
  await lens.ready();
  assert.match(await lens.byTestId('log-input').inputValue(), /FAILED tests\/test_views\.py/);
  await lens.close();
});

test('API JSON with comments, as the API documentation prints it, is read, and says so', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', fixtureText('logs/api-v1.1-with-comments.json.txt'));
  await lens.page.locator('[data-testid=log-note][data-note=json-comments]').waitFor();
  assert.equal(await lens.byTestId('log-summary').getAttribute('data-format'), 'api-json');
  await lens.byTestId('timeline-phase').filter({ hasText: 'Collect static files' }).waitFor();
  await lens.close();
});

test('a config pasted on the log page opens in the config explainer with its text', async () => {
  const lens = await site.open('en/');
  const config = fixtureText('logs/looks-like-config.txt');
  await lens.paste('log-input', config);
  await lens.byTestId('open-in-config').click();
  await lens.page.waitForURL((url) => url.pathname.endsWith('/en/config'));
  assert.equal(await lens.byTestId('config-input').inputValue(), config);
  await lens.byTestId('workflow-graph').first().waitFor();
  await lens.close();
});

test('a log pasted on the config page says what it is, and opens in the log explainer with its text', async () => {
  const lens = await site.open('fr/config');
  const log = fixtureText('logs/job-page-passing.txt');
  await lens.paste('config-input', log);
  const notice = lens.byTestId('config-looks-like-log');
  await notice.waitFor();
  assert.match(await notice.textContent(), /journal de build CircleCI/);
  await lens.byTestId('open-in-log').click();
  await lens.page.waitForURL((url) => url.pathname.endsWith('/fr/'));
  assert.equal(await lens.byTestId('log-input').inputValue(), log);
  await lens.byTestId('phase-band').nth(7).waitFor();
  await lens.close();
});

test('counts agree with their words, in both languages', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', '#!/bin/bash -eo pipefail\nnpm test\n\nok\nCircleCI received exit code 0\n');
  await lens.byTestId('log-summary').filter({ hasText: /^1 phase, 5 lines/ }).waitFor();
  await lens.byTestId('lang-fr').click();
  await lens.byTestId('log-summary').filter({ hasText: /^1 phase, 5 lignes/ }).waitFor();
  await lens.close();
});
