// Nothing leaves the page: a strict Content-Security-Policy, and no request to any other origin while every
// feature is used.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';
import { samplePath } from './support/fixtures.mjs';
import fs from 'node:fs';

const SEED = fs.readFileSync(samplePath('seed-build-and-test.log'), 'utf8');

const site = useSite();

test('the release build carries a strict Content-Security-Policy', async () => {
  const html = await (await fetch(site.url)).text();
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'a CSP meta element');
  const directives = Object.fromEntries(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values];
  }));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.deepEqual(directives['worker-src'], ["'self'"]);
  assert.ok(directives['script-src'].every((source) => ["'self'", "'wasm-unsafe-eval'"].includes(source) || /^'sha256-/.test(source)));
  assert.ok(!policy.includes('unsafe-inline') && !policy.includes('http'), policy);
});

test('using every feature sends no request outside the site', async () => {
  const lens = await site.open('en/');
  const origin = new URL(site.url).origin;
  const requests = [];
  lens.page.on('request', (request) => requests.push(request.url()));
  const workers = [];
  lens.page.on('worker', (worker) => workers.push(worker.url()));

  await lens.byTestId('load-example').click();
  await lens.byTestId('phase-band').nth(11).waitFor();
  await lens.byTestId('timeline-phase').nth(5).click();
  await lens.byTestId('phase-doc').locator('h2').first().waitFor();
  await lens.byTestId('log-search').fill('cache');
  // Exports and share links are made in the page.
  await Promise.all([lens.page.waitForEvent('download'), lens.byTestId('export-png').click()]);
  await lens.byTestId('export-report').locator('summary').click();
  await Promise.all([lens.page.waitForEvent('download'), lens.byTestId('export-report-html').click()]);
  await lens.byTestId('share-open').click();
  await lens.byTestId('share-link').waitFor();
  // A log of 256 KiB or more is read by the worker, fetched from the site.
  await lens.byTestId('clear-log').click();
  await lens.paste('log-input', SEED.repeat(Math.ceil(300_000 / SEED.length)));
  await lens.byTestId('log-summary').filter({ hasText: /\d{3} phases/ }).waitFor();
  assert.equal(workers.length, 1, 'the log worker ran');
  await lens.byTestId('theme-switch').selectOption('dark');
  await lens.byTestId('keyboard-help-button').click();
  await lens.byTestId('keyboard-help-close').click();
  await lens.byTestId('nav-tour').click();
  await lens.byTestId('tour-next').click();
  await lens.byTestId('nav-log').click();
  await lens.byTestId('lang-fr').click();
  await lens.byTestId('nav-config').click();
  await lens.byTestId('load-example').click();
  await lens.byTestId('workflow-graph').first().waitFor();
  await lens.byTestId('diagnostic').first().click();
  await lens.byTestId('nav-docs').click();
  await lens.byTestId('docs-search').fill('cache');
  await lens.byTestId('docs-search-result').first().waitFor();

  const outside = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(outside, []);
  assert.ok(requests.length > 0);
  await lens.close();
});
