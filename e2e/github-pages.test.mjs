// The site as GitHub Pages serves it: under /pipelens/, with deep links answered by 404.html.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const site = useSite(BUILDS.pages);

test('a deep link under the sub-path opens the right page in the right language', async () => {
  const lens = await site.open('fr/docs/phases/checkout-code');
  await lens.byTestId('docs-page').waitFor();
  assert.equal(await lens.byTestId('docs-page').getAttribute('data-page'), 'phases/checkout-code');
  // The French page, loaded from content/fr/ under the sub-path.
  await lens.heading().filter({ hasText: 'Récupération du code' }).waitFor();
  assert.equal(await lens.page.getAttribute('html', 'lang'), 'fr');
  await lens.close();
});

test('links stay under the sub-path and navigation works there', async () => {
  const lens = await site.open('');
  await lens.byTestId('log-page').waitFor();
  assert.equal(lens.relativePath(), 'en/');
  assert.equal(await lens.byTestId('nav-config').getAttribute('href'), '/pipelens/en/config');
  await lens.byTestId('nav-config').click();
  await lens.byTestId('config-page').waitFor();
  assert.equal(new URL(lens.page.url()).pathname, '/pipelens/en/config');

  await lens.byTestId('lang-fr').click();
  await lens.heading().filter({ hasText: 'Expliquer une configuration' }).waitFor();
  assert.equal(new URL(lens.page.url()).pathname, '/pipelens/fr/config');

  await lens.page.reload();
  await lens.byTestId('config-page').waitFor();
  assert.equal(await lens.heading().textContent(), 'Expliquer une configuration');
  await lens.close();
});

test('the Pages build ships its 404 fallback and .nojekyll', async () => {
  const response = await fetch(site.url + 'en/some/deep/link');
  assert.equal(response.status, 404);
  assert.match(await response.text(), /<base href="\/pipelens\/"/);
  const nojekyll = await fetch(site.url + '.nojekyll');
  assert.equal(nojekyll.status, 200);
});
