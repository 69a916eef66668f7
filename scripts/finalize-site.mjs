// Trunk's post-build hook: the last touches on the built site in $TRUNK_STAGING_DIR.
//
// 1. In a release build, write a strict Content-Security-Policy into index.html: only this origin, the
//    wasm compiler, and Trunk's inline start-up script by its hash (it names the hashed bundle files, so
//    the hash is computed here, after the build). `trunk serve` (debug) keeps no CSP, as its live-reload
//    script is injected inline and talks over a WebSocket.
// 2. Copy index.html to 404.html: GitHub Pages answers any unknown path with it, so deep links open the app.
// 3. Add .nojekyll, so that Pages serves every file as it is.
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

if (process.env.TRUNK_PROFILE === 'release') {
  html = withContentSecurityPolicy(html);
}
fs.writeFileSync(indexPath, html);
fs.writeFileSync(path.join(staging, '404.html'), html);
fs.writeFileSync(path.join(staging, '.nojekyll'), '');

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
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (!/<meta charset="utf-8" \/>/.test(page)) throw new Error('finalize-site: no <meta charset> in index.html');
  return page.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
}
