// Trunk's post-build hook: the last touches on the built site in $TRUNK_STAGING_DIR.
//
// 1. Give the log worker's files (Trunk's `data-type="worker"` asset: loader, JS, wasm) a content hash in
//    their names, as Trunk does for the main bundle but not for workers, so that a browser never mixes a
//    cached worker with a newer page; then name the loader in `<meta name="pipelens-log-worker">`: Trunk
//    leaves no trace of a worker in the page, and the app needs the file name to start it
//    (src/services/log_worker.rs). The name is relative to the page's `<base>`, so it works under a sub-path.
// 2. In a release build, write a strict Content-Security-Policy into index.html: only this origin, the
//    wasm compiler, and Trunk's inline start-up script by its hash (it names the hashed bundle files, so
//    the hash is computed here, after the build). `trunk serve` (debug) keeps no CSP, as its live-reload
//    script is injected inline and talks over a WebSocket.
// 3. Copy index.html to 404.html: GitHub Pages answers any unknown path with it, so deep links open the app.
// 4. Add .nojekyll, so that Pages serves every file as it is.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('finalize-site: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(2);
}
const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
html = withWorkerName(html, hashWorkerFiles(staging));

if (process.env.TRUNK_PROFILE === 'release') {
  html = withContentSecurityPolicy(html);
}
fs.writeFileSync(indexPath, html);
fs.writeFileSync(path.join(staging, '404.html'), html);
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
