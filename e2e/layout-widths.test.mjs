// Layouts that hold at phone, tablet, laptop and desktop widths: on the log, config, docs and tour pages,
// in both languages and both themes, no element's content runs outside its box and the page never
// scrolls sideways (issue 19).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigConfig } from '../scripts/lib/big-config.mjs';
import { causeLog } from './support/fixtures.mjs';
import { useSite } from './support/site.mjs';

const site = useSite();

const WIDTHS = [375, 768, 1024, 1440];

/** A configuration whose job names are long, with a matrix and a wide stage, as real ones are. */
const LONG_NAMES = `version: 2.1
jobs:
  build: { docker: [{ image: cimg/node:20.11 }], steps: [checkout] }
  integ_react_datastore_multi_auth_one_rule_owner_custom_claim_group: { docker: [{ image: cimg/node:20.11 }], steps: [checkout] }
  test: { docker: [{ image: cimg/node:20.11 }], parameters: { node: { type: string } }, steps: [checkout] }
workflows:
  build_test_deploy:
    jobs:
      - build
      - integ_react_datastore_multi_auth_one_rule_owner_custom_claim_group: { requires: [build], context: [amplify-e2e-test-credentials-with-a-long-name] }
      - test: { requires: [build], matrix: { parameters: { node: ["16", "18", "20", "22"] } } }
`;

/** What runs outside its box in the page: the page itself wider than the window, or an element whose
 * content is wider than the element while the element does not scroll or clip it. */
async function overflows(lens) {
  return lens.page.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) found.push(`the page is ${root.scrollWidth} px wide in ${window.innerWidth}`);
    for (const element of document.querySelectorAll('main *')) {
      if (element.closest('svg')) continue;
      const style = getComputedStyle(element);
      if (['inline', 'none', 'contents', 'table-row', 'table-row-group'].includes(style.display)) continue;
      if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) continue;
      if (element.closest('[data-scrolls]')) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        const name = element.dataset.testid ?? element.className ?? element.tagName;
        found.push(`${element.tagName.toLowerCase()}.${name}: ${element.scrollWidth} > ${element.clientWidth}`);
      }
    }
    return found.slice(0, 8);
  });
}

/** Opens `path` at `width`, in the theme `theme`, fills it with `prepare`, and checks every box holds. */
async function holds(width, lang, path, prepare) {
  const lens = await site.open(`${lang}/${path}`);
  await lens.page.setViewportSize({ width, height: 900 });
  await lens.page.evaluate((theme) => { document.documentElement.dataset.theme = theme; }, lang === 'fr' ? 'dark' : 'light');
  await prepare(lens);
  const found = await overflows(lens);
  assert.deepEqual(found, [], `${lang}/${path} at ${width} px`);
  await lens.close();
}

for (const width of WIDTHS) {
  for (const lang of ['en', 'fr']) {
    test(`${width} px, ${lang}: the log page holds a failed log`, () => holds(width, lang, '', async (lens) => {
      await lens.paste('log-input', causeLog('pytest-failures'));
      await lens.byTestId('failure-summary').waitFor();
      await lens.byTestId('phase-explanation').waitFor();
    }));
    test(`${width} px, ${lang}: the config page holds long names and a large config`, () => holds(width, lang, 'config', async (lens) => {
      await lens.paste('config-input', LONG_NAMES);
      await lens.byTestId('workflow-graph').first().waitFor();
      await lens.byTestId('diagnostics').waitFor().catch(() => {});
    }));
    test(`${width} px, ${lang}: a documentation page holds`, () => holds(width, lang, 'docs/causes/out-of-memory', async (lens) => {
      await lens.page.locator('.docs-article h1').waitFor();
    }));
    test(`${width} px, ${lang}: the tour holds`, () => holds(width, lang, 'tour/3', async (lens) => {
      await lens.byTestId('tour-config').waitFor();
    }));
  }
}

test('on a phone, a documentation page starts with its article, the navigation behind a button', async () => {
  const lens = await site.open('en/docs/causes/out-of-memory');
  await lens.page.setViewportSize({ width: 375, height: 800 });
  const title = lens.page.locator('.docs-article h1');
  await title.waitFor();
  const top = await title.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  assert.ok(top < 800, `the title starts ${top} px down`);
  assert.equal(await lens.page.locator('.docs-groups').isVisible(), false);
  await lens.byTestId('docs-nav-toggle').click();
  await lens.page.locator('.docs-groups').waitFor();
  await lens.close();
});

test('on a phone, the explanation of a chosen phase is next to it', async () => {
  const lens = await site.open('en/?example=seed');
  await lens.page.setViewportSize({ width: 375, height: 800 });
  await lens.byTestId('phase-band').nth(11).waitFor();
  await lens.byTestId('timeline-phase').nth(10).click();
  const explanation = lens.byTestId('phase-explanation');
  await explanation.filter({ hasText: 'Run tests' }).waitFor();
  // The page scrolled to the explanation: it is in view.
  await lens.page.waitForFunction(() => {
    const box = document.querySelector('[data-testid=phase-explanation]').getBoundingClientRect();
    return box.top >= -1 && box.top < window.innerHeight / 2;
  });
  await lens.close();
});

test('a workflow of 250 jobs fits a 1,280 px screen', async () => {
  const lens = await site.open('en/config');
  await lens.page.setViewportSize({ width: 1280, height: 900 });
  await lens.paste('config-input', bigConfig());
  const graph = lens.byTestId('workflow-graph').first();
  await graph.waitFor({ timeout: 60_000 });
  const box = await graph.boundingBox();
  assert.ok(box.width <= 1280, `${box.width} px wide`);
  await lens.close();
});
