// A visitor lands on the site, is sent to their language, and moves between the three tools.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

test('the root address opens the log explainer in the browser language', async () => {
  const lens = await site.open('');
  await lens.heading().filter({ hasText: 'Explain a build log' }).waitFor();
  assert.equal(lens.relativePath(), 'en/');
  assert.equal(await lens.page.getAttribute('html', 'lang'), 'en');
  await lens.close();
});

test('a French browser is greeted in French', async () => {
  const lens = await site.open('', { locale: 'fr-FR' });
  await lens.heading().filter({ hasText: 'Expliquer un journal de build' }).waitFor();
  assert.equal(lens.relativePath(), 'fr/');
  await lens.close();
});

test('the navigation opens each tool and the back button returns', async () => {
  const lens = await site.open('en/');
  await lens.byTestId('nav-config').click();
  await lens.byTestId('config-page').waitFor();
  assert.equal(lens.relativePath(), 'en/config');
  assert.equal(await lens.heading().textContent(), 'Explain a configuration');
  assert.equal(await lens.byTestId('nav-config').getAttribute('aria-current'), 'page');

  await lens.byTestId('nav-docs').click();
  await lens.byTestId('docs-page').waitFor();
  assert.equal(lens.relativePath(), 'en/docs');

  await lens.page.goBack();
  await lens.byTestId('config-page').waitFor();
  assert.equal(lens.relativePath(), 'en/config');

  await lens.byTestId('nav-log').click();
  await lens.byTestId('log-page').waitFor();
  assert.equal(lens.relativePath(), 'en/');
  await lens.close();
});

test('an unknown address says so and offers a way back', async () => {
  const lens = await site.open('en/no-such-page');
  await lens.byTestId('not-found').waitFor();
  assert.equal(await lens.heading().textContent(), 'Page not found');
  await lens.byTestId('not-found').getByRole('link').click();
  await lens.byTestId('log-page').waitFor();
  await lens.close();
});
