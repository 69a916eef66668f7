// A reader moves around the documentation as GitHub Pages serves it (under /pipelens/): deep links to a
// section, the language switch, previous/next and an unknown page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const site = useSite(BUILDS.pages);

/** Waits until the element with id `anchor` is near the top of the viewport (the page scrolled to it). */
async function waitUntilScrolledTo(lens, anchor) {
  await lens.page.waitForFunction((id) => {
    const element = document.getElementById(id);
    if (!element || window.scrollY === 0) return false;
    const top = element.getBoundingClientRect().top;
    return top >= -2 && top < window.innerHeight / 3;
  }, anchor);
}

test('a deep link to a section opens the page and scrolls to the section, also after a reload', async () => {
  const lens = await site.open('fr/docs/phases/checkout-code#permission-denied');
  await lens.byTestId('docs-body').waitFor();
  assert.equal(await lens.byTestId('docs-page').getAttribute('data-page'), 'phases/checkout-code');
  assert.equal(await lens.heading().textContent(), 'Récupération du code');
  await waitUntilScrolledTo(lens, 'permission-denied');

  await lens.page.reload();
  await lens.byTestId('docs-body').waitFor();
  await waitUntilScrolledTo(lens, 'permission-denied');
  assert.equal(lens.relativePath(), 'fr/docs/phases/checkout-code#permission-denied');
  await lens.close();
});

test('the table of contents links to the sections of the page', async () => {
  const lens = await site.open('en/docs/phases/checkout-code');
  const link = lens.byTestId('docs-toc').getByRole('link', { name: 'The directory is not empty' });
  assert.equal(await link.getAttribute('href'), '/pipelens/en/docs/phases/checkout-code#directory-not-empty');
  await link.click();
  await waitUntilScrolledTo(lens, 'directory-not-empty');
  assert.equal(lens.relativePath(), 'en/docs/phases/checkout-code#directory-not-empty');
  await lens.close();
});

test('switching language keeps the page and the section', async () => {
  const lens = await site.open('en/docs/phases/checkout-code#wrong-commit');
  await lens.byTestId('docs-body').waitFor();
  assert.equal(await lens.heading().textContent(), 'Checkout code');
  await lens.byTestId('lang-fr').click();
  await lens.heading().filter({ hasText: 'Récupération du code' }).waitFor();
  assert.equal(lens.relativePath(), 'fr/docs/phases/checkout-code#wrong-commit');
  await lens.byTestId('docs-body').waitFor();
  await waitUntilScrolledTo(lens, 'wrong-commit');
  assert.equal(await lens.byTestId('docs-sidebar').getByRole('link', { name: 'Récupération du code' }).getAttribute('aria-current'), 'page');
  await lens.close();
});

test('previous and next follow the reading order from the documentation home', async () => {
  const lens = await site.open('en/docs');
  await lens.byTestId('docs-body').waitFor();
  assert.equal(await lens.byTestId('docs-page').getAttribute('data-page'), 'index');
  assert.equal(await lens.byTestId('docs-prev').count(), 0, 'the home page is the first page');
  const nextTitle = await lens.byTestId('docs-next').locator('.docs-pager-title').textContent();
  await lens.byTestId('docs-next').click();
  await lens.heading().filter({ hasText: nextTitle }).waitFor();
  // The guided tour's text comes first after the home page, then the walkthrough.
  assert.equal(await lens.byTestId('docs-page').getAttribute('data-page'), 'tour');
  assert.equal(lens.relativePath(), 'en/docs/tour');

  await lens.byTestId('docs-prev').click();
  await lens.heading().filter({ hasText: 'Pipeline Lens documentation' }).waitFor();
  assert.equal(lens.relativePath(), 'en/docs');
  await lens.close();
});

test('links inside a page open other pages in the app', async () => {
  const lens = await site.open('en/docs/phases/checkout-code');
  const link = lens.byTestId('docs-body').getByRole('link', { name: 'working_directory' }).first();
  assert.equal(await link.getAttribute('href'), 'en/docs/keys/working_directory');
  await link.click();
  await lens.byTestId('docs-page').and(lens.page.locator('[data-page="keys/working_directory"]')).waitFor();
  assert.equal(lens.relativePath(), 'en/docs/keys/working_directory');
  await lens.byTestId('docs-body').waitFor();
  await lens.close();
});

test('an unknown page says so in the current language and links to the documentation home', async () => {
  const lens = await site.open('fr/docs/phases/no-such-phase');
  await lens.byTestId('docs-not-found').waitFor();
  assert.equal(await lens.heading().textContent(), 'Cette page n’existe pas');
  await lens.byTestId('docs-not-found').getByRole('link').click();
  await lens.heading().filter({ hasText: 'Documentation de Pipeline Lens' }).waitFor();
  assert.equal(lens.relativePath(), 'fr/docs');
  await lens.close();
});
