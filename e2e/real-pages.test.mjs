// Every address a real page (issue 15): each address of the sitemap answers 200 from a GitHub-Pages-like
// server with its own title, language and canonical address; a documentation page is readable with
// JavaScript off, and the app takes over without moving it; an unknown address still gets "not found".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const REPO = path.resolve(import.meta.dirname, '..');

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

test('a documentation page or a tour stop starts the app once it has loaded; the explainers preload it', async () => {
  for (const route of ['en/docs/phases/checkout-code', 'fr/tour/3']) {
    const read = await (await fetch(site.url + route)).text();
    assert.doesNotMatch(read, /rel="preload"[^>]*_bg\.wasm/, route);
    assert.doesNotMatch(read, /rel="modulepreload"/, route);
    assert.match(read, /<script type="module">\nif \(document\.readyState !== 'complete'\) await new Promise/, route);
    assert.match(read, /const bindings = await import\('\/pipelens\/pipeline-lens-[0-9a-f]+\.js'\);/, route);
    assert.doesNotMatch(read, /^import /m, `${route}: no static import, fetched with the page`);
  }
  const log = await (await fetch(site.url + 'en/')).text();
  assert.match(log, /rel="preload"[^>]*_bg\.wasm/);
  assert.match(log, /rel="modulepreload"/);
});

test('every page loads one stylesheet, and the app is styled by it', async () => {
  for (const route of ['en/', 'fr/config', 'en/docs/phases/checkout-code', 'fr/tour/3', 'no-such-page']) {
    const html = await (await fetch(site.url + route)).text();
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(sheets.length, 1, `${route}: ${sheets.join(', ')}`);
    assert.match(sheets[0], /^\/pipelens\/style-[0-9a-f]{16}\.css$/);
  }
  // It is style/*.css joined in the order index.html names them, so the cascade is the one of the sources.
  const index = fs.readFileSync(path.join(REPO, 'index.html'), 'utf8');
  const sources = [...index.matchAll(/<link data-trunk rel="css" href="([^"]+)"/g)].map((match) => match[1]);
  assert.ok(sources.length > 5, sources.join(', '));
  const html = await (await fetch(site.url + 'en/')).text();
  const bundle = await (await fetch(new URL(html.match(/<link rel="stylesheet" href="([^"]+)"/)[1], site.url))).text();
  let from = 0;
  for (const source of sources) {
    const text = fs.readFileSync(path.join(REPO, source), 'utf8').trimEnd();
    const at = bundle.indexOf(text, from);
    assert.ok(at >= from, `${source} is in the stylesheet, after the ones before it`);
    from = at + text.length;
  }
  const lens = await site.open('en/config');
  assert.equal(await lens.page.evaluate(() => document.styleSheets.length), 1);
  await lens.close();
});

test('the manifest names an SVG icon and PNG icons of 192 and 512 pixels, all there; iOS gets its own', async () => {
  const manifest = await (await fetch(site.url + 'manifest.webmanifest')).json();
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  assert.deepEqual(pngs.map((icon) => icon.sizes).sort(), ['192x192', '512x512']);
  assert.ok(manifest.icons.some((icon) => icon.type === 'image/svg+xml'));
  const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  for (const icon of pngs) {
    const bytes = Buffer.from(await (await fetch(site.url + icon.src)).arrayBuffer());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG', icon.src);
    assert.equal(pngSize(bytes).join('x'), icon.sizes, icon.src);
  }
  const html = await (await fetch(site.url + 'en/docs')).text();
  const touch = html.match(/<link rel="apple-touch-icon" href="([^"]+)"/)?.[1];
  assert.equal(touch, '/pipelens/apple-touch-icon.png');
  const bytes = Buffer.from(await (await fetch(new URL(touch, site.url))).arrayBuffer());
  assert.deepEqual(pngSize(bytes), [180, 180]);
  // Opaque (colour type 2 or 6 with no transparency drawn): iOS would fill transparency with black.
  const lens = await site.open('en/');
  const corner = await lens.page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data];
  }, touch);
  assert.deepEqual(corner, [255, 255, 255, 255]);
  await lens.close();
});

test('a French reader opening the site\'s root goes to /fr/ before the app starts', async () => {
  const context = await site.browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  // Without the module, only the page's own script can move the reader.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(site.url);
  await page.waitForURL(/\/pipelens\/fr\/$/);
  await page.getByRole('heading', { level: 1, name: 'Expliquer un journal de build' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  // A French browser whose reader chose English last time stays on the English root.
  await page.evaluate(() => localStorage.setItem('pipelens.lang', JSON.stringify('en')));
  await page.goto(site.url);
  await page.getByRole('heading', { level: 1, name: 'Explain a build log' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/pipelens/');
  await context.close();
  // An English browser stays where it is.
  const english = await site.browser.newContext({ locale: 'en-GB' });
  const other = await english.newPage();
  await other.route(/\.wasm$/, (route) => route.abort());
  await other.goto(site.url);
  await other.getByRole('heading', { level: 1, name: 'Explain a build log' }).waitFor();
  assert.equal(new URL(other.url()).pathname, '/pipelens/');
  await english.close();
});

test('a phone fetches the small WebP copy of a screenshot, a wide screen the full one; the download is the PNG', async () => {
  const shown = async (options) => {
    const context = await site.browser.newContext({ ...options, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + 'en/docs/phases/checkout-code');
    const image = page.locator('.screenshot img').first();
    await image.evaluate((img) => img.decode());
    const chosen = await image.evaluate((img) => [img.currentSrc, img.getAttribute('src')]);
    const download = await page.locator('.screenshot a.download').first().getAttribute('href');
    await context.close();
    return { url: chosen[0], src: chosen[1], download };
  };
  const phone = await shown({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  assert.match(phone.url, /\/screenshots\/en\/checkout-code-700\.webp$/);
  const wide = await shown({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  assert.match(wide.url, /\/screenshots\/en\/checkout-code\.webp$/);
  for (const seen of [phone, wide]) {
    assert.equal(seen.src, 'screenshots/en/checkout-code.png', 'the PNG stays the fallback');
    assert.equal(seen.download, 'screenshots/en/checkout-code.png');
  }
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
