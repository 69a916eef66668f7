// Every address a real page (issue 15): each address of the sitemap answers 200 from a GitHub-Pages-like
// server with its own title, language and canonical address; a documentation page is readable with
// JavaScript off, and the app takes over without moving it; an unknown address still gets "not found".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const site = useSite(BUILDS.pages);

/** The addresses of the sitemap, relative to the site. */
async function sitemapRoutes() {
  const xml = await (await fetch(site.url + 'sitemap.xml')).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname.replace(/^\/pipelens\//, ''));
}

test('every address of the sitemap answers 200 with its own title, language and canonical address', async () => {
  const routes = await sitemapRoutes();
  const english = routes.filter((route) => route.startsWith('en/'));
  const french = routes.filter((route) => route.startsWith('fr/'));
  assert.equal(english.length, french.length, 'both languages have the same addresses');
  for (const expected of ['en/', 'en/config', 'en/docs', 'en/docs/phases/checkout-code', 'en/tour', 'en/tour/3', 'fr/docs/causes/out-of-memory']) {
    assert.ok(routes.includes(expected), `${expected} is in the sitemap`);
  }
  const titles = new Set();
  for (const route of routes) {
    const response = await fetch(site.url + route);
    assert.equal(response.status, 200, route);
    const html = await response.text();
    const lang = route.slice(0, 2);
    assert.match(html, new RegExp(`<html lang="${lang}"`), route);
    const title = html.match(/<title>([^<]*)<\/title>/)[1];
    assert.match(title, / — Pipeline Lens$/, route);
    titles.add(title);
    assert.match(html, new RegExp(`<link rel="canonical" href="[^"]*/pipelens/${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), route);
    assert.match(html, /<link rel="alternate" hreflang="fr"/, route);
    assert.match(html, /<meta property="og:title"/, route);
    assert.match(html, /<meta name="description" content="[^"]{20,}"/, route);
    assert.match(html, /<div id="prerendered">/, route);
  }
  // Documentation pages are told apart by their titles (the tour's stops share one).
  assert.ok(titles.size > routes.length / 2, `${titles.size} titles for ${routes.length} addresses`);
  const robots = await (await fetch(site.url + 'robots.txt')).text();
  assert.match(robots, /Sitemap: .*\/pipelens\/sitemap\.xml/);
});

test('a documentation page starts the app once it has loaded; the explainers preload it', async () => {
  const docs = await (await fetch(site.url + 'en/docs/phases/checkout-code')).text();
  assert.doesNotMatch(docs, /rel="preload"[^>]*_bg\.wasm/);
  assert.match(docs, /<script type="module">\nif \(document\.readyState !== 'complete'\) await new Promise/);
  const log = await (await fetch(site.url + 'en/')).text();
  assert.match(log, /rel="preload"[^>]*_bg\.wasm/);
});

test('a documentation page is readable with JavaScript off, its navigation included', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + 'fr/docs/phases/checkout-code');
  await page.getByRole('heading', { level: 1, name: 'Récupération du code' }).waitFor();
  assert.ok((await page.locator('.docs-body p').count()) > 3, 'the article is there');
  assert.ok((await page.locator('.docs-toc a').count()) > 1, 'the table of contents is there');
  // A link of the navigation is a plain link to another real page.
  await page.locator('.docs-groups a[href$="/fr/docs/phases/restoring-cache"]').click();
  await page.getByRole('heading', { level: 1, name: /Restauration du cache/ }).waitFor();
  await context.close();
});

test('the app takes over a written page without moving it, and then works there', async () => {
  const lens = await site.open('en/docs/phases/checkout-code');
  await lens.page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await lens.byTestId('docs-body').waitFor();
  assert.equal(await lens.page.locator('#prerendered').count(), 0, 'the written copy is gone');
  assert.equal(await lens.page.getAttribute('html', 'data-page-ready'), 'true');
  const shift = await lens.page.evaluate(() => window.__shift);
  assert.ok(shift < 0.05, `cumulative layout shift ${shift}`);
  assert.match(await lens.page.title(), /^Checkout code — Pipeline Lens$/);
  // Search, language and links work.
  await lens.byTestId('docs-search').fill('cache');
  await lens.byTestId('docs-search-result').first().waitFor();
  await lens.byTestId('lang-fr').click();
  await lens.heading().filter({ hasText: 'Récupération du code' }).waitFor();
  assert.match(await lens.page.title(), /^Récupération du code — Pipeline Lens$/);
  await lens.byTestId('docs-next').click();
  await lens.page.waitForURL(/\/fr\/docs\/(?!phases\/checkout-code)/);
  await lens.close();
});

test('an unknown address answers 404 with the not-found page, in the reader\'s language', async () => {
  const response = await fetch(site.url + 'en/no/such/page');
  assert.equal(response.status, 404);
  const html = await response.text();
  assert.match(html, /<meta name="robots" content="noindex"/);
  assert.match(html, /Page not found/);
  const lens = await site.open('fr/no/such/page', { locale: 'fr-FR' });
  await lens.byTestId('not-found').waitFor();
  await lens.heading().filter({ hasText: 'Page introuvable' }).waitFor();
  await lens.close();
});
