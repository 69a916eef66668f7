// A long log stays light: only the rows in view are in the page, and jumping and searching still work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

/** A job-page log of `steps` run steps of `linesPerStep` lines each; line text names its step and number. */
function longLog(steps, linesPerStep) {
  const lines = ['Spin up environment', 'Build-agent version 1.0.220236-88f9a5ed (2024-02-23T14:32:07+0000)'];
  for (let step = 1; step <= steps; step++) {
    lines.push(`Run batch ${step}`, "#!/bin/bash -eo pipefail", `./batch.sh ${step}`, "");
    for (let n = 1; n <= linesPerStep; n++) lines.push(`batch ${step} item ${n}: \u001b[32mok\u001b[0m`);
  }
  lines.push('needle-in-the-haystack found here');
  return lines.join('\n') + '\n';
}

test('a 40,000-line log is drawn virtually, with few nodes, and can be jumped through and searched', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', longLog(20, 2000));
  const view = lens.page.locator('[data-testid=log-view][data-mode=virtual]');
  await view.waitFor();
  assert.equal(await lens.byTestId('timeline-phase').count(), 21);
  const drawn = await lens.page.locator('.log-line').count();
  assert.ok(drawn > 0 && drawn < 300, `${drawn} lines in the page`);

  // Jump to the last phase from the timeline: its header comes into view.
  await lens.byTestId('timeline-phase').last().click();
  const header = lens.page.locator('[data-testid=virtual-header][data-phase="21"]');
  await header.waitFor();
  assert.ok(await header.isVisible());
  assert.match(await header.textContent(), /Run batch 20/);

  // Search finds the last line, far below, and brings it into view.
  await lens.byTestId('log-search').fill('needle-in-the-haystack');
  const match = lens.page.locator('.log-line.is-current-match');
  await match.waitFor();
  assert.match(await match.textContent(), /needle-in-the-haystack found here/);
  assert.equal(await lens.byTestId('log-search-status').textContent(), '1 of 1');
  assert.ok((await lens.page.locator('.log-line').count()) < 300);
  await lens.close();
});

test('search steps through matches with next and previous in a short log', async () => {
  const lens = await site.open('en/?example=seed');
  await lens.byTestId('phase-band').nth(11).waitFor();
  await lens.byTestId('log-search').fill('cci_pycache');
  const status = lens.byTestId('log-search-status');
  await lens.page.waitForFunction(() => /^1 of \d+$/.test(document.querySelector('[data-testid=log-search-status]').textContent));
  const total = Number((await status.textContent()).split(' of ')[1]);
  assert.ok(total > 3, `${total} matches`);
  const firstLine = await lens.page.locator('.log-line.is-current-match').getAttribute('data-line');
  await lens.byTestId('log-search-next').click();
  assert.equal(await status.textContent(), `2 of ${total}`);
  const secondLine = await lens.page.locator('.log-line.is-current-match').getAttribute('data-line');
  assert.ok(Number(secondLine) > Number(firstLine));
  await lens.byTestId('log-search-previous').click();
  await lens.byTestId('log-search-previous').click();
  assert.equal(await status.textContent(), `${total} of ${total}`);
  await lens.close();
});

test('a paste larger than 2 MB is kept out of the text area, described, explained, and can be cleared', async () => {
  const lens = await site.open('en/');
  const big = longLog(10, 9000);
  assert.ok(big.length > 2 * 1024 * 1024, `${big.length} bytes`);
  const inserted = await lens.byTestId('log-input').evaluate((editor, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    editor.dispatchEvent(paste);
    // The page took the text itself: the browser did not insert it.
    return { prevented: paste.defaultPrevented, value: editor.value.length };
  }, big);
  assert.deepEqual(inserted, { prevented: true, value: 0 });
  const card = lens.byTestId('large-log-card');
  await card.waitFor();
  assert.equal(await lens.byTestId('log-input').count(), 0);
  assert.match(await card.textContent(), /^A log of \d+\.\d MB (\([\d,]+ lines\) )?is loaded/);
  // The line count comes with the report (counting 100 MB on the page's thread would hold it).
  await lens.byTestId('log-summary').waitFor({ timeout: 60_000 });
  const lines = big.split('\n').length - (big.endsWith('\n') ? 1 : 0);
  assert.match(await card.textContent(), new RegExp(`\\(${lines.toLocaleString('en-US')} lines\\)`));
  assert.equal(await lens.byTestId('timeline-phase').count(), 11);

  await lens.byTestId('lang-fr').click();
  await card.filter({ hasText: 'Mo' }).waitFor();
  await lens.byTestId('clear-log').click();
  assert.equal(await lens.byTestId('log-input').inputValue(), '');
  await lens.close();
});

test('a large paste is read without blocking, and what the reader does meanwhile wins over it', async () => {
  const lens = await site.open('en/');
  const big = longLog(10, 9000);
  // The paste, then at once (before its first slice is read) a click on "Load the example".
  const prevented = await lens.byTestId('log-input').evaluate((editor, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    editor.dispatchEvent(paste);
    document.querySelector('[data-testid=load-example]').click();
    return paste.defaultPrevented;
  }, big);
  assert.equal(prevented, true);
  await lens.byTestId('timeline-phase').nth(11).waitFor();
  // The superseded paste never lands, even once it would have been read (three slices: about 0.1 s in a
  // release build; this waits far longer, it times nothing).
  await lens.page.waitForTimeout(1500);
  assert.equal(await lens.byTestId('large-log-card').count(), 0);
  assert.equal(await lens.byTestId('paste-reading').count(), 0);
  assert.match(await lens.byTestId('log-input').inputValue(), /^Spin up environment/);
  assert.ok((await lens.byTestId('log-input').inputValue()).length < 100_000);

  // Pasted again into the emptied editor and left alone, it is read and explained.
  await lens.byTestId('clear-log').click();
  await lens.byTestId('log-input').evaluate((editor, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, big);
  await lens.byTestId('large-log-card').waitFor();
  await lens.byTestId('log-summary').filter({ hasText: '11 phases' }).waitFor({ timeout: 60_000 });
  await lens.close();
});
