// Exports for handouts: a PNG screenshot of a phase or a config part, and a report (HTML or Markdown)
// of the explained log or config, secrets masked by default; printing gives a clean handout.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

const KEY = 'AKIAIOSFODNN7ABCDEFG';
const LOG = [
  'Spin up environment',
  'Build-agent version 1.0.220236-88f9a5ed (2024-02-23T14:32:07+0000)',
  'Starting container cimg/python:3.12.0',
  'Checkout code',
  'Cloning git repository',
  'Run tests',
  '#!/bin/bash -eo pipefail',
  `aws configure set aws_access_key_id ${KEY}`,
  "echo '<script>window.__pwned = 1</script></code></pre>'",
  '',
  'FAILED tests/test_models.py::test_str - AssertionError',
  'Exited with code exit status 1',
].join('\n');

const CONFIG = [
  'version: 2.1',
  'jobs:',
  '  build:',
  '    docker:',
  '      - image: cimg/base:2024.01',
  '        auth:',
  '          username: me',
  '          password: s3cr3t-Passw0rd',
  '    steps:',
  '      - checkout',
  '      - run: echo "</code><script>window.__pwned = 1</script>"',
  'workflows:',
  '  main:',
  '    jobs: [build]',
  '',
].join('\n');

/** Checks the PNG signature and returns the width and height written in its IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Clicks `testId` and returns the download it starts: its suggested name and its bytes. */
async function download(lens, testId) {
  const [event] = await Promise.all([lens.page.waitForEvent('download'), lens.byTestId(testId).click()]);
  const bytes = await fs.readFile(await event.path());
  return { name: event.suggestedFilename(), bytes };
}

/** Opens the report menu and downloads the report in `format` (`html` or `markdown`) as text. */
async function report(lens, format) {
  const menu = lens.byTestId('export-report');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const file = await download(lens, `export-report-${format}`);
  return { name: file.name, text: file.bytes.toString('utf8') };
}

/** Markdown without its fenced code blocks, where text is literal and never markup. */
function outsideFences(markdown) {
  return markdown.replace(/^(`{3,})text\n[\s\S]*?^\1$/gm, '');
}

/** Decodes a PNG in the page and returns its size, as the browser sees it. */
async function decodedSize(lens, bytes) {
  return lens.page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    return { width: bitmap.width, height: bitmap.height };
  }, bytes.toString('base64'));
}

async function withLog() {
  const lens = await site.open('en/');
  await lens.paste('log-input', LOG);
  // A new log opens on its first failure: the run step, phase 3.
  await lens.byTestId('explanation-title').filter({ hasText: 'Run tests' }).waitFor();
  return lens;
}

test('a phase screenshot is a PNG drawn in the page, with the AWS key masked and said so', async () => {
  const lens = await withLog();
  const note = lens.byTestId('export-note');
  assert.equal(await note.textContent(), '1 secret masked: an AWS access key id (line 8).');
  const png = await download(lens, 'export-png');
  assert.equal(png.name, 'pipeline-lens-phase-3-run-tests.png');
  const size = pngSize(png.bytes);
  assert.ok(size.width >= 400 && size.height >= 100, JSON.stringify(size));
  assert.deepEqual(await decodedSize(lens, png.bytes), size);
  const status = await lens.byTestId('export-status').textContent();
  assert.match(status, /^Downloaded pipeline-lens-phase-3-run-tests\.png\. 1 secret masked: an AWS access key id \(line 8\)\.$/);

  await lens.byTestId('export-include-secrets').check();
  assert.match(await note.textContent(), /^Secrets included unmasked: 1/);
  const unmasked = await download(lens, 'export-png');
  assert.ok(!unmasked.bytes.equals(png.bytes), 'the unmasked screenshot differs');
  await lens.close();
});

test('the log report, in HTML and Markdown, English and French, holds the phases and masks the key', async () => {
  const lens = await withLog();
  const html = await report(lens, 'html');
  assert.equal(html.name, 'pipeline-lens-log-report-en.html');
  const markdown = await report(lens, 'markdown');
  assert.equal(markdown.name, 'pipeline-lens-log-report-en.md');
  for (const { text } of [html, markdown]) {
    assert.ok(!text.includes(KEY), 'the key is masked');
    assert.ok(text.includes('aws_access_key_id ••••••••'));
    for (const heading of ['Phase 1: Spin up environment', 'Phase 2: Checkout code', 'Phase 3: Run tests']) {
      assert.ok(text.includes(heading), heading);
    }
    assert.ok(text.includes('1 secret masked: an AWS access key id (line 8).'));
    assert.ok(text.includes('What the log says'));
    assert.match(text, /build agent version/i, 'the facts are listed');
  }
  assert.ok(!html.text.toLowerCase().includes('<script'), 'no script in the HTML report');
  assert.ok(!outsideFences(markdown.text).includes('<script'), 'no script outside the code blocks');
  assert.ok(markdown.text.includes("echo '<script>window.__pwned = 1</script></code></pre>'"), 'the line as typed, in a fence');
  assert.ok(html.text.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;/code&gt;&lt;/pre&gt;'));
  assert.match(html.text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.ok(!/\b(src|href)="(?!https?:\/\/)/.test(html.text.replace(/href="http:\/\/127\.0\.0\.1[^"]*"/g, '')), 'no local resource');

  await lens.byTestId('lang-fr').click();
  await lens.byTestId('export-note').filter({ hasText: '1 secret masqué' }).waitFor();
  const french = await report(lens, 'html');
  assert.equal(french.name, 'pipeline-lens-log-report-fr.html');
  assert.ok(french.text.startsWith('<!DOCTYPE html>\n<html lang="fr">'));
  assert.ok(french.text.includes('Phase 3\u00a0: Run tests'));
  assert.ok(french.text.includes('Ce que dit le journal') || french.text.includes('journal'), 'facts heading in French');
  assert.ok(!french.text.includes(KEY));
  const frenchMarkdown = await report(lens, 'markdown');
  assert.ok(frenchMarkdown.text.startsWith('# Journal de build expliqué'));
  assert.ok(!frenchMarkdown.text.includes(KEY));
  assert.equal(await lens.page.evaluate(() => window.__pwned), undefined);
  await lens.close();
});

test('printing the log page hides the tools and shows every phase band', async () => {
  const lens = await withLog();
  await lens.page.emulateMedia({ media: 'print' });
  assert.equal(await lens.byTestId('log-input').isVisible(), false, 'the editor is hidden');
  assert.equal(await lens.byTestId('site-nav').isVisible(), false, 'the navigation is hidden');
  assert.equal(await lens.byTestId('export-menu').isVisible(), false, 'the export buttons are hidden');
  const bands = lens.byTestId('phase-band');
  assert.equal(await bands.count(), 3);
  for (const band of await bands.all()) assert.ok(await band.isVisible());
  assert.ok(await lens.byTestId('phase-explanation').isVisible());
  await lens.page.emulateMedia({ media: 'screen' });
  assert.ok(await lens.byTestId('log-input').isVisible());
  await lens.close();
});

test('a config part screenshot and the config report mask the password', async () => {
  const lens = await site.open('en/config');
  await lens.paste('config-input', CONFIG);
  const menu = lens.byTestId('export-menu');
  await menu.waitFor();
  assert.ok(await lens.byTestId('export-png').isDisabled(), 'nothing selected yet');
  await lens.byTestId('config-part').filter({ hasText: /^build$/ }).first().click();
  await lens.byTestId('export-note').filter({ hasText: '1 secret masked: a password (line 8).' }).waitFor();
  const png = await download(lens, 'export-png');
  assert.equal(png.name, 'pipeline-lens-config-line-3-build.png');
  const size = pngSize(png.bytes);
  assert.deepEqual(await decodedSize(lens, png.bytes), size);
  assert.match(await lens.byTestId('export-status').textContent(), /1 secret masked: a password \(line 8\)/);

  for (const format of ['html', 'markdown']) {
    const { text } = await report(lens, format);
    assert.ok(!text.includes('s3cr3t-Passw0rd'));
    assert.ok(text.includes('1 secret masked: a password (line 8).'));
    assert.ok(text.includes('Job build') && text.includes('checkout') && text.includes('main'));
    assert.ok(!outsideFences(text).includes('<script'), `no script in the ${format} report`);
  }
  await lens.byTestId('lang-fr').click();
  await lens.byTestId('export-note').filter({ hasText: '1 secret masqué' }).waitFor();
  const french = await report(lens, 'markdown');
  assert.ok(french.text.startsWith('# Configuration expliquée'));
  assert.ok(french.text.includes('Vérifications'));

  await lens.page.emulateMedia({ media: 'print' });
  assert.equal(await lens.byTestId('config-input').isVisible(), false, 'the editor is hidden');
  assert.ok(await lens.byTestId('part-explanation').isVisible());
  await lens.close();
});
