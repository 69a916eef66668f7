// The worker path of the log explainer, timed on a built site (bench/run.mjs --site DIST):
//
// 1. The worker alone: a page of the site's origin starts the site's own log worker (the loader named in
//    index.html), posts the log's bytes as the app does (a transferred buffer) and times until the
//    encoded report comes back: copy into the worker, parse, encode, transfer. A fresh worker each time
//    (cold: its wasm memory grows), then one more parse in the last worker (warm).
// 2. The app: the log pasted into the editor of /en/ (a paste event), timed until the
//    summary of the report shows: the 120 ms pause, the copy to the worker, the parse, the transfer, the
//    decoding and the first drawing. Long tasks of the page's thread meanwhile show whether it froze.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, resolve } from 'node:path';
import { rendererMemory } from './renderer-memory.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.log': 'text/plain; charset=utf-8',
};

/** Serves `dist` at the root (unknown paths get index.html, like GitHub Pages' 404.html) and the log at /bench.log. */
async function serveSite(dist, logPath) {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = pathname === '/bench.log' ? logPath : resolve(dist, `.${pathname}`);
    if (pathname !== '/bench.log' && (!file.startsWith(resolve(dist)) || !statSync(file, { throwIfNoEntry: false })?.isFile())) {
      file = join(dist, 'index.html');
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Runs in the page: one parse in `worker` (started and ready), timed from the post to the report. */
function parseInWorker(page, reuse) {
  return page.evaluate(async (reuseWorker) => {
    const bytes = new Uint8Array(await (await fetch('/bench.log')).arrayBuffer());
    if (!reuseWorker || !window.benchWorker) {
      window.benchWorker?.terminate();
      const loader = document.querySelector('meta[name=pipelens-log-worker]').content;
      const worker = new Worker(loader, { type: 'module' });
      await new Promise((ready) => { worker.onmessage = (event) => { if (event.data === 'ready') ready(); }; });
      window.benchWorker = worker;
    }
    const worker = window.benchWorker;
    let progressMessages = 0;
    const start = performance.now();
    const report = await new Promise((done, failed) => {
      worker.onerror = (event) => failed(new Error(event.message));
      worker.onmessage = (event) => {
        if (typeof event.data === 'number') progressMessages += 1;
        else if (event.data instanceof ArrayBuffer) done(event.data);
      };
      worker.postMessage(bytes.buffer, [bytes.buffer]);
    });
    return { ms: performance.now() - start, reportBytes: report.byteLength, progressMessages };
  }, reuse);
}

/**
 * Pastes the log (or its first `limit` characters, cut at a line end) into the editor of `app` and waits for
 * the summary, watching long tasks; with the memory of the page before and after (see `pageMemory`).
 */
async function pasteInApp(app, limit = Infinity) {
  // The harness's own copies first (the fetched text, the event's DataTransfer), measured apart.
  await app.evaluate(async (most) => {
    const whole = await (await fetch('/bench.log')).text();
    const text = whole.length <= most ? whole : whole.slice(0, whole.lastIndexOf('\n', most) + 1);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.benchPaste = { data, length: text.length };
  }, limit);
  const before = await pageMemory(app);
  const run = await app.evaluate(async () => {
    const { data, length } = window.benchPaste;
    delete window.benchPaste;
    const editor = document.querySelector('[data-testid=log-input]');
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
    // A real paste: the page takes a large text itself (out of the text area); a small one is inserted by
    // the browser, which this reproduces with the value and an input event.
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    const start = performance.now();
    editor.dispatchEvent(paste);
    if (!paste.defaultPrevented) {
      editor.value = data.getData('text/plain');
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const afterInput = performance.now() - start;
    observer.observe({ type: 'longtask' });
    let progressSeen = false;
    await new Promise((done) => {
      const poll = () => {
        progressSeen ||= document.querySelector('[data-testid=parse-progress]') !== null;
        if (document.querySelector('[data-testid=log-summary]')) done();
        else requestAnimationFrame(poll);
      };
      poll();
    });
    const ms = performance.now() - start;
    await new Promise((settled) => setTimeout(settled, 50));
    observer.disconnect();
    return {
      ms, afterInput, progressSeen, longTasks, length,
      summary: document.querySelector('[data-testid=log-summary]').textContent,
    };
  });
  // The secrets follow the report: wait for the worker to be done before reading the peaks.
  await app.waitForTimeout(3000);
  const after = await pageMemory(app);
  return { ...run, memory: { before, after } };
}

/**
 * The memory of the app's page: its wasm memory (the high-water mark of the module: it never shrinks), the
 * JS heap after a gc, and the renderer process' peak and current resident memory (the largest renderer).
 */
async function pageMemory(app) {
  const inPage = await app.evaluate(() => {
    window.gc?.();
    return { wasm: window.benchWasmMemory?.buffer.byteLength ?? null, jsHeap: performance.memory?.usedJSHeapSize ?? null };
  });
  const renderers = rendererMemory();
  const renderer = renderers.reduce((largest, next) => (next.peak > (largest?.peak ?? 0) ? next : largest), null);
  return { ...inPage, rendererPeak: renderer?.peak ?? null, rendererCurrent: renderer?.current ?? null };
}

/** A new page of the app at /en/, whose wasm memory the harness can read (`window.benchWasmMemory`). */
async function openApp(browser, url) {
  const context = await browser.newContext();
  const app = await context.newPage();
  app.on('pageerror', (error) => console.log(`[site error] ${error.message}`));
  await app.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => { window.benchWasmMemory = event.detail.wasm.memory; });
  });
  await app.goto(`${url}en/`);
  await app.getByTestId('log-input').waitFor();
  return { context, app };
}

/** The median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Times both paths with `browser` on the site in `dist`; returns the figures and prints them. */
export async function measureWorkerPath(browser, dist, logPath, repetitions) {
  const { server, url } = await serveSite(dist, logPath);
  const logBytes = statSync(logPath).size;
  const loader = readFileSync(join(dist, 'index.html'), 'utf8').match(/name="pipelens-log-worker" content="([^"]+)"/)?.[1];
  const figures = { dist, loader, logBytes, worker: [], app: [], small: [] };
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`[site error] ${error.message}`));
    // A page of the site's origin that does not start the app: the worker is started by hand.
    await page.route(`${url}bench-blank.html`, (route) => route.fulfill({
      contentType: 'text/html', body: `<!doctype html><meta name="pipelens-log-worker" content="${loader}"><title>worker</title>`,
    }));
    await page.goto(`${url}bench-blank.html`);
    for (let run = 0; run < repetitions; run += 1) figures.worker.push(await parseInWorker(page, false));
    figures.workerWarm = await parseInWorker(page, true);
    await context.close();
    for (let run = 0; run < Math.min(3, repetitions); run += 1) {
      const { context: appContext, app } = await openApp(browser, url);
      figures.app.push(await pasteInApp(app));
      await appContext.close();
    }
    // Around the size below which the app parses on its own thread (log_worker::MAIN_THREAD_LIMIT, 256 KiB):
    // just under it (page thread), just over it and at 1 MB (worker, its start included).
    for (const limit of [255_000, 270_000, 1_000_000]) {
      const { context: smallContext, app } = await openApp(browser, url);
      figures.small.push(await pasteInApp(app, limit));
      await smallContext.close();
    }
  } finally {
    server.close();
  }
  const workerMs = median(figures.worker.map((run) => run.ms));
  const appMs = median(figures.app.map((run) => run.ms));
  const longest = figures.app.map((run) => Math.max(0, ...run.longTasks));
  console.log(`\nworker path on ${dist} (${loader}), log ${logBytes} bytes`);
  console.log(`  worker alone, cold       ${workerMs.toFixed(1)} ms wall (median of ${figures.worker.length}: ${figures.worker.map((run) => run.ms.toFixed(0)).join(', ')}); report ${figures.worker[0].reportBytes} bytes, ${figures.worker[0].progressMessages} progress messages`);
  console.log(`  worker alone, warm       ${figures.workerWarm.ms.toFixed(1)} ms wall`);
  console.log(`  app: paste -> summary    ${appMs.toFixed(1)} ms wall (median of ${figures.app.length}: ${figures.app.map((run) => run.ms.toFixed(0)).join(', ')}); input event ${figures.app.map((run) => run.afterInput.toFixed(0)).join(', ')} ms; progress bar seen ${figures.app.every((run) => run.progressSeen)}`);
  console.log(`  app: longest main-thread task after the paste ${longest.map((ms) => ms.toFixed(0)).join(', ')} ms; all long tasks of run 1: ${figures.app[0].longTasks.map((ms) => ms.toFixed(0)).join(', ')}`);
  console.log(`  app summary: ${figures.app[0].summary}`);
  const mb = (bytes) => (bytes === null ? '?' : `${(bytes / 1e6).toFixed(1)} MB`);
  const times = (bytes) => (bytes === null ? '?' : `${(bytes / logBytes).toFixed(2)}x`);
  for (const [index, run] of figures.app.entries()) {
    const { before, after } = run.memory;
    console.log(`  app memory, run ${index + 1}: wasm ${mb(before.wasm)} -> ${mb(after.wasm)} (${times(after.wasm)} the log); JS heap after gc ${mb(before.jsHeap)} -> ${mb(after.jsHeap)}; renderer peak RSS ${mb(before.rendererPeak)} with the harness's copies -> ${mb(after.rendererPeak)} (${times(after.rendererPeak)}), ${mb(after.rendererCurrent)} now`);
  }
  for (const run of figures.small) {
    console.log(`  app, ${run.length} characters: paste -> summary ${run.ms.toFixed(1)} ms (120 ms of pause included); longest task ${Math.max(0, ...run.longTasks).toFixed(0)} ms`);
  }
  return figures;
}
