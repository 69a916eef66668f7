// Config and log together: with a configuration and a log of the same job in this browser, each phase of
// the log links to the step that printed it, and each step to its phases; a log of another job does not.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const SEED_JOB_CONFIG = await readFile(path.join(REPO, 'samples/seed-build-and-test.config.yml'), 'utf8');

/**
 * Loads the seed job's configuration in the config page (its own example button, checked against the
 * sample file), then the example log in the log page: what a trainer does.
 */
async function openBoth(lens) {
  await lens.byTestId('nav-config').click();
  await lens.byTestId('config-page').waitFor();
  await lens.byTestId('load-example-log-config').click();
  assert.equal(await lens.byTestId('config-input').inputValue(), SEED_JOB_CONFIG);
  await lens.page.waitForFunction(() => localStorage.length > 0 && Object.values(localStorage).some((v) => v.includes('python/install-packages')));
  await lens.byTestId('nav-log').click();
  await lens.byTestId('log-page').waitFor();
  await lens.byTestId('load-example').click();
  await lens.byTestId('phase-band').nth(11).waitFor();
}

for (const [name, build] of Object.entries(BUILDS)) {
  describe(`crosslink (${name} build)`, () => {
    const site = useSite(build);

    test('a phase links to its step in the config, and the step back to its phase', async () => {
      const lens = await site.open('en/');
      await openBoth(lens);
      // Phase 11, "Run tests", was printed by step 3 of the job, the `run` at line 17, column 9.
      await lens.page.locator('[data-testid=phase-band]').nth(10).locator('.phase-header').click();
      const toConfig = lens.byTestId('config-link');
      await toConfig.waitFor();
      assert.equal(
        (await toConfig.textContent()).trim(),
        'Produced by step 3 of job build_and_test in your config (line 17)',
      );
      await toConfig.click();
      await lens.byTestId('config-page').waitFor();
      assert.equal(lens.relativePath(), 'en/config?line=17&column=9');
      const toLog = lens.byTestId('log-link');
      await toLog.waitFor();
      assert.equal((await toLog.textContent()).trim(), 'See it in your log: phase 11 · Run tests');
      await toLog.click();
      await lens.byTestId('log-page').waitFor();
      await lens.page.locator('[data-testid=phase-band].is-selected').waitFor();
      assert.equal(lens.relativePath(), 'en/#phase-11');
      assert.equal(await lens.byTestId('explanation-title').textContent(), 'Run tests');
      await lens.close();
    });

    test('the orb step lists the seven phases it printed, in French too', async () => {
      const lens = await site.open('fr/');
      await openBoth(lens);
      await lens.page.locator('[data-testid=phase-band]').nth(3).locator('.phase-header').click();
      const toConfig = lens.byTestId('config-link');
      await toConfig.waitFor();
      assert.match(await toConfig.textContent(), /étape 2 du job build_and_test de votre configuration \(ligne 15\)/);
      await toConfig.click();
      await lens.byTestId('config-page').waitFor();
      await lens.byTestId('log-link').nth(6).waitFor();
      assert.equal(await lens.byTestId('log-link').count(), 7);
      assert.match(await lens.byTestId('log-link').first().textContent(), /Voir dans votre journal\u00a0: phase 4 · Link lockfile/);
      await lens.close();
    });

    test('the example config did not produce the example log: no link', async () => {
      const lens = await site.open('en/config');
      await lens.byTestId('load-example').click();
      await lens.page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('orange_county')));
      await lens.byTestId('nav-log').click();
      await lens.byTestId('load-example').click();
      await lens.page.locator('[data-testid=phase-band]').nth(2).locator('.phase-header').click();
      await lens.byTestId('phase-doc-link').waitFor();
      assert.equal(await lens.byTestId('config-link').count(), 0);
      await lens.close();
    });
  });
}
