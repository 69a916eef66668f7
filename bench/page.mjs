// The browser half of the benchmark: our wasm parse_log / analyse_config and, in the same page, ansi_up
// and js-yaml over the same texts. bench/run.mjs calls window.bench.prepare once, window.bench.logMemory
// once (on the fresh module, so that the wasm memory's high-water mark is the first 100 MB parse's),
// then window.bench.run(name) for each timed repetition, reading the thread's CPU time around each call.
import init, { parse_log_summary, analyse_config_summary, process_config_summary, utf8_len } from '/pkg/pipelens_bench_wasm.js';
import { AnsiUp } from '/ansi_up.js';
import { load } from '/js-yaml.mjs';

/** Collects garbage when Chromium was started with --js-flags=--expose-gc. */
function collect() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/** The used JS heap in bytes, when Chromium exposes it (precise with --enable-precise-memory-info). */
function jsHeap() {
  return performance.memory ? performance.memory.usedJSHeapSize : null;
}

/** Splits text into chunks of about `size` characters that end at line ends, as a log viewer feeds ansi_up. */
function chunksAtLineEnds(text, size) {
  const chunks = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', Math.min(text.length, start + size));
    end = end === -1 ? text.length : end + 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/** Fetches a URL as text and also returns its size in bytes. */
async function fetchText(url) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return { text: new TextDecoder().decode(bytes), bytes: bytes.byteLength };
}

let wasm;
let log;
let logChunks;
let config;

/** The timed pieces of work; each returns a small summary that shows the work was done. */
const WORK = {
  /** Copying the log into wasm memory alone (what every call taking the text pays first). */
  transfer: () => utf8_len(log.text),
  parseLog: () => JSON.parse(parse_log_summary(log.text)),
  /** ansi_up over the same log, fed in 1 MB chunks at line ends (one renderer, so its state carries on). */
  ansiUp: () => {
    const renderer = new AnsiUp();
    let htmlLength = 0;
    for (const chunk of logChunks) htmlLength += renderer.ansi_to_html(chunk).length;
    return { htmlLength };
  },
  analyseConfig: () => JSON.parse(analyse_config_summary(config.text)),
  processConfig: () => JSON.parse(process_config_summary(config.text)),
  jsYamlLoad: () => ({ topLevelKeys: Object.keys(load(config.text) ?? {}).length }),
};

window.bench = {
  /** Loads the module and both inputs. */
  async prepare() {
    wasm = await init();
    log = await fetchText('/log');
    logChunks = chunksAtLineEnds(log.text, 1 << 20);
    config = await fetchText('/config');
    return {
      userAgent: navigator.userAgent,
      memoryApi: performance.memory ? 'performance.memory' : 'none',
      log: { bytes: log.bytes, utf16Units: log.text.length },
      config: { bytes: config.bytes, lines: config.text.split('\n').length - 1 },
    };
  },

  /** The first parse of the log, with the wasm memory and JS heap before and after it. */
  logMemory() {
    collect();
    const before = { wasm: wasm.memory.buffer.byteLength, jsHeap: jsHeap() };
    const start = performance.now();
    const summary = WORK.parseLog();
    const firstParseMs = performance.now() - start;
    const peakWasm = wasm.memory.buffer.byteLength;
    collect();
    return { summary, firstParseMs, before, after: { wasm: peakWasm, jsHeap: jsHeap() } };
  },

  /** Runs one piece of work once and returns its wall time in milliseconds and its summary. */
  run(name) {
    const start = performance.now();
    const summary = WORK[name]();
    return { ms: performance.now() - start, summary };
  },
};
document.getElementById('status').textContent = 'ready';
