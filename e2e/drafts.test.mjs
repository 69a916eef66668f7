// What the user pastes is kept in this browser only, comes back after a reload, and can be forgotten.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

const LOG = 'Spin up environment\nBuild-agent version 1.0.0\n';
const CONFIG = 'version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n    steps: [checkout]\n';

/** The draft keys this site keeps in localStorage, with their values. */
async function storedDrafts(lens) {
  return lens.page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((key) => key.startsWith('pipelens.')).map((key) => [key, localStorage.getItem(key)])),
  );
}

test('both drafts survive a reload, and "forget" erases them and stops keeping new ones', async () => {
  const lens = await site.open('en/config');
  await lens.paste('config-input', CONFIG);
  await lens.byTestId('config-part').first().waitFor();
  await lens.goto('en/');
  await lens.paste('log-input', LOG);
  await lens.byTestId('phase-timeline').waitFor();

  await lens.page.reload();
  await lens.ready();
  assert.equal(await lens.byTestId('log-input').inputValue(), LOG);
  await lens.goto('en/config');
  assert.equal(await lens.byTestId('config-input').inputValue(), CONFIG);
  assert.equal(await lens.byTestId('draft-notice').getAttribute('data-keeping'), 'true');

  await lens.byTestId('forget-drafts').click();
  await lens.byTestId('keep-drafts').waitFor();
  // The text stays in the editor; only the browser's copies are gone.
  assert.equal(await lens.byTestId('config-input').inputValue(), CONFIG);
  const afterForget = await storedDrafts(lens);
  assert.ok(!('pipelens.log-draft' in afterForget) && !('pipelens.config-draft' in afterForget), JSON.stringify(afterForget));

  // Edits made afterwards are not kept either, on both pages.
  await lens.paste('config-input', `${CONFIG}# edited\n`);
  await lens.byTestId('config-source').filter({ hasText: '# edited' }).waitFor();
  await lens.goto('en/');
  assert.equal(await lens.byTestId('log-input').inputValue(), '');
  assert.equal(await lens.byTestId('draft-notice').getAttribute('data-keeping'), 'false');
  await lens.paste('log-input', LOG);
  await lens.byTestId('phase-timeline').waitFor();
  await lens.page.reload();
  await lens.ready();
  assert.equal(await lens.byTestId('log-input').inputValue(), '');
  assert.ok(!('pipelens.config-draft' in (await storedDrafts(lens))));
  await lens.close();
});

test('"keep drafts again" keeps the text in the editor at once, in French too', async () => {
  const lens = await site.open('fr/');
  await lens.paste('log-input', LOG);
  await lens.byTestId('forget-drafts').click();
  await lens.byTestId('draft-notice').filter({ hasText: 'ne sont pas conservés' }).waitFor();
  await lens.byTestId('keep-drafts').click();
  await lens.byTestId('forget-drafts').waitFor();
  assert.equal(JSON.parse((await storedDrafts(lens))['pipelens.log-draft']), LOG);
  await lens.page.reload();
  await lens.ready();
  assert.equal(await lens.byTestId('log-input').inputValue(), LOG);
  await lens.close();
});
