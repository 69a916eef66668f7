// The language switch changes every visible sentence, keeps the page, and is remembered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

test('switching to French translates the page and keeps the place', async () => {
  const lens = await site.open('en/config?x=1#part');
  assert.equal(await lens.heading().textContent(), 'Explain a configuration');
  await lens.byTestId('lang-fr').click();
  await lens.heading().filter({ hasText: 'Expliquer une configuration' }).waitFor();
  assert.equal(lens.relativePath(), 'fr/config?x=1#part');
  assert.equal(await lens.page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await lens.byTestId('nav-docs').textContent(), 'Documentation');
  assert.equal(await lens.byTestId('nav-log').textContent(), 'Explorer un journal');
  assert.equal(await lens.byTestId('lang-fr').getAttribute('aria-current'), 'true');
  await lens.close();
});

test('the chosen language survives a reload and is used for the next visit', async () => {
  const lens = await site.open('en/');
  await lens.byTestId('lang-fr').click();
  await lens.heading().filter({ hasText: 'Expliquer un journal de build' }).waitFor();

  await lens.page.reload();
  await lens.ready();
  assert.equal(await lens.heading().textContent(), 'Expliquer un journal de build');
  assert.equal(lens.relativePath(), 'fr/');

  // Same browser, new visit to the bare address: the remembered choice wins over the browser's English.
  await lens.goto('');
  await lens.heading().filter({ hasText: 'Expliquer un journal de build' }).waitFor();
  assert.equal(lens.relativePath(), 'fr/');

  await lens.byTestId('lang-en').click();
  await lens.heading().filter({ hasText: 'Explain a build log' }).waitFor();
  await lens.goto('');
  await lens.heading().filter({ hasText: 'Explain a build log' }).waitFor();
  await lens.close();
});
