// A large log is read in a Web Worker: a progress bar shows, the page keeps answering, the reader can cancel
// (the text stays), a newer text cancels the running parse, and the report equals the page thread's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const site = useSite();
const pages = useSite(BUILDS.pages);
const SEED = fs.readFileSync(path.resolve(import.meta.dirname, '../samples/seed-build-and-test.log'), 'utf8');

/** The seed log repeated to about `megabytes` MB: a job-page log with twelve phases per copy. */
function bigLog(megabytes) {
  return SEED.repeat(Math.ceil((megabytes * 1_000_000) / SEED.length));
}

/** The phase count and summary once the page shows a report. */
async function result(lens) {
  await lens.byTestId('log-summary').waitFor({ timeout: 120_000 });
  return {
    phases: await lens.byTestId('timeline-phase').count(),
    more: await lens.byTestId('timeline-more').textContent(),
    summary: await lens.byTestId('log-summary').textContent(),
  };
}

test('a large log shows its progress while the page answers, and gives the same report as the page thread', async () => {
  const text = bigLog(20);
  const lens = await site.open('en/');
  // In the page: paste, then sample the progress bar at every animation frame until the summary shows.
  // A frame only runs when the page's thread is free, so seeing the bar move frame after frame shows that
  // the page kept answering while the log was read.
  const seen = await lens.byTestId('log-input').evaluate(async (editor, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const percents = [];
    let label = '';
    await new Promise((done) => {
      const sample = () => {
        const bar = document.querySelector('[data-testid=parse-progress] progress');
        if (bar) {
          percents.push(Number(bar.value));
          label ||= document.querySelector('[data-testid=parse-progress]').textContent;
        }
        if (document.querySelector('[data-testid=log-summary]')) done();
        else requestAnimationFrame(sample);
      };
      sample();
    });
    return { percents, label };
  }, text);
  assert.match(seen.label, /Reading the log… \d+%/);
  const distinct = new Set(seen.percents);
  assert.ok(distinct.size >= 2, `the progress bar was seen at ${[...distinct].join(', ')} %`);
  assert.deepEqual(seen.percents, [...seen.percents].sort((x, y) => x - y), 'the progress never goes back');
  assert.match(await lens.page.locator('[data-testid=log-summary]').textContent(), /\S/);

  const fromWorker = await result(lens);
  assert.equal(await lens.byTestId('parse-progress').count(), 0, 'the progress bar is gone');
  await lens.close();

  // The same text without Web Workers: the page parses it itself.
  const alone = await site.open('en/');
  await alone.page.evaluate(() => { delete window.Worker; });
  await alone.paste('log-input', text);
  const fromPage = await result(alone);
  assert.equal(await alone.byTestId('parse-progress').count(), 0);
  await alone.close();

  const phases = Number(fromWorker.summary.match(/([\d,]+) phases/)[1].replaceAll(',', ''));
  assert.ok(phases > 1000, fromWorker.summary);
  // The timeline draws its first 500 phases and says how many more the log holds.
  assert.equal(fromWorker.phases, 500);
  assert.match(fromWorker.more, new RegExp(`and ${(phases - 500).toLocaleString('en-US')} more phases`));
  assert.deepEqual(fromWorker, fromPage);
});

test('cancelling keeps the text and says so; reading again or a newer text starts over', async () => {
  const text = bigLog(30);
  const lens = await site.open('en/');
  await lens.paste('log-input', text);
  // Loading 30 MB into the editor takes a while in a debug build: the parse starts after it.
  await lens.byTestId('parse-progress').waitFor({ timeout: 120_000 });
  await lens.byTestId('parse-cancel').click();

  const cancelled = lens.byTestId('parse-cancelled');
  await cancelled.waitFor();
  assert.match(await cancelled.textContent(), /cancelled; the text is still in the editor/);
  assert.equal(await lens.byTestId('parse-progress').count(), 0);
  // A text this large is held by the page and described instead of being laid out in the text area; its
  // line count comes with the report, which was cancelled, and the card does not promise a log view.
  const card = lens.byTestId('large-log-card');
  assert.match(await card.textContent(), /^A log of \d+\.\d MB is loaded, too large to edit here/);
  assert.match(await card.textContent(), /Its reading was cancelled, so it is not shown below/);
  assert.doesNotMatch(await card.textContent(), /lines/);
  assert.equal(await lens.byTestId('timeline-phase').count(), 0);

  // Read it again: the progress shows anew, and the card says the log is being shown.
  await lens.byTestId('parse-again').click();
  await lens.byTestId('parse-progress').waitFor();
  assert.equal(await cancelled.count(), 0);
  assert.match(await card.textContent(), /so it is shown in the log view below/);

  // A newer, short text (Clear, then a paste) cancels the running parse and is explained at once.
  await lens.byTestId('clear-log').click();
  await lens.paste('log-input', SEED);
  await lens.byTestId('timeline-phase').nth(11).waitFor();
  assert.equal(await lens.byTestId('timeline-phase').count(), 12);
  assert.equal(await lens.byTestId('parse-progress').count(), 0);
  assert.equal(await cancelled.count(), 0);
  await lens.close();
});

test('the worker also finds the secrets of the log it reads, with their lines, and they can be masked', async () => {
  const KEY = 'AKIAZ7X2Q4M8N1P5R3T6';
  const lines = bigLog(1).split('\n');
  const at = lines.length - 40;
  lines.splice(at, 0, `export AWS_ACCESS_KEY_ID=${KEY}`);
  const text = lines.join('\n');
  const lens = await site.open('en/');
  const started = [];
  lens.page.on('worker', (worker) => started.push(worker.url()));
  await lens.paste('log-input', text);
  await lens.byTestId('log-summary').waitFor({ timeout: 120_000 });
  assert.equal(started.length, 1, 'read by the worker');
  const notice = lens.byTestId('secrets-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), new RegExp(`Secrets found: 1\\. an AWS access key id \\(line ${at + 1}\\)`));
  // Its work done, the worker is ended, which gives its memory back.
  for (let polls = 0; lens.page.workers().length > 0; polls += 1) {
    assert.ok(polls < 300, 'the worker is still running 30 s after its secrets arrived');
    await lens.page.waitForTimeout(100);
  }
  await lens.byTestId('mask-secrets').click();
  await lens.byTestId('secrets-masked').waitFor();
  const masked = await lens.byTestId('log-input').inputValue();
  assert.ok(!masked.includes(KEY));
  assert.equal(masked.split('\n').length, lines.length);
  await lens.close();
});

test('the worker starts under the GitHub Pages sub-path too', async () => {
  const lens = await pages.open('fr/');
  const worker = await lens.page.evaluate(() => document.querySelector('meta[name=pipelens-log-worker]').content);
  assert.match(worker, /^pipelens-log-worker-[0-9a-f]{16}_loader\.js$/);
  // The worker is ended after its parse: the ones started are recorded as they start.
  const workers = [];
  lens.page.on('worker', (started) => workers.push(new URL(started.url()).pathname));
  await lens.paste('log-input', bigLog(1));
  await lens.byTestId('log-summary').waitFor({ timeout: 120_000 });
  assert.deepEqual(workers, [`/pipelens/${worker}`]);
  await lens.close();
});
