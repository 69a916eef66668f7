// A failed build as a person reads it: the failure summary says where and why it failed, jumps to the
// line, names the failing tests, links to the fix, copies itself as Markdown; the phase panel explains the
// cause; both languages; a refused configuration says that no job ran; a passing log shows no summary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';
import { causeLog } from './support/fixtures.mjs';

const site = useSite();

test('a failed pytest run opens on its failure: the step, the cause, the failing test and the line', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', causeLog('pytest-failures'));
  const summary = lens.byTestId('failure-summary');
  await summary.waitFor();
  assert.equal((await lens.byTestId('failure-where').textContent()).trim(), 'It failed at step 1: Run tests · Exit code 1');
  const cause = lens.byTestId('failure-cause');
  assert.equal(await cause.getAttribute('data-cause'), 'pytest-failures');
  assert.match(await cause.textContent(), /pytest reported 1 failing test: tests\/test_views\.py::test_profile\./);
  assert.deepEqual(await lens.byTestId('failure-tests').locator('li').allTextContents(), ['tests/test_views.py::test_profile']);
  assert.equal(await lens.byTestId('failure-line').getAttribute('data-line'), '19');
  assert.match(await lens.byTestId('failure-fix').getAttribute('href'), /\/en\/docs\/causes\/pytest-failures$/);

  // The failed phase is selected and explained: why it failed, then how to fix it (the cause's page).
  const panel = lens.byTestId('phase-causes');
  await panel.waitFor();
  assert.match(await panel.textContent(), /Why it failed/);
  await lens.byTestId('cause-page').locator('.doc-body h2').first().waitFor();
  assert.equal(await lens.byTestId('cause-evidence').first().getAttribute('data-line'), '19');

  // The jump brings the line into view and marks it.
  await lens.byTestId('failure-jump').click();
  const line = lens.page.locator('.log-line[data-line="19"]');
  await lens.page.locator('.log-line.is-current-match[data-line="19"]').waitFor();
  assert.ok(await line.isVisible());
  assert.equal(await line.getAttribute('data-testid'), 'error-line');
  await lens.close();
});

test('the summary and the explanation follow the language', async () => {
  const lens = await site.open('fr/');
  await lens.paste('log-input', causeLog('out-of-memory'));
  await lens.byTestId('failure-summary').waitFor();
  assert.match(await lens.byTestId('failure-where').textContent(), /Il a échoué à l’étape 1\u00a0: Import packages · Code de sortie 137/);
  assert.match(await lens.byTestId('failure-cause').textContent(), /L’étape a manqué de mémoire et le système l’a tuée \(code de sortie 137\)\./);
  await lens.byTestId('lang-en').click();
  await lens.byTestId('failure-cause').filter({ hasText: 'The step ran out of memory and the system killed it (exit code 137).' }).waitFor();
  assert.match(await lens.byTestId('failure-fix').getAttribute('href'), /\/en\/docs\/causes\/out-of-memory$/);
  await lens.close();
});

test('"Copy as Markdown" gives the summary for an issue, secrets masked', async () => {
  const lens = await site.open('en/');
  await lens.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const log = 'Fetch the styles\n#!/bin/bash -eo pipefail\ngit clone "$STYLES_URL"\nCloning into \'styles\'...\nfatal: unable to access \'https://deploy:ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8@github.com/lettings-dev/styles.git/\': Could not resolve host: github.com\n\nExited with code exit status 128\n';
  await lens.paste('log-input', log);
  await lens.byTestId('failure-summary').waitFor();
  await lens.byTestId('failure-copy').click();
  await lens.byTestId('failure-copy-status').filter({ hasText: 'Copied' }).waitFor();
  const markdown = await lens.page.evaluate(() => navigator.clipboard.readText());
  assert.match(markdown, /^### Build failed at step 1: Fetch the styles\n/);
  assert.match(markdown, /Could not resolve host: github\.com/, 'the evidence line is quoted');
  assert.match(markdown, /\/en\/docs\/causes\/network-failure/);
  assert.doesNotMatch(markdown, /a1B2c3D4e5F6/);
  await lens.close();
});

test('a refused configuration says that no job ran and offers the config explainer', async () => {
  const lens = await site.open('en/');
  await lens.paste('log-input', causeLog('config-pipelines-not-enabled'));
  await lens.byTestId('failure-summary').waitFor();
  assert.match(await lens.byTestId('failure-where').textContent(), /No job ran: CircleCI refused the configuration/);
  assert.equal(await lens.byTestId('failure-cause').first().getAttribute('data-cause'), 'config-pipelines-not-enabled');
  assert.equal(await lens.byTestId('log-note').count(), 0, 'no "nothing recognised" note');
  await lens.byTestId('failure-open-config').click();
  await lens.page.waitForURL((url) => url.pathname.endsWith('/en/config'));
  await lens.close();
});

test('a failed step with no line that looks like an error shows its last line as such, not as an error', async () => {
  const lens = await site.open('fr/');
  const log = 'Install dependencies\n#!/bin/bash -eo pipefail\npoetry install\n\nInstalling dependencies from lock file\nPackage operations: 48 installs, 1 update, 0 removals\n\nExited with code exit status 1\nCircleCI received exit code 1\n';
  await lens.paste('log-input', log);
  await lens.byTestId('failure-summary').waitFor();
  assert.match(await lens.byTestId('failure-no-cause').textContent(), /aucune ligne de l’étape ne ressemble à une erreur/);
  assert.equal(await lens.byTestId('failure-line').getAttribute('data-line'), '6');
  const explained = lens.byTestId('first-error');
  await explained.waitFor();
  assert.match(await explained.locator('h3').textContent(), /^Dernière ligne affichée/);
  await lens.byTestId('lang-en').click();
  await explained.locator('h3').filter({ hasText: /^Last line printed/ }).waitFor();
  assert.equal((await lens.byTestId('jump-to-error').textContent()).trim(), 'Go to this line');
  await lens.close();
});

test('a passing log has no failure summary, and a cache miss is explained as no failure', async () => {
  const lens = await site.open('en/?example=seed');
  await lens.byTestId('phase-band').nth(11).waitFor();
  assert.equal(await lens.byTestId('failure-summary').count(), 0);
  await lens.paste('log-input', causeLog('cache-miss'));
  await lens.byTestId('phase-band').first().waitFor();
  await lens.byTestId('timeline-phase').first().click();
  await lens.byTestId('phase-notices').waitFor();
  assert.match(await lens.byTestId('phase-notices').textContent(), /Not a failure/);
  assert.equal(await lens.byTestId('failure-summary').count(), 0);
  await lens.close();
});

test('the documentation lists why builds fail, and its search finds a cause from the error text', async () => {
  const lens = await site.open('en/docs/causes/index');
  await lens.heading().filter({ hasText: 'Why builds fail' }).waitFor();
  // The title can show before the page's body: wait for a link of its last table.
  await lens.page.locator('article a[href$="/docs/causes/lint-findings"]').first().waitFor();
  const links = await lens.page.locator('article a[href*="/docs/causes/"]').count();
  assert.ok(links >= 70, `${links} links to causes`);
  for (const [query, page] of [['publickey', 'causes/checkout-publickey'], ['exit code 137', 'causes/out-of-memory'], ['toomanyrequests', 'causes/docker-hub-rate-limit']]) {
    await lens.byTestId('docs-search').fill(query);
    await lens.byTestId('docs-search-result').first().waitFor();
    const pages = await lens.byTestId('docs-search-result').evaluateAll((hits) => hits.map((hit) => hit.dataset.page));
    assert.ok(pages.includes(page), `${query}: ${pages.join(', ')}`);
  }
  await lens.close();
});
