// Every page works on a phone (375 × 667): nothing is wider than the screen (the log's lines scroll inside
// their own box), the header wraps, the panels stack, and what a finger taps is at least 40 px tall.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

const PHONE = { width: 375, height: 667 };

/** Opens `relative` at the size of a phone. */
async function openOnPhone(relative, options) {
  const lens = await site.open('', options);
  await lens.page.setViewportSize(PHONE);
  await lens.goto(relative);
  return lens;
}

/** The page is no wider than the screen. */
async function assertNoSidewaysScroll(lens, what) {
  const { scrollWidth, innerWidth, wide } = await lens.page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // The elements sticking out on the right, to say what is too wide.
    wide: [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((element) => !element.closest('.phase-lines-body, .phase-timeline, .config-source, .config-graph-scroll, pre, .docs-body table, .virtual-log'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  }));
  assert.ok(scrollWidth <= innerWidth, `${what}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen (${wide.join(', ')})`);
}

/** Every visible button, list box, link of the header and of the documentation's menus is at least 40 px tall. */
async function assertLargeTargets(lens, what) {
  const small = await lens.page.evaluate(() =>
    [...document.querySelectorAll('header a, header button, header select, main button, main select, .docs-group a, .docs-pager a')]
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => element.getBoundingClientRect().height < 40)
      .map((element) => `${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 30)}" ${Math.round(element.getBoundingClientRect().height)} px`),
  );
  assert.deepEqual(small, [], `${what}: targets smaller than 40 px`);
}

test('the log explainer with the example fits a phone; its panels stack', async () => {
  const lens = await openOnPhone('en/?example=seed#phase-3');
  await lens.page.locator('[data-testid=phase-band].is-selected').waitFor();
  await lens.byTestId('explanation-title').waitFor();
  await assertNoSidewaysScroll(lens, 'log');
  await assertLargeTargets(lens, 'log');
  const [log, explanation] = await Promise.all([
    lens.byTestId('log-view').boundingBox(),
    lens.byTestId('phase-explanation').boundingBox(),
  ]);
  assert.ok(explanation.y + explanation.height <= log.y + 1, 'the explanation comes before the log, next to the timeline');
  await lens.close();
});

test('the config explainer with the example fits a phone', async () => {
  const lens = await openOnPhone('fr/config');
  await lens.byTestId('load-example').click();
  await lens.page.locator('[data-testid=graph-job][data-job=container]').waitFor();
  await assertNoSidewaysScroll(lens, 'config');
  await assertLargeTargets(lens, 'config');
  await lens.close();
});

test('a documentation page and the documentation home fit a phone', async () => {
  const lens = await openOnPhone('en/docs/phases/checkout-code');
  await lens.byTestId('docs-body').waitFor();
  await assertNoSidewaysScroll(lens, 'docs page');
  await assertLargeTargets(lens, 'docs page');
  await lens.goto('fr/docs');
  await lens.byTestId('docs-page').waitFor();
  await assertNoSidewaysScroll(lens, 'docs home');
  await lens.close();
});

test('the guided tour fits a phone', async () => {
  const lens = await openOnPhone('fr/tour/4');
  await lens.byTestId('tour-text').waitFor();
  await assertNoSidewaysScroll(lens, 'tour');
  await assertLargeTargets(lens, 'tour');
  await lens.close();
});

test('the "not found" page and its header fit a phone; the header wraps', async () => {
  const lens = await openOnPhone('fr/nulle-part');
  await lens.byTestId('not-found').waitFor();
  await assertNoSidewaysScroll(lens, 'not found');
  await assertLargeTargets(lens, 'not found');
  const header = await lens.page.locator('header.site-header').boundingBox();
  assert.ok(header.width <= PHONE.width, `header ${header.width} px wide`);
  await lens.close();
});
