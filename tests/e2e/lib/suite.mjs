// The set-up the browser tests share: a site built, served on 127.0.0.1 and a Chromium
// to open it, made before the tests of the calling file and undone after them.
import { after, before } from 'node:test';

import { launch } from './browser.mjs';
import { cleanup } from './build.mjs';
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
