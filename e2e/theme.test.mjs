// The colour theme follows the system until the reader chooses one in the header; the choice survives a
// reload and wins over the system's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

/** The page's background colour and the theme written on <html> (null when the system decides). */
async function look(lens) {
  return lens.page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    theme: document.documentElement.getAttribute('data-theme'),
  }));
}

const LIGHT_BACKGROUND = 'rgb(251, 250, 247)';
const DARK_BACKGROUND = 'rgb(20, 24, 29)';

test('a system in dark mode gets the dark theme, one in light mode the light theme', async () => {
  const lens = await site.open('en/');
  await lens.page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await look(lens), { background: DARK_BACKGROUND, theme: null });
  assert.equal(await lens.byTestId('theme-switch').inputValue(), 'system');
  await lens.page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await look(lens), { background: LIGHT_BACKGROUND, theme: null });
  await lens.close();
});

test('light chosen on a dark system stays light after a reload and on every page, until System is chosen', async () => {
  const lens = await site.open('en/');
  await lens.page.emulateMedia({ colorScheme: 'dark' });
  await lens.byTestId('theme-switch').selectOption('light');
  assert.deepEqual(await look(lens), { background: LIGHT_BACKGROUND, theme: 'light' });
  assert.equal(await lens.page.evaluate(() => localStorage.getItem('pipelens.theme')), 'light');

  await lens.page.reload();
  await lens.ready();
  assert.deepEqual(await look(lens), { background: LIGHT_BACKGROUND, theme: 'light' });
  assert.equal(await lens.byTestId('theme-switch').inputValue(), 'light');

  await lens.byTestId('nav-docs').click();
  await lens.byTestId('docs-page').waitFor();
  assert.deepEqual(await look(lens), { background: LIGHT_BACKGROUND, theme: 'light' });

  await lens.byTestId('theme-switch').selectOption('system');
  assert.deepEqual(await look(lens), { background: DARK_BACKGROUND, theme: null });
  assert.equal(await lens.page.evaluate(() => localStorage.getItem('pipelens.theme')), null);
  await lens.close();
});

test('the chosen theme is on <html> before the app starts, so the page never shows the other one', async () => {
  const lens = await site.open('fr/config');
  await lens.page.emulateMedia({ colorScheme: 'light' });
  await lens.byTestId('theme-switch').selectOption('dark');
  // Stop the app from starting: what remains is the document as the browser first paints it.
  await lens.page.route(/\.wasm$/, (route) => route.abort());
  lens.errors.length = 0;
  await lens.page.reload({ waitUntil: 'domcontentloaded' });
  assert.deepEqual(await look(lens), { background: DARK_BACKGROUND, theme: 'dark' });
  await lens.page.unroute(/\.wasm$/);
  await lens.page.context().close();
});

test('the French header offers the three themes in French', async () => {
  const lens = await site.open('fr/');
  const names = await lens.byTestId('theme-switch').locator('option').allTextContents();
  assert.deepEqual(names, ['Thème du système', 'Clair', 'Sombre']);
  assert.equal(await lens.page.getByRole('combobox', { name: 'Thème' }).count(), 1);
  await lens.close();
});
