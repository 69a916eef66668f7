// Share links: the view (text, selected phase or part, language) packed into the address fragment, with its
// secrets masked by default; opening the link in another browser restores the view; a broken link keeps the
// draft; the link is never sent to the server. On the root build and under the GitHub Pages sub-path.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';
import { samplePath } from './support/fixtures.mjs';

const AWS_KEY = 'AKIA2E0A8F3B244C9986';
/** The seed job's log with an AWS access key id written on line 4. */
const LOG = (() => {
  const lines = fs.readFileSync(samplePath('seed-build-and-test.log'), 'utf8').split('\n');
  lines.splice(3, 0, `export AWS_ACCESS_KEY_ID=${AWS_KEY}`);
  return lines.join('\n');
})();
const PASSWORD = 's3cr3t-Passw0rd';
const CONFIG = [
  'version: 2.1',
  'jobs:',
  '  build:',
  '    docker:',
  '      - image: cimg/python:3.12.0',
  '        auth:',
  '          username: me',
  `          password: ${PASSWORD}`,
  '    steps:',
  '      - checkout',
  '      - run: pytest',
  'workflows:',
  '  main:',
  '    jobs: [build]',
  '',
].join('\n');

/** Opens the share panel of the page and returns the link it shows. */
async function openShare(lens) {
  await lens.byTestId('share-open').click();
  await lens.byTestId('share-panel').waitFor();
  const field = lens.byTestId('share-link');
  await lens.page.waitForFunction((el) => el.value.includes('#share=v1.'), await field.elementHandle());
  return field.inputValue();
}

/** The part of `link` after the site's root, for `site.open`. */
function relativeTo(site, link) {
  assert.ok(link.startsWith(site.url), `${link} under ${site.url}`);
  return link.slice(site.url.length);
}

/** Whether the element is within the window's height (scrolled into view). */
async function inView(locator) {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`share links on the ${name} build`, () => {
    const site = useSite(build);

    test('a log link masks the key, says so, and opens phase 3 again elsewhere, in English and French', async () => {
      const lens = await site.open('en/');
      await lens.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await lens.paste('log-input', LOG);
      await lens.byTestId('timeline-phase').nth(11).waitFor();
      await lens.byTestId('timeline-phase').nth(2).click();
      // Playwright learns the new address from an event the browser sends after the click: wait for it.
      await lens.page.waitForURL((url) => url.hash === '#phase-3');
      assert.equal(lens.relativePath(), 'en/#phase-3');

      const link = await openShare(lens);
      assert.ok(link.startsWith(`${site.url}en/#share=v1.`), link);
      assert.ok(await lens.byTestId('share-mask').isChecked());
      assert.match(await lens.byTestId('share-masked').textContent(), /Secrets masked in the link \(1\): an AWS access key id \(line 4\)\./);
      assert.match(await lens.byTestId('share-length').textContent(), new RegExp(`Link length: ${link.length.toLocaleString('en-US')} characters`));
      assert.equal(await lens.byTestId('share-long').count(), 0);

      // Unticking the box rebuilds the link with the key and warns; ticking it again masks it again.
      await lens.byTestId('share-mask').uncheck();
      await lens.byTestId('share-unmasked').filter({ hasText: 'NOT masked' }).waitFor();
      const clear = await lens.byTestId('share-link').inputValue();
      assert.notEqual(clear, link);
      await lens.byTestId('share-mask').check();
      await lens.byTestId('share-masked').waitFor();
      assert.equal(await lens.byTestId('share-link').inputValue(), link);

      await lens.byTestId('share-copy').click();
      await lens.byTestId('share-copied').waitFor();
      assert.equal(await lens.page.evaluate(() => navigator.clipboard.readText()), link);

      // A fresh browser context: no draft, no storage.
      const other = await site.open(relativeTo(site, link));
      const editor = other.byTestId('log-input');
      await other.page.waitForFunction((el) => el.value.length > 0, await editor.elementHandle());
      const restored = await editor.inputValue();
      assert.ok(!restored.includes(AWS_KEY), 'the key is masked');
      assert.equal(restored, LOG.replace(AWS_KEY, '••••••••'));
      const selected = other.byTestId('timeline-phase').nth(2);
      await other.page.waitForFunction((el) => el.getAttribute('aria-current') === 'step', await selected.elementHandle());
      const band = other.page.locator('[data-testid=phase-band].is-selected');
      assert.equal(await band.getAttribute('data-title'), 'Checkout code');
      assert.ok(await inView(band), 'the selected phase is scrolled into view');
      // The address is back in its normal form, so a reload does not apply the link over later edits.
      await other.page.waitForFunction(() => location.hash === '#phase-3');
      assert.equal(other.relativePath(), 'en/#phase-3');
      await other.paste('log-input', 'Edited after opening the link\n');
      await other.byTestId('phase-band').filter({ hasText: 'Edited after opening the link' }).waitFor();
      await other.page.reload();
      await other.ready();
      assert.equal(await other.byTestId('log-input').inputValue(), 'Edited after opening the link\n');
      await other.close();

      // The same in French: the language travels in the path.
      await lens.byTestId('lang-fr').click();
      await lens.heading().filter({ hasText: 'Expliquer un journal de build' }).waitFor();
      await lens.byTestId('share-masked').filter({ hasText: 'Secrets masqués dans le lien (1)\u00a0: un identifiant de clé d’accès AWS (ligne 4).' }).waitFor();
      const french = await lens.byTestId('share-link').inputValue();
      assert.ok(french.startsWith(`${site.url}fr/#share=v1.`), french);
      const reader = await site.open(relativeTo(site, french), { locale: 'en-US' });
      await reader.heading().filter({ hasText: 'Expliquer un journal de build' }).waitFor();
      const phase = reader.byTestId('timeline-phase').nth(2);
      await reader.page.waitForFunction((el) => el.getAttribute('aria-current') === 'step', await phase.elementHandle());
      assert.equal(reader.relativePath(), 'fr/#phase-3');
      assert.equal(await reader.byTestId('log-input').inputValue(), LOG.replace(AWS_KEY, '••••••••'));
      await reader.close();
      await lens.close();
    });

    test('a config link carries the selected part and its language', async () => {
      const lens = await site.open('fr/config');
      await lens.paste('config-input', CONFIG);
      const part = lens.byTestId('config-part').filter({ hasText: /^docker$/ });
      await part.click();
      await lens.page.waitForURL(/\/fr\/config\?line=4&column=5$/);
      const address = lens.relativePath();

      const link = await openShare(lens);
      assert.ok(link.startsWith(`${site.url}fr/config#share=v1.`), link);
      assert.match(await lens.byTestId('share-masked').textContent(), /un mot de passe \(ligne 8\)/);

      const other = await site.open(relativeTo(site, link));
      await other.heading().filter({ hasText: 'Expliquer une configuration' }).waitFor();
      const selected = other.page.locator('[data-testid=config-part].is-selected');
      await selected.waitFor();
      assert.equal(await selected.textContent(), 'docker');
      assert.equal(await selected.evaluate((el) => el.closest('[data-line]')?.dataset.line), '4');
      assert.ok(await inView(selected), 'the selected part is scrolled into view');
      assert.equal(await other.byTestId('config-input').inputValue(), CONFIG.replace(PASSWORD, '••••••••'));
      await other.page.waitForURL(/\?line=4&column=5$/);
      assert.equal(other.relativePath(), address);
      await other.close();
      await lens.close();
    });

    test('a broken link says why, in the page language, and keeps the draft', async () => {
      const lens = await site.open('en/');
      await lens.paste('log-input', LOG);
      const link = await openShare(lens);
      await lens.paste('log-input', 'My own draft\n');
      await lens.byTestId('phase-band').filter({ hasText: 'My own draft' }).waitFor();

      // Cut in the middle, as a chat tool might do.
      const cut = link.slice(0, Math.floor(link.length / 2));
      await lens.page.goto('about:blank');
      await lens.goto(relativeTo(site, cut));
      const error = lens.byTestId('share-error');
      await error.waitFor();
      assert.equal(await error.getAttribute('data-error'), 'damaged');
      assert.match(await error.textContent(), /could not be opened.*damaged or incomplete/);
      assert.match(await lens.byTestId('share-draft-kept').textContent(), /Your draft was kept/);
      assert.equal(await lens.byTestId('log-input').inputValue(), 'My own draft\n');
      await lens.page.waitForFunction(() => location.hash === '');
      await lens.byTestId('share-error-dismiss').click();
      assert.equal(await error.count(), 0);

      // A link of a format this version does not read, in French.
      await lens.page.goto('about:blank');
      await lens.goto('fr/#share=v9.eJwLSS0uAQAEXQH0');
      const french = lens.byTestId('share-error');
      await french.waitFor();
      assert.equal(await french.getAttribute('data-error'), 'version');
      assert.match(await french.textContent(), /n’a pas pu être ouvert.*autre version/);
      assert.match(await lens.byTestId('share-draft-kept').textContent(), /Votre brouillon a été conservé/);
      assert.equal(await lens.byTestId('log-input').inputValue(), 'My own draft\n');
      await lens.close();
    });

    test('the link never leaves the browser: no request carries it', async () => {
      const first = site.server.requests.length;
      const lens = await site.open('en/');
      await lens.paste('log-input', LOG);
      const link = await openShare(lens);
      const payload = link.split('#share=')[1];
      const seen = [];
      const reader = await site.open('');
      reader.page.on('request', (request) => seen.push([request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join(' ')));
      // From another document, so that the link is a navigation and not a change of fragment.
      await reader.page.goto('about:blank');
      await reader.page.goto(link);
      await reader.byTestId('phase-band').nth(11).waitFor();
      await reader.close();
      await lens.close();
      assert.ok(seen.length > 0);
      for (const request of [...seen, ...site.server.requests.slice(first)]) {
        assert.ok(!request.includes('share=') && !request.includes(payload.slice(0, 40)), request);
      }
    });
  });
}

describe('share links of a text larger than any link', () => {
  const site = useSite();

  test('a text over 32 MB is refused at once, without building a link, and stays in the page', async () => {
    const lens = await site.open('en/');
    const line = 'batch item: \u001b[32mok\u001b[0m and some more words to fill the line\n';
    const text = `Spin up environment\n${line.repeat(Math.ceil((33 * 1024 * 1024) / line.length))}`;
    // A real paste: the page takes a text this large itself, out of the text area.
    await lens.byTestId('log-input').evaluate((editor, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await lens.byTestId('large-log-card').waitFor({ timeout: 120_000 });
    await lens.byTestId('share-open').click();
    const refusal = lens.byTestId('share-text-too-large');
    await refusal.waitFor();
    assert.match(await refusal.textContent(), /over 32 MB/);
    assert.equal(await lens.byTestId('share-link').inputValue(), '');
    assert.equal(await lens.byTestId('share-copy').isDisabled(), true);
    assert.equal(await lens.byTestId('share-length').count(), 0);
    assert.match(await lens.byTestId('large-log-card').textContent(), /^A log of 33\.\d MB/);
    await lens.close();
  });
});
