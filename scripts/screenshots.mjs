// Takes the screenshots of the documentation: every phase of the seed log as the log explainer draws it,
// in each language, written to public/screenshots/<lang>/<name>.png where <name> is the phase's page name
// (`phases/checkout-code` → `checkout-code`, `phases/run-step` for "Run tests"), the `screenshot:` names
// used in content/.
//
// It builds nothing: give it a built site (made with DOCGEN_ALLOW_MISSING_SCREENSHOTS=1 the first time,
// because the build checks that the screenshots exist):
//   DOCGEN_ALLOW_MISSING_SCREENSHOTS=1 trunk build --offline --dist /tmp/dist-shots
//   node scripts/screenshots.mjs /tmp/dist-shots
// It fails when a screenshot that content/ names was not taken.
import fs from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { serveStatic } from './lib/static-server.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const LANGS = ['en', 'fr'];

/** The screenshot names the content of `lang` uses (front matter `screenshot:` and `](screenshot:name)`). */
async function namesInContent(lang) {
  const names = new Set();
  const walk = async (dir) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.name.endsWith('.md')) {
        const text = await fs.readFile(file, 'utf8');
        for (const match of text.matchAll(/^screenshot:\s*([a-z0-9-]+)\s*$/gm)) names.add(match[1]);
        for (const match of text.matchAll(/\]\(screenshot:([a-z0-9-]+)\)/g)) names.add(match[1]);
      }
    }
  };
  await walk(path.join(REPO, 'content', lang));
  return names;
}

async function main() {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: node scripts/screenshots.mjs DIST_FOLDER');
  const server = await serveStatic(path.resolve(dist), '/');
  const browser = await launchBrowser();
  const missing = [];
  try {
    for (const lang of LANGS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${server.url}${lang}/`);
      await page.getByTestId('load-example').click();
      const bands = page.getByTestId('phase-band');
      await bands.first().waitFor();
      const outDir = path.join(REPO, 'public', 'screenshots', lang);
      await fs.mkdir(outDir, { recursive: true });
      const taken = new Set();
      for (const band of await bands.all()) {
        const doc = (await band.getAttribute('data-doc')) ?? '';
        const name = doc.replace(/^phases\//, '');
        if (!doc.startsWith('phases/') || taken.has(name)) continue;
        await band.scrollIntoViewIfNeeded();
        await band.screenshot({ path: path.join(outDir, `${name}.png`), animations: 'disabled' });
        taken.add(name);
        console.log(`${lang}/${name}.png  (${await band.getAttribute('data-title')})`);
      }
      for (const name of await namesInContent(lang)) if (!taken.has(name)) missing.push(`${lang}/${name}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (missing.length) throw new Error(`no phase of the seed log gives these screenshots: ${missing.join(', ')}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
