// Every page passes axe-core's checks with no serious or critical violation, in both languages and both
// themes: the log explainer with the example and a phase selected, the config explainer with the example, a
// documentation page, the "not found" page, and the keyboard help dialog.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { useSite } from './support/site.mjs';

const site = useSite();

/** axe-core's browser bundle, put into the page by the test driver (the site's CSP does not apply to it). */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail the test. */
const FAILING = new Set(['serious', 'critical']);

/** The pages to check: how to reach each one in a state worth checking. */
const PAGES = {
  'log explainer with the example, a phase selected': async (lang) => {
    const lens = await site.open(`${lang}/?example=seed`);
    await lens.byTestId('phase-band').first().waitFor();
    await lens.byTestId('timeline-phase').nth(2).click();
    await lens.byTestId('explanation-title').waitFor();
    await lens.byTestId('phase-doc').locator('h2, p').first().waitFor();
    return lens;
  },
  'config explainer with the example': async (lang) => {
    const lens = await site.open(`${lang}/config`);
    await lens.byTestId('load-example').click();
    await lens.page.locator('[data-testid=graph-job][data-job=container]').waitFor();
    await lens.byTestId('diagnostic').first().click();
    return lens;
  },
  'documentation page': async (lang) => {
    const lens = await site.open(`${lang}/docs/phases/checkout-code`);
    await lens.byTestId('docs-body').waitFor();
    return lens;
  },
  'guided tour, a phase step': async (lang) => {
    const lens = await site.open(`${lang}/tour/4`);
    await lens.byTestId('tour-text').waitFor();
    return lens;
  },
  'page not found': async (lang) => {
    const lens = await site.open(`${lang}/no-such-page`);
    await lens.byTestId('not-found').waitFor();
    return lens;
  },
};

/** Runs axe on the page as it is now; returns the serious and critical violations. */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((violation) => FAILING.has(violation.impact));
}

/** The violations written for a person: rule, impact, what it means, and each offending element. */
function describe(violations) {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 3)
        .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary.replaceAll('\n', '\n      ')}`)
        .join('\n');
      const more = violation.nodes.length > 3 ? `\n    … and ${violation.nodes.length - 3} more` : '';
      return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Checks the page in the light theme, then in the dark one; reports the violations of both. */
async function assertNoSeriousViolation(page) {
  const reports = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const violations = await seriousViolations(page);
    if (violations.length > 0) reports.push(`${colorScheme} theme:\n${describe(violations)}`);
  }
  assert.deepEqual(reports, [], reports.join('\n\n'));
}

for (const [name, open] of Object.entries(PAGES)) {
  for (const lang of ['en', 'fr']) {
    test(`${name}, ${lang}: no serious accessibility violation in the light and dark themes`, async () => {
      const lens = await open(lang);
      await assertNoSeriousViolation(lens.page);
      await lens.close();
    });
  }
}

test('the keyboard help dialog: no serious accessibility violation in either theme', async () => {
  const lens = await site.open('fr/?example=seed');
  await lens.byTestId('phase-band').first().waitFor();
  await lens.byTestId('keyboard-help-button').click();
  await lens.byTestId('keyboard-help').waitFor();
  await assertNoSeriousViolation(lens.page);
  await lens.close();
});
