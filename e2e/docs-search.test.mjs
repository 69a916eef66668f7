// A reader searches the documentation from the docs page and follows a result to its section.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const site = useSite(BUILDS.pages);

test('a search finds sections whatever the accents and case, and a result opens its section', async () => {
  const lens = await site.open('fr/docs');
  await lens.byTestId('docs-search').fill('CLE DE CHECKOUT');
  const first = lens.byTestId('docs-search-result').first();
  await first.waitFor();
  const href = await first.getAttribute('href');
  assert.match(href, /^\/pipelens\/fr\/docs\/[a-z_/-]+(#[a-z0-9-]+)?$/);
  const text = (await lens.page.locator('.docs-search-results').textContent()).toLowerCase();
  assert.ok(text.includes('clé'), 'the results show the accented words');

  const page = await first.getAttribute('data-page');
  await first.click();
  await lens.byTestId('docs-page').and(lens.page.locator(`[data-page="${page}"]`)).waitFor();
  assert.equal('/pipelens/' + lens.relativePath(), href);
  assert.equal(await lens.byTestId('docs-search-result').count(), 0, 'following a result closes the results');
  const anchor = href.split('#')[1];
  if (anchor) {
    await lens.byTestId('docs-body').waitFor();
    await lens.page.locator(`[id="${anchor}"]`).waitFor();
  }
  await lens.close();
});

test('a search with a word found nowhere says so', async () => {
  const lens = await site.open('en/docs/keys/run');
  await lens.byTestId('docs-search').fill('cache zzzqqq');
  await lens.page.getByText('No section contains every word you typed.').waitFor();
  assert.equal(await lens.byTestId('docs-search-result').count(), 0);
  await lens.close();
});
