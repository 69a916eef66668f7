// A reader downloads the screenshot of a phase, or a diagram, from a documentation page.
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

for (const lang of ['en', 'fr']) {
  test(`a diagram downloads as an SVG file of its language (${lang})`, async () => {
    const lens = await site.open(`${lang}/docs/guides/config-walkthrough`);
    const link = lens.byTestId('download-diagram').first();
    await link.waitFor();
    await link.scrollIntoViewIfNeeded();
    await lens.page.locator('.diagram img').first().evaluate((img) => img.decode());
    const [download] = await Promise.all([lens.page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), `pipeline-lens-${lang}-sample-workflow.svg`);
    const text = await fs.readFile(await download.path(), 'utf8');
    assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'an SVG image');
    assert.match(text, new RegExp(`lang="${lang}"`), 'drawn in the language of the page');
    assert.match(text, /<title id="title">[^<]*test_build_and_push[^<]*<\/title>/, 'with its text alternative');
    assert.equal(lens.relativePath(), `${lang}/docs/guides/config-walkthrough`, 'the page stays where it was');
    await lens.close();
  });
}
