// A reader downloads the screenshot of a phase from its documentation page.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { BUILDS, useSite } from './support/site.mjs';

const site = useSite(BUILDS.pages);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

for (const lang of ['en', 'fr']) {
  test(`the screenshot of a phase downloads as a PNG file (${lang})`, async () => {
    const lens = await site.open(`${lang}/docs/phases/checkout-code`);
    const link = lens.byTestId('download-screenshot').first();
    await link.waitFor();
    await lens.page.locator('.screenshot img').first().evaluate((img) => img.decode());
    const [download] = await Promise.all([lens.page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), `pipeline-lens-${lang}-checkout-code.png`);
    const bytes = await fs.readFile(await download.path());
    assert.ok(bytes.length > 1000, 'a real image');
    assert.deepEqual(bytes.subarray(0, 8), PNG_SIGNATURE);
    assert.equal(lens.relativePath(), `${lang}/docs/phases/checkout-code`, 'the page stays where it was');
    await lens.close();
  });
}
