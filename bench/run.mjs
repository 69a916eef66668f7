#!/usr/bin/env node
// The browser benchmark (BENCHMARKS.md): in one headless Chromium page, times our wasm `parse_log` on a
// generated 100 MB log against ansi_up's ansi_to_html over the same text, and our `analyse_config` on the
// largest corpus config (or, without the corpus, a generated one as long) against js-yaml's `load`; prints the medians, the ratios and the memory the
// 100 MB parse needed.
//
//   node bench/run.mjs [--build] [--repetitions N] [--size MB] [--opt-level z|3|core3|saphyr3]
//   node bench/run.mjs --site DIST [--repetitions N] [--size MB]
//
// With --site, it times instead the log explainer's worker path on a built site (a release `trunk build`
// in DIST): the site's own log worker alone, then paste -> report shown in the app (bench/worker-path.mjs);
// raw figures in target/bench/worker-path-results.json.
//
// It writes what it needs when it is missing: the log (scripts/make-big-log.mjs, under target/bench/) and
// the wasm module (bench/pkg/, built with the site's release profile, then wasm-bindgen and wasm-opt -Oz
// as Trunk does); --build rebuilds the module. `--opt-level 3` measures instead a module built for speed
// (opt-level 3, wasm-opt -O3, in bench/pkg-o3) to compare with the site's size-optimised build;
// `--opt-level core3` builds only pipelens-core at opt-level 3 and the rest as the site (a per-package
// profile override, wasm-opt -Oz, in bench/pkg-core3); `saphyr3` the same for the YAML parser alone
// (bench/pkg-saphyr3). The raw figures are also written to target/bench/browser-results[-suffix].json.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { rendererMemory } from './renderer-memory.mjs';
import { measureWorkerPath } from './worker-path.mjs';
import { bigConfig } from '../scripts/lib/big-config.mjs';
import { corpusFile } from '../scripts/lib/corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    repetitions: { type: 'string', default: '5' },
    size: { type: 'string', default: '100' },
    'opt-level': { type: 'string', default: 'z' },
    site: { type: 'string' },
  },
});
const repetitions = Number(options.repetitions);
const LOG = join(ROOT, `target/bench/big-${options.size}mb.log`);
// The largest corpus config; without the corpus, a generated configuration of the same length.
const CONFIG = corpusFile('configs/aws-amplify__amplify-cli.yml') ?? (() => {
  const generated = join(ROOT, 'target/bench/big-config.yml');
  mkdirSync(dirname(generated), { recursive: true });
  writeFileSync(generated, bigConfig());
  console.log(`bench: the corpus is not here, so the config timed is a generated one (${generated})`);
  return generated;
})();
const optLevel = options['opt-level'];
if (!['z', '3', 'core3', 'saphyr3'].includes(optLevel)) {
  console.error(`bench: --opt-level must be z, 3, core3 or saphyr3, got ${optLevel}`);
  process.exit(2);
}
const suffix = { z: '', 3: '-o3', core3: '-core3', saphyr3: '-saphyr3' }[optLevel];
const PKG = join(ROOT, `bench/pkg${suffix}`);
const WASM = join(PKG, 'pipelens_bench_wasm_bg.wasm');
const TARGET_DIR = `${process.env.CARGO_TARGET_DIR ?? '/tmp/target-bench'}${suffix}`;

/** Runs a command in the repository, showing its output, and stops on failure. */
function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

if (!existsSync(LOG)) {
  run('node', ['scripts/make-big-log.mjs', options.size, LOG]);
}
if (options.site) {
  const browser = await launchBenchBrowser();
  try {
    const figures = await measureWorkerPath(browser, resolve(options.site), LOG, repetitions);
    mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
    writeFileSync(join(ROOT, 'target/bench/worker-path-results.json'), `${JSON.stringify({ browserVersion: browser.version(), ...figures }, null, 2)}\n`);
  } finally {
    await browser.close();
  }
  process.exit(0);
}
if (options.build || !existsSync(WASM)) {
  const overridden = { core3: 'pipelens-core', saphyr3: 'saphyr-parser' }[optLevel];
  const profile = overridden ? ['--config', `profile.release.package.${overridden}.opt-level=3`] : [];
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--manifest-path', 'bench/wasm/Cargo.toml', ...profile], {
    CARGO_TARGET_DIR: TARGET_DIR,
    CARGO_PROFILE_RELEASE_OPT_LEVEL: optLevel === '3' ? '3' : 'z',
  });
  const built = join(TARGET_DIR, 'wasm32-unknown-unknown/release/pipelens_bench_wasm.wasm');
  run('wasm-bindgen', ['--target', 'web', '--out-dir', PKG, built]);
  run('node_modules/.bin/wasm-opt', [optLevel === '3' ? '-O3' : '-Oz', '--all-features', WASM, '-o', WASM]);
}

// The files the page loads, each at a fixed URL.
const ROUTES = {
  '/': ['bench/index.html', 'text/html; charset=utf-8'],
  '/page.mjs': ['bench/page.mjs', 'text/javascript'],
  '/pkg/pipelens_bench_wasm.js': [join(PKG, 'pipelens_bench_wasm.js'), 'text/javascript'],
  '/pkg/pipelens_bench_wasm_bg.wasm': [WASM, 'application/wasm'],
  '/ansi_up.js': ['node_modules/ansi_up/ansi_up.js', 'text/javascript'],
  '/js-yaml.mjs': ['node_modules/js-yaml/dist/js-yaml.mjs', 'text/javascript'],
  '/log': [LOG, 'text/plain; charset=utf-8'],
  '/config': [CONFIG, 'text/plain; charset=utf-8'],
};
const server = http.createServer((request, response) => {
  const route = ROUTES[new URL(request.url, 'http://localhost').pathname];
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  const file = resolve(ROOT, route[0]);
  response.writeHead(200, { 'content-type': route[1], 'content-length': statSync(file).size });
  createReadStream(file).pipe(response);
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchBenchBrowser();
/** Debian's Chromium with the flags of e2e/support/browser.mjs, plus precise heap figures and gc(). */
function launchBenchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

/** The median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const result = { repetitions, optLevel, timings: {} };
try {
  const page = await browser.newPage();
  page.on('console', (message) => console.log(`[page] ${message.text()}`));
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  // The renderer main thread's CPU time (CDP Performance.getMetrics ThreadTime, in seconds): on a
  // loaded machine it shows how much of the wall time the page really ran.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'ThreadTime').value * 1000;
  };
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  Object.assign(result, await page.evaluate(() => window.bench.prepare()));
  result.browserVersion = browser.version();
  result.rendererBeforeParse = rendererMemory();
  result.logMemory = await page.evaluate(() => window.bench.logMemory());
  result.rendererAfterParse = rendererMemory();
  const plan = [
    ['transfer', repetitions],
    ['parseLog', repetitions],
    ['ansiUp', repetitions],
    ['analyseConfig', Math.max(20, repetitions)],
    ['processConfig', Math.max(20, repetitions)],
    ['jsYamlLoad', Math.max(20, repetitions)],
  ];
  for (const [name, count] of plan) {
    const wall = [];
    const cpu = [];
    let summary;
    for (let run = 0; run < count; run += 1) {
      const cpuBefore = await threadTime();
      const timed = await page.evaluate((work) => window.bench.run(work), name);
      cpu.push((await threadTime()) - cpuBefore);
      wall.push(timed.ms);
      summary = timed.summary;
    }
    result.timings[name] = { wall, cpu, wallMedian: median(wall), cpuMedian: median(cpu), summary };
    console.log(`${name}: wall median ${median(wall).toFixed(1)} ms, thread CPU median ${median(cpu).toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);
const { timings: t, logMemory } = result;
const both = (name) => `${t[name].wallMedian.toFixed(1).padStart(8)} ms wall, ${t[name].cpuMedian.toFixed(1).padStart(8)} ms CPU`;
const ratio = (a, b) => `${(t[a].wallMedian / t[b].wallMedian).toFixed(2)} wall, ${(t[a].cpuMedian / t[b].cpuMedian).toFixed(2)} CPU`;
console.log(`\nChromium ${result.browserVersion}; wasm (opt-level ${optLevel}) ${statSync(WASM).size} bytes; medians of ${repetitions} (log) and ${Math.max(20, repetitions)} (config) runs`);
console.log(`log: ${result.log.bytes} bytes, ${logMemory.summary.lines} lines, ${logMemory.summary.phases} phases (${logMemory.summary.format}), ${logMemory.summary.failed} failed`);
console.log(`  first parse_log (cold)   ${logMemory.firstParseMs.toFixed(1)} ms wall`);
console.log(`  parse_log                ${both('parseLog')}  (target < 1500 ms)`);
console.log(`    JS -> wasm copy alone  ${both('transfer')}`);
console.log(`  ansi_up ansi_to_html     ${both('ansiUp')}`);
console.log(`  parse_log / ansi_up      ${ratio('parseLog', 'ansiUp')}`);
const { before, after } = logMemory;
console.log(`  wasm memory              ${mb(before.wasm)} MB before, ${mb(after.wasm)} MB after the first parse = ${(after.wasm / result.log.bytes).toFixed(2)}x the input`);
if (after.jsHeap !== null) {
  const total = after.wasm + after.jsHeap;
  console.log(`  JS heap (holds the text) ${mb(before.jsHeap)} MB before, ${mb(after.jsHeap)} MB after; wasm + JS heap ${mb(total)} MB = ${(total / result.log.bytes).toFixed(2)}x the input`);
}
const renderer = (list) => list.map((process) => `${mb(process.current)} MB (peak ${mb(process.peak)} MB)`).join(', ');
console.log(`  renderer resident memory ${renderer(result.rendererBeforeParse)} before, ${renderer(result.rendererAfterParse)} after the first parse`);
const peak = Math.max(...result.rendererAfterParse.map((process) => process.peak));
console.log(`  renderer peak RSS        ${mb(peak)} MB = ${(peak / result.log.bytes).toFixed(2)}x the input`);
const configSummary = t.analyseConfig.summary;
console.log(`config: ${result.config.lines} lines, ${result.config.bytes} bytes, ${configSummary.jobs} jobs, ${configSummary.parts} parts, ${configSummary.diagnostics} diagnostics`);
console.log(`  analyse_config           ${both('analyseConfig')}  (target < 50 ms)`);
console.log(`  process_config           ${both('processConfig')}  (target < 100 ms; ${t.processConfig.summary.lines} lines)`);
console.log(`  js-yaml load             ${both('jsYamlLoad')}`);
console.log(`  analyse_config / js-yaml ${ratio('analyseConfig', 'jsYamlLoad')}`);
mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
writeFileSync(join(ROOT, `target/bench/browser-results${suffix}.json`), `${JSON.stringify(result, null, 2)}\n`);
