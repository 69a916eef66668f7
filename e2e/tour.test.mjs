// The guided tour: twelve phases of the seed job between a start and an end page, walked with the buttons
// or the arrow keys, in English or French, with the stop in the address.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';
import { SEED_PHASE_TITLES } from './support/fixtures.mjs';

/** Waits for stop `n` to be shown with its text. */
async function atStop(lens, n) {
  await lens.page.locator(`[data-testid=tour-page][data-step="${n}"]`).waitFor();
  await lens.byTestId('tour-text').waitFor();
}

describe('guided tour', () => {
  const site = useSite();

  test('the header opens the tour; next walks every phase to the end, where next is disabled', async () => {
    const lens = await site.open('en/');
    await lens.byTestId('nav-tour').click();
    await atStop(lens, 0);
    assert.equal(lens.relativePath(), 'en/tour');
    assert.equal(await lens.byTestId('tour-text').getAttribute('data-section'), 'start');
    assert.equal(await lens.byTestId('tour-prev').isDisabled(), true);
    for (const [index, title] of SEED_PHASE_TITLES.entries()) {
      await lens.byTestId('tour-next').click();
      await atStop(lens, index + 1);
      assert.equal(lens.relativePath(), `en/tour/${index + 1}`);
      assert.equal(await lens.byTestId('tour-progress').textContent(), `Step ${index + 1} of 12`);
      assert.equal(await lens.byTestId('tour-phase-title').textContent(), title);
      // The list numbers the current stop as the progress does.
      assert.equal(await lens.page.locator('.tour-steps li.is-current').textContent(), `${index + 1}.${title}`);
      await lens.byTestId('tour-config').waitFor();
      await lens.byTestId('tour-doc-link').waitFor();
    }
    await lens.byTestId('tour-next').click();
    await atStop(lens, 13);
    assert.equal(await lens.byTestId('tour-text').getAttribute('data-section'), 'next-steps');
    assert.equal(await lens.byTestId('tour-next').isDisabled(), true);
    await lens.close();
  });

  test('the arrow keys move between stops, but not while typing', async () => {
    const lens = await site.open('en/tour');
    await atStop(lens, 0);
    for (let n = 1; n <= 13; n += 1) {
      await lens.page.keyboard.press('ArrowRight');
      await atStop(lens, n);
    }
    await lens.page.keyboard.press('ArrowRight');
    await atStop(lens, 13);
    await lens.page.keyboard.press('ArrowLeft');
    await atStop(lens, 12);
    assert.equal(await lens.byTestId('tour-phase-title').textContent(), 'Persisting to workspace');
    // Typing in a field does not turn the page.
    await lens.page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      document.body.append(input);
    });
    await lens.page.focus('#typing');
    await lens.page.keyboard.press('ArrowLeft');
    await lens.page.waitForTimeout(200);
    assert.equal(lens.relativePath(), 'en/tour/12');
    await lens.close();
  });

  test('switching to French keeps the stop; a reload keeps it too', async () => {
    const lens = await site.open('en/tour/3');
    await atStop(lens, 3);
    assert.equal(await lens.byTestId('tour-text').getAttribute('data-section'), 'checkout-code');
    assert.match(await lens.byTestId('tour-text').textContent(), /clones the repository/);
    assert.match(await lens.byTestId('tour-config-step').textContent(), /Step 1 of job build_and_test, line 14/);
    await lens.byTestId('lang-fr').click();
    await lens.page.waitForURL(/\/fr\/tour\/3$/);
    await lens.byTestId('tour-text').filter({ hasText: 'clone le dépôt' }).waitFor();
    assert.equal(await lens.byTestId('tour-progress').textContent(), 'Étape 3 sur 12');
    assert.match(await lens.byTestId('tour-config-step').textContent(), /Étape 1 du job build_and_test, ligne 14/);
    await lens.page.reload();
    await atStop(lens, 3);
    assert.equal(lens.relativePath(), 'fr/tour/3');
    await lens.byTestId('tour-text').filter({ hasText: 'clone le dépôt' }).waitFor();
    await lens.close();
  });
});

describe('guided tour (pages build)', () => {
  const site = useSite(BUILDS.pages);

  test('a deep link under the sub-path opens its stop', async () => {
    const lens = await site.open('en/tour/11');
    await atStop(lens, 11);
    assert.equal(await lens.byTestId('tour-phase-title').textContent(), 'Run tests');
    assert.match(await lens.byTestId('tour-doc-link').getAttribute('href'), /^\/pipelens\/en\/docs\/phases\/run-step$/);
    await lens.close();
  });
});
