// Trunk's post-build hook: the last touches on the built site in $TRUNK_STAGING_DIR.
//
// 1. Give the log worker's files (Trunk's `data-type="worker"` asset: loader, JS, wasm) a content hash in
//    their names, as Trunk does for the main bundle but not for workers, so that a browser never mixes a
//    cached worker with a newer page; then name the loader in `<meta name="pipelens-log-worker">`: Trunk
//    leaves no trace of a worker in the page, and the app needs the file name to start it
//    (src/services/log_worker.rs). The name is relative to the page's `<base>`, so it works under a sub-path.
// 2. In a release build, write a real page for every address (scripts/prerender.mjs: the app's own markup
//    for each page, its title, description, canonical URL and language alternates), `404.html` (the
//    not-found page), `sitemap.xml` and `robots.txt`; then write into every page a strict
//    Content-Security-Policy: only this origin, the wasm compiler, and the page's inline scripts by their
//    hash (Trunk's start-up script names the hashed bundle files, so the hash is computed here, after the
//    build). `trunk serve` (debug) keeps no CSP, as its live-reload script is injected inline and talks over
//    a WebSocket, and writes no pages: `404.html` is a copy of index.html, so deep links still open the app.
//    Before that, the release page's stylesheets (one file per part of the app in style/, as Trunk copies
//    them) are joined, in their order, into one hashed file: ten render-blocking requests become one,
//    which brought the first paint of every page on Lighthouse's slow 4G from 1.2 s to 0.9 s; and PNG icons
//    are drawn from the SVG one (`PNG_ICONS`), for the manifest and iOS.
//    Then the web app manifest (installable) and `sw.js`, the service worker of scripts/service-worker.js
//    with this build's version and the files it keeps on the first visit, so the site works offline.
// 3. Add .nojekyll, so that Pages serves every file as it is.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { prerender } from './prerender.mjs';

/**
 * The PNG icons drawn from the build's SVG icon, for the systems that want a bitmap: `name` → [size in
 * pixels, background]. Android's launcher and the install prompts take the manifest's
 * 192- and 512-pixel icons; iOS takes `apple-touch-icon.png` (180 pixels, opaque: it would fill
 * transparency with black).
 */
const PNG_ICONS = {
  'icon-192.png': [192, 'transparent'],
  'icon-512.png': [512, 'transparent'],
  'apple-touch-icon.png': [180, '#ffffff'],
};

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('finalize-site: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(2);
}
const indexPath = path.join(staging, 'index.html');
let html = withWorkerName(fs.readFileSync(indexPath, 'utf8'), hashWorkerFiles(staging));
if (process.env.TRUNK_PROFILE === 'release') {
  html = withOneStylesheet(html, staging);
  await writeIcons(staging);
  html = withTouchIcon(html);
}
fs.writeFileSync(indexPath, html);
if (process.env.TRUNK_PROFILE === 'release') {
  const origin = process.env.PIPELENS_SITE_ORIGIN ?? 'http://localhost:8080';
  const pages = await prerender(staging, origin);
  const shell = path.join(staging, 'shell.html');
  fs.writeFileSync(shell, html);
  for (const file of [...pages.files, shell]) {
    fs.writeFileSync(file, withContentSecurityPolicy(fs.readFileSync(file, 'utf8')));
  }
  fs.writeFileSync(path.join(staging, 'manifest.webmanifest'), manifest(fs.readdirSync(staging)));
  const kept = writeServiceWorker(staging);
  console.log(`finalize-site: ${pages.routes.length} addresses written as pages; ${kept} files kept for offline use`);
} else {
  fs.writeFileSync(path.join(staging, '404.html'), html);
}
fs.writeFileSync(path.join(staging, '.nojekyll'), '');

/**
 * Renames `pipelens-log-worker{.js,_bg.wasm,_loader.js}` in `folder` to `pipelens-log-worker-HASH...`,
 * rewriting the references between them; returns the folder's file names afterwards.
 */
export function hashWorkerFiles(folder) {
  const base = 'pipelens-log-worker';
  const file = (suffix, name = base) => path.join(folder, `${name}${suffix}`);
  if (!fs.existsSync(file('_loader.js'))) return fs.readdirSync(folder);
  const js = fs.readFileSync(file('.js'), 'utf8');
  const wasm = fs.readFileSync(file('_bg.wasm'));
  const hash = createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16);
  const hashed = `${base}-${hash}`;
  const quotedWasm = `'${base}_bg.wasm'`;
  if (!js.includes(quotedWasm)) throw new Error(`finalize-site: ${base}.js does not load ${quotedWasm}`);
  const loader = fs.readFileSync(file('_loader.js'), 'utf8');
  if (!loader.includes(`./${base}.js`)) throw new Error(`finalize-site: the worker loader does not import ${base}.js`);
  fs.writeFileSync(file('.js', hashed), js.replace(quotedWasm, `'${hashed}_bg.wasm'`));
  fs.writeFileSync(file('_loader.js', hashed), loader.replace(`./${base}.js`, `./${hashed}.js`));
  fs.renameSync(file('_bg.wasm'), file('_bg.wasm', hashed));
  fs.rmSync(file('.js'));
  fs.rmSync(file('_loader.js'));
  return fs.readdirSync(folder);
}

/** The page with a meta element naming the log worker's loader script, found among `files`. */
export function withWorkerName(page, files) {
  const loaders = files.filter((name) => /^pipelens-log-worker(-[0-9a-f]+)?_loader\.js$/.test(name));
  if (loaders.length !== 1) {
    throw new Error(`finalize-site: expected one log worker loader, found ${loaders.length} (${loaders.join(', ')})`);
  }
  const meta = `<meta name="pipelens-log-worker" content="${loaders[0]}" />`;
  if (!/<meta charset="utf-8" \/>/.test(page)) throw new Error('finalize-site: no <meta charset> in index.html');
  return page.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
}

/**
 * The page with its stylesheets (`<link rel="stylesheet" href="BASE/NAME.css" integrity=…>`, in `folder`)
 * replaced by one, `style-HASH.css`, their texts joined in the page's order so that the cascade is the
 * same; the joined files are removed from `folder`.
 */
export function withOneStylesheet(page, folder) {
  const links = [...page.matchAll(/<link rel="stylesheet" href="([^"]*?)([^"/]+\.css)"[^>]*\/?>/g)];
  if (links.length === 0) throw new Error('finalize-site: no stylesheet in index.html');
  const css = links.map((link) => fs.readFileSync(path.join(folder, link[2]), 'utf8').trimEnd()).join('\n') + '\n';
  const name = `style-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  fs.writeFileSync(path.join(folder, name), css);
  for (const link of links) fs.rmSync(path.join(folder, link[2]));
  const tag = `<link rel="stylesheet" href="${links[0][1]}${name}" integrity="${integrity}"/>`;
  let joined = page.replace(links[0][0], tag);
  for (const link of links.slice(1)) joined = joined.replace(new RegExp(`\\s*${escapeRegExp(link[0])}`), '');
  return joined;
}

/** `text` with the characters that mean something in a regular expression escaped. */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The page with a CSP meta element placed right after `<meta charset>`, before any script. */
export function withContentSecurityPolicy(page) {
  const hashes = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((match) => !/\bsrc=/.test(match[0].slice(0, match[0].indexOf('>'))))
    .map((match) => `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (!/<meta charset="utf-8" \/>/.test(page)) throw new Error('finalize-site: no <meta charset> in index.html');
  return page.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
}

/** Draws the PNG icons of `PNG_ICONS` from the SVG icon in `folder`, in headless Chromium. */
export async function writeIcons(folder) {
  const svg = fs.readFileSync(path.join(folder, svgIcon(fs.readdirSync(folder))));
  const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    for (const [name, [size, background]] of Object.entries(PNG_ICONS)) {
      // An opaque icon keeps a margin, as iOS rounds its corners; a transparent one uses all its square.
      const inner = background === 'transparent' ? size : Math.round(size * 0.8);
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<body style="margin:0;background:${background};display:grid;place-items:center;height:${size}px">` +
          `<img src="${source}" width="${inner}" height="${inner}" alt=""></body>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      await page.screenshot({ path: path.join(folder, name), omitBackground: background === 'transparent' });
    }
  } finally {
    await browser.close();
  }
}

/** The page with the iOS home-screen icon named in its head, beside the favicon. */
export function withTouchIcon(page) {
  const favicon = page.match(/<link rel="icon" href="([^"]*?)[^"/]*"[^>]*>/);
  if (!favicon) throw new Error('finalize-site: no favicon link in index.html');
  return page.replace(favicon[0], `${favicon[0]}\n    <link rel="apple-touch-icon" href="${favicon[1]}apple-touch-icon.png"/>`);
}

/** The build's (hashed) SVG icon among `files`. */
function svgIcon(files) {
  const icon = files.find((name) => /^favicon(-[0-9a-f]+)?\.svg$/.test(name));
  if (!icon) throw new Error('finalize-site: no favicon in the build');
  return icon;
}

/** The web app manifest, naming the build's icons among `files`: the SVG one, and the PNG ones when there. */
export function manifest(files) {
  const pngs = Object.entries(PNG_ICONS)
    .filter(([name]) => name.startsWith('icon-') && files.includes(name))
    .map(([name, [size]]) => ({ src: name, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' }));
  return `${JSON.stringify(
    {
      name: 'Pipeline Lens',
      short_name: 'Pipeline Lens',
      description: 'CircleCI build logs and configurations explained, phase by phase, in English and French.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b7a75',
      icons: [{ src: svgIcon(files), sizes: 'any', type: 'image/svg+xml', purpose: 'any' }, ...pngs],
    },
    null,
    2,
  )}\n`;
}

/**
 * The files of `folder` the service worker keeps on the first visit: the bundle, styles, worker, icon,
 * manifest, the blank start page and the documentation's articles and indexes (not the screenshots, nor
 * the written pages, which are kept when opened).
 */
export function offlineFiles(folder) {
  const root = fs
    .readdirSync(folder)
    .filter((name) => (/\.(wasm|js|css|svg|webmanifest)$/.test(name) || name in PNG_ICONS) && name !== 'sw.js')
    .concat('shell.html');
  const content = fs
    .readdirSync(path.join(folder, 'content'), { recursive: true })
    .filter((name) => fs.statSync(path.join(folder, 'content', name)).isFile())
    .map((name) => `content/${name.split(path.sep).join('/')}`);
  return [...root, ...content].sort();
}

/** Writes `sw.js` into `folder`: the service worker with this build's version and files; returns how many. */
export function writeServiceWorker(folder) {
  const files = offlineFiles(folder);
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(folder, { recursive: true }).sort()) {
    const file = path.join(folder, name);
    if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
  }
  const version = hash.digest('hex').slice(0, 16);
  const source = fs.readFileSync(path.join(import.meta.dirname, 'service-worker.js'), 'utf8');
  const worker = source
    .replace("const VERSION = 'dev'; // replaced by the build", `const VERSION = '${version}';`)
    .replace('const PRECACHE = []; // replaced by the build', `const PRECACHE = ${JSON.stringify(files)};`);
  if (!worker.includes(version) || worker.includes('replaced by the build')) {
    throw new Error('finalize-site: scripts/service-worker.js lost its VERSION or PRECACHE line');
  }
  fs.writeFileSync(path.join(folder, 'sw.js'), worker);
  return files.length;
}
