// Lighthouse on the release build served as GitHub Pages serves it (under /pipelens/, gzip, 404.html for
// unknown addresses): the English and French log page, config page, a documentation page and a tour stop,
// with the mobile preset (a mid-range phone on slow 4G, simulated) and the desktop one, several runs each.
// Prints the median of each score and metric, as a Markdown table for BENCHMARKS.md. Never a test: timings
// vary with the machine.
//
//   node bench/lighthouse.mjs [DIST] [--runs N] [--page P]... [--preset mobile|desktop]
//   (DIST: target/dist-pages, built for /pipelens/)
//
// Lighthouse 12.2.3 lives in bench/lighthouse/ with its own lock file (installed on first use), apart from
// the test command's tools; it drives Debian's Chromium (`CHROMIUM` overrides the path).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic } from '../scripts/lib/static-server.mjs';

const HERE = import.meta.dirname;
const args = process.argv.slice(2);
const dist = path.resolve(args.find((arg, at) => !arg.startsWith('--') && !args[at - 1]?.startsWith('--')) ?? 'target/dist-pages');
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const ALL_PAGES = ['en/', 'fr/', 'en/config', 'fr/config', 'en/docs/phases/checkout-code', 'fr/docs/phases/checkout-code', 'en/tour/3', 'fr/tour/3'];
// `--page P` (repeatable) and `--preset mobile|desktop` narrow the run.
const chosen = (flag) => args.flatMap((arg, at) => (arg === flag ? [args[at + 1]] : []));
const PAGES = chosen('--page').length > 0 ? chosen('--page') : ALL_PAGES;
const PRESETS = chosen('--preset').length > 0 ? chosen('--preset') : ['mobile', 'desktop'];

const modules = path.join(HERE, 'lighthouse', 'node_modules');
if (!fs.existsSync(path.join(modules, 'lighthouse'))) {
  console.error('bench/lighthouse: installing lighthouse 12.2.3 from bench/lighthouse/package-lock.json');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: path.join(HERE, 'lighthouse'), stdio: 'inherit' });
}
const load = (file) => import(pathToFileURL(path.join(modules, file)).href);
const { default: lighthouse } = await load('lighthouse/core/index.js');
const { default: desktopConfig } = await load('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await load('chrome-launcher/dist/index.js');

/** The median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const server = await serveStatic(dist, '/pipelens/', { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
try {
  for (const preset of PRESETS) {
    for (const page of PAGES) {
      const results = [];
      for (let run = 0; run < runs; run++) {
        const flags = { port: chrome.port, output: 'json', logLevel: 'error' };
        const config = preset === 'desktop' ? desktopConfig : undefined;
        const { lhr } = await lighthouse(server.url + page, flags, config);
        results.push(lhr);
      }
      const score = (category) => Math.round(median(results.map((lhr) => lhr.categories[category].score * 100)));
      const metric = (audit) => median(results.map((lhr) => lhr.audits[audit].numericValue));
      rows.push({
        preset,
        page,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      });
      console.error(`${preset} ${page}: performance ${rows.at(-1).performance}, LCP ${Math.round(rows.at(-1).lcp)} ms`);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

const seconds = (ms) => (ms / 1000).toFixed(1);
console.log(`Lighthouse 12.2.3, median of ${runs} runs, ${dist} served under /pipelens/ with gzip\n`);
console.log('| preset | page | performance | accessibility | best practices | SEO | FCP (s) | LCP (s) | TBT (ms) | CLS |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.preset} | \`${row.page}\` | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} | ` +
      `${seconds(row.fcp)} | ${seconds(row.lcp)} | ${Math.round(row.tbt)} | ${row.cls.toFixed(3)} |`,
  );
}
