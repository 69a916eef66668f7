// Writes a real page for every address of the site: the app is opened in headless Chromium on the built
// site, every address it links to is visited, and what it shows there once settled is written as
// `<address>.html` (or `<address>/index.html`), with the page's own title, description, canonical URL,
// language alternates and Open Graph tags. So every address answers 200 on GitHub Pages with its content
// in the HTML (readable and printable with JavaScript off, indexable); the app, when it starts, draws the
// same page in a hidden copy and swaps it in (src/services/prerendered.rs). Also writes sitemap.xml and
// robots.txt. The site's root (`index.html`) holds the English log page, which sends a French reader to
// `fr/` before it is drawn (`withLanguageChoice`), and `404.html` the not-found page, marked `noindex`.
//
// Run by finalize-site.mjs in release builds (Chromium is needed to build a release: `CHROMIUM` names it).
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { serveStatic } from './lib/static-server.mjs';

/** The languages of the site, in the order of the sitemap. */
const LANGS = ['en', 'fr'];
/** The browser the pages are read in: a fresh English-speaking one, at a laptop's width. */
const CONTEXT = { viewport: { width: 1280, height: 900 }, locale: 'en-GB', serviceWorkers: 'block' };
/** The Open Graph locale of each language. */
const OG_LOCALE = { en: 'en_GB', fr: 'fr_FR' };

/**
 * Prerenders the site in `dir` (a built site, `index.html` with its `<base href>`), whose absolute address
 * is `origin` + the base path. Returns the addresses written, relative to the base, and the files written.
 */
export async function prerender(dir, origin) {
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  if (template.includes('<div id="prerendered">')) throw new Error(`prerender: ${dir} is already prerendered`);
  const base = template.match(/<base href="([^"]*)"/)?.[1] ?? '/';
  // While the pages are read, every address opens the app, as `trunk serve` does.
  fs.writeFileSync(path.join(dir, '404.html'), template);
  const server = await serveStatic(dir, base);
  const browser = await launchBrowser();
  const pages = new Map();
  let notFound;
  try {
    const context = await browser.newContext(CONTEXT);
    const page = await context.newPage();
    const pending = LANGS.map((lang) => `${lang}/`);
    const seen = new Set(pending);
    while (pending.length > 0) {
      const route = pending.shift();
      const captured = await capture(page, server.url, route);
      for (const link of captured.links) {
        if (!seen.has(link)) {
          seen.add(link);
          pending.push(link);
        }
      }
      pages.set(route, pageHtml(template, { ...captured, route, origin, base }));
    }
    await context.close();
    // A fresh browser: the pages above left French as the remembered language.
    const fresh = await browser.newContext(CONTEXT);
    notFound = await capture(await fresh.newPage(), server.url, 'no-such-page');
    await fresh.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const files = new Set();
  const write = (file, html) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, html);
    files.add(file);
  };
  const routes = [...pages.keys()].sort();
  for (const route of routes) write(fileFor(dir, route), pages.get(route));
  // `/en/docs` is also a folder (`/en/docs/<page>`): should a host prefer the folder, it finds the page too.
  for (const route of routes) {
    if (!route.endsWith('/') && fs.existsSync(path.join(dir, route))) write(path.join(dir, route, 'index.html'), pages.get(route));
  }
  write(path.join(dir, 'index.html'), withLanguageChoice(pages.get('en/'), base));
  write(path.join(dir, '404.html'), notFoundHtml(template, notFound));
  fs.writeFileSync(path.join(dir, 'sitemap.xml'), sitemap(routes, origin + base));
  fs.writeFileSync(path.join(dir, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${origin}${base}sitemap.xml\n`);
  return { routes, files: [...files] };
}

/** The file that answers `route` on GitHub Pages: `en/` → `en/index.html`, `en/config` → `en/config.html`. */
export function fileFor(dir, route) {
  return route.endsWith('/') ? path.join(dir, route, 'index.html') : path.join(dir, `${route}.html`);
}

/**
 * Opens `route`, waits until the app says the page is complete, and reads what it shows: the app's
 * markup (without test ids), the title, description and language, and the addresses it links to.
 */
async function capture(page, siteUrl, route) {
  await page.goto(siteUrl + route);
  await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true', null, { timeout: 30_000 });
  return page.evaluate((siteUrl) => {
    const app = document.getElementById('app');
    const copy = app.cloneNode(true);
    for (const element of copy.querySelectorAll('[data-testid]')) element.removeAttribute('data-testid');
    const links = [...app.querySelectorAll('a[href]')]
      .map((a) => a.href.split('#')[0].split('?')[0])
      .filter((href) => href.startsWith(siteUrl))
      .map((href) => href.slice(siteUrl.length))
      .filter((route) => /^(en|fr)(\/|$)/.test(route) && !/\.\w+$/.test(route))
      // The documentation's home is also its page `index`: one address for it.
      .map((route) => route.replace(/^(en|fr)\/docs\/index$/, '$1/docs'));
    return {
      body: copy.innerHTML,
      title: document.title,
      description: document.querySelector('meta[name=description]')?.content ?? '',
      lang: document.documentElement.lang,
      links,
    };
  }, siteUrl);
}

/** The route of `route` in `lang` (`en/docs/x` → `fr/docs/x`). */
function inLanguage(route, lang) {
  return route.replace(/^(en|fr)/, lang);
}

/** Escapes text for an HTML attribute or element. */
function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The built page `template` made into the page of one address. */
export function pageHtml(template, { body, title, description, lang, route, origin, base }) {
  const url = (r) => `${origin}${base}${r}`;
  const page = READ_BEFORE_THE_APP.test(route) ? startsAfterLoad(template) : template;
  return written(page, body, lang, [
    `<title>${escape(title)}</title>`,
    `<meta name="description" content="${escape(description)}" />`,
    `<link rel="canonical" href="${url(route)}" />`,
    ...LANGS.map((other) => `<link rel="alternate" hreflang="${other}" href="${url(inLanguage(route, other))}" />`),
    `<link rel="alternate" hreflang="x-default" href="${url(inLanguage(route, 'en'))}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Pipeline Lens" />`,
    `<meta property="og:title" content="${escape(title)}" />`,
    `<meta property="og:description" content="${escape(description)}" />`,
    `<meta property="og:url" content="${url(route)}" />`,
    `<meta property="og:locale" content="${OG_LOCALE[lang] ?? 'en_GB'}" />`,
  ]);
}

/**
 * The addresses whose written copy is what a reader reads first, so that the app can wait for `load`: the
 * documentation (`en/docs`, `fr/docs/phases/checkout-code`) and the tour's stops (`en/tour/3`), whose
 * text, log lines and configuration lines are all in the HTML. The explainers wait for a paste: they
 * preload the module.
 */
const READ_BEFORE_THE_APP = /^[a-z]{2}\/(docs|tour)(\/|$)/;

/**
 * `template` with the module started once the page has loaded, for a page read before the app starts (a
 * documentation page, a tour stop): neither the 750 KB module nor its JavaScript glue is preloaded beside
 * the page's first screenshot any more, and the glue is imported (dynamically) only after the `load`
 * event: a static `import` would be fetched with the page whatever the script awaits. With the preload,
 * Lighthouse's simulated slow 4G counted the module's download in the page's largest paint whenever the
 * first paint came after the download on the (fast, local) observed run: LCP 5.7 s on a documentation
 * page, 4.8 s in 3 runs of 10 on a tour stop (observed: 0.13 s).
 */
export function startsAfterLoad(template) {
  const module = '<script type="module">';
  const staticImport = /^import init, \* as bindings from '([^']+)';$/m;
  if (!template.includes(module)) throw new Error('prerender: no module script in index.html');
  if (!staticImport.test(template)) throw new Error("prerender: the module script does not import Trunk's glue as expected");
  return template
    .replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>\s*/, '')
    .replace(/\s*<link rel="modulepreload" [^>]*>/, '')
    .replace(staticImport, "const bindings = await import('$1');\nconst init = bindings.default;")
    .replace(
      module,
      `${module}\nif (document.readyState !== 'complete') await new Promise((loaded) => addEventListener('load', loaded, { once: true }));`,
    );
}

/**
 * The site's root page (`page`, the English log page) with a small script, run before anything is drawn,
 * that sends a reader whose language is French (chosen on an earlier visit, else the browser's own) to
 * `BASE/fr/` at once: the root shows no English to a French reader while the module loads, as it did
 * when only the app moved them. The same choice as the app's (`src/services/preferences.rs`: the
 * remembered `pipelens.lang`, a JSON string, else `navigator.language`); the app still moves an English
 * reader from `/` to `/en/` when it starts. The script is inline, allowed by its hash in the page's CSP.
 */
export function withLanguageChoice(page, base) {
  const script =
    '<script>try{var l=localStorage.getItem("pipelens.lang");try{l=JSON.parse(l)}catch(e){}' +
    'if(l!=="en"&&l!=="fr")l=String(navigator.language).split(/[-_]/)[0].toLowerCase();' +
    `if(l==="fr")location.replace(${JSON.stringify(`${base}fr/`)}+location.search+location.hash)}catch(e){}</script>`;
  if (!page.includes('<title>')) throw new Error('prerender: no <title> in the root page');
  return page.replace('<title>', `${script}\n    <title>`);
}

/** The not-found page: the app's "page not found", in the template, kept out of search engines. */
function notFoundHtml(template, { body, title, description, lang }) {
  return written(template, body, lang, [
    `<title>${escape(title)}</title>`,
    `<meta name="description" content="${escape(description)}" />`,
    `<meta name="robots" content="noindex" />`,
  ]);
}

/**
 * `template` in language `lang`, with `head` (lines) in place of its title and description, and `body`
 * written at the start of its `<body>`, in the element the app replaces.
 */
function written(template, body, lang, head) {
  if (!template.includes('<body>')) throw new Error('prerender: no <body> in index.html');
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace(/<title>[^<]*<\/title>/, head.join('\n    '))
    .replace('<body>', `<body>\n    <div id="prerendered">${body}</div>`);
}

/** The sitemap of `routes` under `root` (absolute, with its trailing slash), with language alternates. */
export function sitemap(routes, root) {
  const entries = routes.map((route) => {
    const alternates = LANGS.map(
      (lang) => `    <xhtml:link rel="alternate" hreflang="${lang}" href="${root}${inLanguage(route, lang)}"/>`,
    ).join('\n');
    return `  <url>\n    <loc>${root}${route}</loc>\n${alternates}\n  </url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const origin = process.env.PIPELENS_SITE_ORIGIN ?? 'http://localhost:8080';
  const { routes } = await prerender(dir, origin);
  console.log(`prerender: ${routes.length} addresses written in ${dir}`);
}
