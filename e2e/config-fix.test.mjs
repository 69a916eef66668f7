// A check whose fix is mechanical offers the corrected YAML, and copies it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

/** A misspelt key and a store_test_results without its path. */
const CONFIG = `version: 2.1
jobs:
  test:
    docker:
      - image: cimg/python:3.12
    working_directry: ~/app
    steps:
      - checkout
      - run: pytest --junitxml=test-results/junit.xml
      - store_test_results
workflows:
  main:
    jobs: [test]
`;

test('a mechanical fix is shown as YAML under its check and copied by its button', async () => {
  const lens = await site.open('en/config');
  await lens.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await lens.byTestId('config-input').fill(CONFIG);
  const row = lens.page.locator('[data-testid=diagnostic][data-rule=unknown-key]');
  const fix = row.getByTestId('diagnostic-fix');
  await fix.waitFor();
  assert.equal(await fix.locator('code').textContent(), 'working_directory:');
  await fix.getByTestId('diagnostic-fix-copy').click();
  await fix.getByTestId('diagnostic-fix-copy').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await lens.page.evaluate(() => navigator.clipboard.readText()), 'working_directory:');
  // The click copies; it does not select the check's line.
  assert.equal(await lens.page.locator('[data-testid=source-line].is-highlighted').count(), 0);

  const results = lens.page.locator('[data-testid=diagnostic][data-rule=test-results-without-path]');
  assert.equal(await results.getByTestId('diagnostic-fix').locator('code').textContent(), '- store_test_results:\n    path: test-results');

  await lens.byTestId('lang-fr').click();
  const french = lens.page.locator('[data-testid=diagnostic][data-rule=unknown-key] [data-testid=diagnostic-fix]');
  await french.filter({ hasText: 'Écrivez plutôt' }).waitFor();
  assert.equal(await french.getByTestId('diagnostic-fix-copy').textContent(), 'Copier');
  await lens.close();
});
