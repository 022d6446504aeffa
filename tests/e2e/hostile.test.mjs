// The hostile corpus (tests/fixtures/hostile over tests/fixtures/minimal) in a real
// browser: every page of the build is opened, hovered and focused, and the search box
// is fed the payloads. Nothing may run: no dialog (alert/confirm/prompt), no request
// to a /pwned-N address, no request off the test server, no navigation away.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { context, watch } from './lib/browser.mjs';
import { buildFixture } from './lib/build.mjs';
import { htmlPages } from './lib/pages.mjs';
import { servedInChromium } from './lib/suite.mjs';

const suite = servedInChromium(() => buildFixture('hostile'));

/// Payloads that would run only on an event: fire the common ones on every element.
async function provoke(page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('body *')) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart', 'load', 'error']) {
        el.dispatchEvent(new Event(type));
      }
    }
  });
}

async function visit(ctx, url) {
  const page = await ctx.newPage();
  const problems = watch(page);
  const navigations = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
  await page.goto(suite.server.url + url, { waitUntil: 'load' });
  await provoke(page);
  // Long enough for a refresh, a timer or a lazy image to go off.
  await page.waitForTimeout(300);
  return { page, problems, navigations };
}

function verdict({ problems, navigations }, ctx, url) {
  const pwned = suite.server.requests.filter((r) => /pwned/.test(r.url)).map((r) => r.url);
  assert.deepEqual(pwned, [], `requests made by injected content after ${url}`);
  assert.deepEqual(ctx.outside, [], `requests off the test server from ${url}`);
  assert.deepEqual(problems.filter((p) => p.startsWith('dialog')), [], `dialogs on ${url}`);
  // The page may record its state in the query (search does); it may not leave.
  const left = navigations.map((n) => new URL(n)).filter((n) => n.origin !== suite.server.url || n.pathname !== url);
  assert.deepEqual(left.map(String), [], `${url} navigated away`);
}

test('no page of the hostile build runs injected script', async (t) => {
  const pages = htmlPages(suite.site);
  assert.ok(pages.length > 10, `the hostile build has its pages: ${pages}`);
  for (const url of pages) {
    await t.test(url, async () => {
      const ctx = await context(suite.browser, suite.server);
      const visited = await visit(ctx, url);
      verdict(visited, ctx, url);
      await ctx.close();
    });
  }
});

test('search over hostile names and titles runs nothing', async (t) => {
  if (!htmlPages(suite.site).includes('/search/')) {
    t.skip('pending: search/ is not built yet');
    return;
  }
  const ctx = await context(suite.browser, suite.server);
  const visited = await visit(ctx, '/search/');
  const box = visited.page.getByRole('searchbox');
  for (const q of ['Mallory', 'script alert', 'img onerror', 'svg onload', 'Hostile', 'Evil Wire', 'Pier', 'site title']) {
    await box.fill('');
    await box.pressSequentially(q);
    await visited.page.waitForTimeout(400);
    await provoke(visited.page);
  }
  // The search found the hostile documents and shows their titles as text.
  await box.fill('Hostile');
  await visited.page.locator('main a[href*="hostile"]').first().waitFor({ timeout: 10_000 });
  // A paragraph of the hostile article is read from its page (parsed, never run) and
  // shown as text, with the word that matched marked.
  await box.fill('');
  await box.pressSequentially('bold');
  const passage = visited.page.locator('li:has(a[href$="articles/hostile/#p4"]) .passage:has(mark)');
  await passage.first().waitFor({ timeout: 10_000 });
  assert.match(await passage.first().textContent(), /Mayor Ana Ortiz said bold/);
  assert.equal(await passage.first().locator('mark').first().textContent(), 'bold');
  assert.equal(await passage.first().locator('b, script, img, svg').count(), 0);
  await provoke(visited.page);
  verdict(visited, ctx, '/search/');
  await ctx.close();
});
