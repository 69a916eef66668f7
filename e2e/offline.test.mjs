// Works offline (issue 15): after a first visit the explainers and the documentation work without a
// network, nothing pasted is put in a cache, and a newer deploy is offered with a "reload" notice.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { causeLog } from './support/fixtures.mjs';
import { BUILDS, LensPage } from './support/site.mjs';
import { launchBrowser } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';

// A copy of the Pages build, so that a test can deploy a "newer version" of it; each test serves it on a
// port of its own (an origin of its own: its own service worker), and "no network" is its server stopped.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pipelens-offline-'));
let browser;
before(async () => {
  fs.cpSync(BUILDS.pages.dir, folder, { recursive: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Waits until the async `predicate`, evaluated in `page`, is true (`waitForFunction` does not await it). */
async function until(page, predicate, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > end) throw new Error(`still false after ${timeout} ms: ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Serves the copy, opens `relative` in a fresh context and waits until the service worker kept the site. */
async function firstVisit(relative) {
  const server = await serveStatic(folder, BUILDS.pages.prefix);
  const context = await browser.newContext();
  const lens = new LensPage(await context.newPage(), server.url);
  await lens.goto(relative);
  await until(lens.page, async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration?.active || !navigator.serviceWorker.controller) return false;
    const names = await caches.keys();
    return names.length > 0 && (await (await caches.open(names[0])).match('shell.html')) !== undefined;
  });
  return { server, context, lens };
}

test('after a first visit, the explainers and the documentation work without a network', async () => {
  const { server, context, lens } = await firstVisit('en/');
  await server.close();
  await lens.page.reload();
  await lens.ready();
  await lens.paste('log-input', causeLog('pytest-failures'));
  await lens.byTestId('failure-summary').waitFor();
  // A page never opened online: drawn by the app from the kept start page.
  await lens.page.goto(server.url + 'fr/docs/phases/checkout-code');
  await lens.heading().filter({ hasText: 'Récupération du code' }).waitFor();
  await lens.byTestId('docs-body').waitFor();
  await lens.page.goto(server.url + 'en/config');
  await lens.byTestId('config-page').waitFor();
  await context.close();
});

test('nothing pasted is ever put in a cache', async () => {
  const { server, context, lens } = await firstVisit('en/');
  const marker = `pasted-marker-${Date.now()}`;
  await lens.paste('log-input', `${causeLog('pytest-failures')}\n${marker}\n`);
  await lens.byTestId('failure-summary').waitFor();
  await lens.page.goto(server.url + 'en/config');
  await lens.paste('config-input', `version: 2.1\n# ${marker}\njobs: {}\n`);
  await lens.page.goto(server.url + 'en/docs');
  await lens.byTestId('docs-body').waitFor();
  const found = await lens.page.evaluate(async (needle) => {
    const hits = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const text = await (await cache.match(request)).text();
        if (request.url.includes(needle) || text.includes(needle)) hits.push(request.url);
      }
    }
    return hits;
  }, marker);
  assert.deepEqual(found, []);
  await context.close();
  await server.close();
});

test('a newer deploy is offered with a notice, and "reload" brings it', async () => {
  const { server, context, lens } = await firstVisit('en/');
  // A new deploy: the service worker's version changes.
  const worker = path.join(folder, 'sw.js');
  fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
  await lens.page.reload();
  await lens.ready();
  const notice = lens.byTestId('update-notice');
  await notice.waitFor({ timeout: 60_000 });
  assert.match(await notice.textContent(), /A new version of Pipeline Lens is available/);
  await Promise.all([lens.page.waitForEvent('load'), lens.byTestId('update-reload').click()]);
  await lens.ready();
  await until(lens.page, async () => (await caches.keys()).some((key) => key.endsWith('-next')));
  assert.equal(await lens.byTestId('update-notice').count(), 0);
  await context.close();
  await server.close();
});
