// Takes the screenshots of the documentation: every phase of the seed log as the log explainer draws it,
// in each language, written to public/screenshots/<lang>/<name>.png where <name> is the phase's page name
// (`phases/checkout-code` → `checkout-code`, `phases/run-step` for "Run tests"), the `screenshot:` names
// used in content/.
//
// Each phase is photographed in a capture mode (CAPTURE_CSS below, added to the page by this script only):
// the log takes the width of a documentation article on a 1,280-pixel screen (700 CSS pixels) with the
// explanation panel hidden, and long log lines wrap instead of scrolling out of view, so a cache key or a
// pull's statistics are whole. The page is drawn at SCALE device pixels per CSS pixel, so every image is
// CAPTURE_PX × SCALE = 1,050 pixels wide (docgen checks: at least 1,000) and its text is the app's own size
// where an article shows it, a little larger in the widest article (52rem).
// Each file is then optimised losslessly by oxipng, at the version pinned in scripts/setup.sh, at its
// strongest (`--opt max --zopfli`: about 20 minutes for the 24 files on two cores, 3.7 MB as taken to
// 2.5 MB; without zopfli it takes seconds and the files are 3-5 % larger).
//
// Then each PNG gets two WebP copies beside it, drawn by the browser (lossy, quality WEBP_QUALITY): `<name>.webp`
// at its full width and `<name>-700.webp` at SMALL_WIDTH pixels. Pages show them through `srcset` (docgen), so a
// phone fetches about a third of the PNG's bytes for the same picture (checkout-code: 133 KB as PNG, 86 KB and
// 49 KB as WebP), and the first screenshot, often a documentation page's largest paint, comes sooner; the
// download link keeps the lossless PNG. `node scripts/screenshots.mjs --webp` makes only the copies, from the
// PNGs already there (seconds, no oxipng needed).
//
// To regenerate them (it builds nothing: give it a built site, made with DOCGEN_ALLOW_MISSING_SCREENSHOTS=1
// the first time, because the build checks that the screenshots exist):
//   scripts/setup.sh --screenshots       # once: oxipng into target/tools/ (compiles for about 2 minutes)
//   DOCGEN_ALLOW_MISSING_SCREENSHOTS=1 trunk build --offline --dist /tmp/dist-shots
//   node scripts/screenshots.mjs /tmp/dist-shots
// It fails when a screenshot that content/ names was not taken, or when oxipng is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { serveStatic } from './lib/static-server.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const LANGS = ['en', 'fr'];
/**
 * The width of the log when it is photographed, in CSS pixels: about the width of a documentation article
 * (`.docs-article`) on a 1,280-pixel screen, where the screenshot is shown.
 */
const CAPTURE_PX = 700;
/** Device pixels per CSS pixel: 700 × 1.5 = 1,050 pixels, sharp wherever the article shows it. */
const SCALE = 1.5;
/** The width of the smaller WebP copy, in pixels: a phone's article (about 380 CSS pixels at 1.75 device pixels each). */
const SMALL_WIDTH = 700;
/** The quality of the WebP copies (0–1): at 0.8 the text of the log stays sharp, and the files are a third of the PNG. */
const WEBP_QUALITY = 0.8;
/** Where `scripts/setup.sh --screenshots` installs oxipng, and the version it pins there. */
const OXIPNG = path.join(REPO, 'target', 'tools', 'bin', 'oxipng');

/**
 * The capture mode: one column of log about as wide as an article, no explanation beside it, and every log line
 * wrapped where it would overflow (a long word such as a cache key breaks anywhere), its continuation
 * aligned after the line number.
 */
const CAPTURE_CSS = `
  .log-result { display: block; }
  .phase-explanation { display: none; }
  .log-view { width: ${CAPTURE_PX}px; }
  .phase-lines-body { overflow-x: visible; }
  .log-line { white-space: pre-wrap; min-width: 0; }
  .log-line .line-text { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
`;

/** Checks that oxipng is installed at the version scripts/setup.sh pins; fails with what to run if not. */
async function checkOxipng() {
  const setup = await fs.readFile(path.join(REPO, 'scripts', 'setup.sh'), 'utf8');
  const wanted = `oxipng ${/^OXIPNG_VERSION=(\S+)$/m.exec(setup)[1]}`;
  let found = '';
  try {
    found = execFileSync(OXIPNG, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Not installed: said below.
  }
  if (found !== wanted) {
    throw new Error(`${wanted} is not in target/tools (found: ${found || 'nothing'}): run scripts/setup.sh --screenshots`);
  }
}

/**
 * Rewrites `files` smaller, losslessly: the pixels stay the same, only the encoding changes (filters,
 * zopfli's deflate, metadata that does not change how it looks dropped); returns their total size before and after, in bytes.
 */
async function optimise(files) {
  const total = async () => (await Promise.all(files.map((file) => fs.stat(file)))).reduce((sum, stat) => sum + stat.size, 0);
  const before = await total();
  execFileSync(OXIPNG, ['--quiet', '--opt', 'max', '--zopfli', '--strip', 'safe', ...files], { stdio: 'inherit' });
  return { before, after: await total() };
}

/**
 * Writes the WebP copies of each PNG of `files` beside it (`<name>.webp`, `<name>-700.webp`), encoded by
 * the browser's canvas; returns their total size in bytes.
 */
async function writeWebpCopies(browser, files) {
  const page = await browser.newPage();
  let total = 0;
  try {
    for (const file of files) {
      const png = (await fs.readFile(file)).toString('base64');
      const copies = await page.evaluate(
        async ([png, smallWidth, quality]) => {
          const image = new Image();
          image.src = `data:image/png;base64,${png}`;
          await image.decode();
          const encode = async (width) => {
            const canvas = document.createElement('canvas');
            canvas.width = width;
            canvas.height = Math.round((image.height * width) / image.width);
            const context = canvas.getContext('2d');
            context.imageSmoothingQuality = 'high';
            context.drawImage(image, 0, 0, canvas.width, canvas.height);
            const blob = await new Promise((done) => canvas.toBlob(done, 'image/webp', quality));
            const bytes = new Uint8Array(await blob.arrayBuffer());
            let text = '';
            for (const byte of bytes) text += String.fromCharCode(byte);
            return btoa(text);
          };
          return [await encode(image.width), await encode(smallWidth)];
        },
        [png, SMALL_WIDTH, WEBP_QUALITY],
      );
      const [full, small] = copies.map((copy) => Buffer.from(copy, 'base64'));
      await fs.writeFile(file.replace(/\.png$/, '.webp'), full);
      await fs.writeFile(file.replace(/\.png$/, `-${SMALL_WIDTH}.webp`), small);
      total += full.length + small.length;
    }
  } finally {
    await page.close();
  }
  return total;
}

/** Every screenshot PNG already in public/screenshots. */
async function existingScreenshots() {
  const files = [];
  for (const lang of LANGS) {
    const dir = path.join(REPO, 'public', 'screenshots', lang);
    for (const name of await fs.readdir(dir)) if (name.endsWith('.png')) files.push(path.join(dir, name));
  }
  return files.sort();
}

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
  if (!dist) throw new Error('usage: node scripts/screenshots.mjs DIST_FOLDER | --webp');
  if (dist === '--webp') {
    const files = await existingScreenshots();
    const browser = await launchBrowser();
    try {
      console.log(`${files.length} screenshots: ${await writeWebpCopies(browser, files)} bytes of WebP copies`);
    } finally {
      await browser.close();
    }
    return;
  }
  await checkOxipng();
  const server = await serveStatic(path.resolve(dist), '/');
  const browser = await launchBrowser();
  const missing = [];
  const written = [];
  try {
    for (const lang of LANGS) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: lang,
        deviceScaleFactor: SCALE,
        // The release build's CSP allows no <style> element; the capture mode is one.
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}${lang}/`);
      await page.getByTestId('load-example').click();
      const bands = page.getByTestId('phase-band');
      await bands.first().waitFor();
      await page.addStyleTag({ content: CAPTURE_CSS });
      const outDir = path.join(REPO, 'public', 'screenshots', lang);
      await fs.mkdir(outDir, { recursive: true });
      const taken = new Set();
      for (const band of await bands.all()) {
        const doc = (await band.getAttribute('data-doc')) ?? '';
        const name = doc.replace(/^phases\//, '');
        if (!doc.startsWith('phases/') || taken.has(name)) continue;
        await band.scrollIntoViewIfNeeded();
        const file = path.join(outDir, `${name}.png`);
        await band.screenshot({ path: file, animations: 'disabled' });
        taken.add(name);
        written.push(file);
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
  const { before, after } = await optimise(written);
  console.log(`${written.length} screenshots, ${before} bytes as taken, ${after} bytes optimised by oxipng`);
  const copies = await launchBrowser();
  try {
    console.log(`WebP copies: ${await writeWebpCopies(copies, written)} bytes`);
  } finally {
    await copies.close();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
