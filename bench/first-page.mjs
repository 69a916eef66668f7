// Times how long the first page of a release build takes to become interactive from a local server: from
// the start of the navigation to the app's header being drawn (the wasm fetched, compiled and mounted),
// and to the example log explained. Cold: a fresh browser context (empty cache) for each run.
//
//   node bench/first-page.mjs [DIST] [--repetitions N]
import { launchBrowser } from '../scripts/lib/browser.mjs';
import { serveStatic } from '../scripts/lib/static-server.mjs';

const args = process.argv.slice(2);
const dist = args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg)) ?? 'dist';
const repetitions = Number(args[args.indexOf('--repetitions') + 1] ?? 5) || 5;

/** The median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const server = await serveStatic(dist);
const browser = await launchBrowser();
const interactive = [];
const explained = [];
try {
  for (let run = 0; run < repetitions; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(`${server.url}en/`);
    await page.getByTestId('site-nav').waitFor();
    interactive.push(performance.now() - start);
    await page.getByTestId('load-example').click();
    await page.getByTestId('log-summary').waitFor();
    explained.push(performance.now() - start);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const list = (values) => values.map((ms) => ms.toFixed(0)).join(', ');
console.log(`first page of ${dist}, ${repetitions} cold runs:`);
console.log(`  navigation -> header drawn (interactive): median ${median(interactive).toFixed(0)} ms (${list(interactive)})`);
console.log(`  navigation -> example log explained:      median ${median(explained).toFixed(0)} ms (${list(explained)})`);
