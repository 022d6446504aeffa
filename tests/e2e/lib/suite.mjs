// The set-up the browser tests share: a site built, served on 127.0.0.1 and a Chromium
// to open it, made before the tests of the calling file and undone after them.
import { after, before } from 'node:test';

import { launch } from './browser.mjs';
import { buildDefault, cleanup, repo } from './build.mjs';
import { pageTypes } from './pages.mjs';
import { serve } from './server.mjs';

/// Registers the hooks and returns an object whose `site` (the folder), `server` and
/// `browser` are filled in before the first test. `build` makes the site.
export function servedInChromium(build) {
  const s = {};
  before(async () => {
    s.site = build();
    s.server = await serve(s.site);
    s.browser = await launch();
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.close();
    cleanup(s.site);
  });
  return s;
}

/// [`servedInChromium`] for the default briefing, with `types`, its page types.
export function defaultSiteInChromium() {
  const suite = servedInChromium(buildDefault);
  before(() => {
    suite.types = pageTypes(suite.site, repo);
  });
  return suite;
}

/// A test that runs `fn(pageType, subtest)` as a subtest for each page type of `suite`
/// that exists, and notes the others as pending.
export function eachPageType(suite, fn) {
  return async (t) => {
    for (const pt of suite.types) {
      if (!pt.url) {
        t.diagnostic(`pending: ${pt.type}: ${pt.pending}`);
        continue;
      }
      await t.test(`${pt.type} ${pt.url}`, (tt) => fn(pt, tt));
    }
  };
}
