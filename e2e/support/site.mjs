// The fixture every end-to-end test uses: the built site served like GitHub Pages, a browser, and a page
// object that finds elements by data-testid or role, the way a person would.
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser } from '../../scripts/lib/browser.mjs';
import { serveStatic } from '../../scripts/lib/static-server.mjs';

const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * The two release builds made by scripts/test.sh: at the root, and under the GitHub Pages sub-path.
 * `LENS_DIST` and `LENS_DIST_PAGES` point the tests at other build folders.
 */
export const BUILDS = {
  root: { dir: path.resolve(REPO, process.env.LENS_DIST ?? 'dist'), prefix: '/' },
  pages: { dir: path.resolve(REPO, process.env.LENS_DIST_PAGES ?? 'target/dist-pages'), prefix: '/pipelens/' },
};

/**
 * Registers before/after hooks that serve `build` and start a browser; returns an object whose `open`
 * gives a fresh page (its own context: storage, locale) on the served site.
 */
export function useSite(build = BUILDS.root) {
  const site = { url: '', server: null, browser: null };
  before(async () => {
    site.server = await serveStatic(build.dir, build.prefix);
    site.url = site.server.url;
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  /** Opens `relative` (no leading slash) in a new context with the given browser locale. */
  site.open = async (relative = '', { locale = 'en-US' } = {}) => {
    const context = await site.browser.newContext({ locale, acceptDownloads: true });
    const page = await context.newPage();
    const lens = new LensPage(page, site.url);
    await lens.goto(relative);
    return lens;
  };
  return site;
}

/** A page of Pipeline Lens as a person sees it. Fails the test on any uncaught error in the page. */
export class LensPage {
  constructor(page, siteUrl) {
    this.page = page;
    this.siteUrl = siteUrl;
    this.errors = [];
    page.on('pageerror', (error) => this.errors.push(String(error)));
    page.on('console', (message) => {
      // A 404 answer is reported as a console error too: those are checked below, by resource type,
      // because a deep link on GitHub Pages is itself answered by 404.html with status 404.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.errors.push(message.text());
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document') {
        this.errors.push(`${response.status()} for ${response.url()}`);
      }
    });
    page.on('requestfailed', (request) => {
      // A reload or a navigation aborts what the previous page was still loading: that is no error.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
        this.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      }
    });
  }

  /** Navigates to a path relative to the site root and waits for the app to have rendered. */
  async goto(relative) {
    await this.page.goto(this.siteUrl + relative);
    await this.ready();
  }

  /** Waits until the app has mounted its header. */
  async ready() {
    await this.page.getByTestId('site-nav').waitFor();
  }

  /** The path of the current URL relative to the site root (e.g. `fr/docs`). */
  relativePath() {
    const url = new URL(this.page.url());
    return url.pathname.slice(new URL(this.siteUrl).pathname.length) + url.search + url.hash;
  }

  /**
   * Puts `text` into the editor `testId` as a paste does: the whole value at once, then one input event.
   * (Playwright's fill is slow on megabytes of text.)
   */
  async paste(testId, text) {
    await this.byTestId(testId).evaluate((editor, value) => {
      editor.value = value;
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  /** Asserts that nothing went wrong in the page so far, then closes its context. */
  async close() {
    assert.deepEqual(this.errors, [], 'errors in the page');
    await this.page.context().close();
  }
}
