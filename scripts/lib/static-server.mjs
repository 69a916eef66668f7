// A static file server that behaves like GitHub Pages for a project site: files are served under a prefix
// (e.g. /pipelens/), `/a/b` serves `a/b.html` when there is one, a folder serves its index.html, and any
// unknown path gets the site's 404.html with status 404. Used by the prerenderer (scripts/prerender.mjs),
// the end-to-end tests and the benchmarks. It listens on 127.0.0.1 only and records every request it answers.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.log': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

/** What GitHub Pages compresses: text, scripts, styles and WebAssembly. */
const COMPRESSED = /\.(html|js|mjs|css|json|svg|wasm|txt|xml|webmanifest)$/;

/**
 * Serves `root` under `prefix` on an ephemeral port of 127.0.0.1; with `gzip`, compresses what GitHub
 * Pages compresses for a client that accepts it (the benchmarks measure what a reader downloads).
 * @returns {Promise<{url: string, requests: string[], close: () => Promise<void>}>}
 */
export async function serveStatic(root, prefix = '/', { gzip = false } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    requests.push(req.url);
    const { status, file } = await resolveFile(root, prefix, new URL(req.url, 'http://x').pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = await fs.readFile(file);
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (gzip && COMPRESSED.test(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(zlib.gzipSync(body));
      return;
    }
    res.writeHead(status, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/** The file answering `urlPath`, and the status to answer with; `file` is null when nothing answers. */
async function resolveFile(root, prefix, urlPath) {
  const notFound = path.join(root, '404.html');
  const fallback = (await isFile(notFound)) ? notFound : null;
  if (!urlPath.startsWith(prefix)) return { status: 404, file: null };
  let relative;
  try {
    relative = decodeURIComponent(urlPath.slice(prefix.length));
  } catch {
    return { status: 404, file: fallback };
  }
  const candidate = path.resolve(root, relative);
  if (candidate !== path.resolve(root) && !candidate.startsWith(path.resolve(root) + path.sep)) {
    return { status: 404, file: fallback };
  }
  if (await isFile(candidate)) return { status: 200, file: candidate };
  if (!relative.endsWith('/') && (await isFile(`${candidate}.html`))) return { status: 200, file: `${candidate}.html` };
  const index = path.join(candidate, 'index.html');
  if (await isFile(index)) return { status: 200, file: index };
  return { status: 404, file: fallback };
}

async function isFile(file) {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
