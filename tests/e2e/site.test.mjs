// The default briefing in a real browser: every page type loads without console errors
// or failed requests, the featured people show their mentions, the timeline shows the
// disputed raid date, search finds people, pages work with JavaScript off, and
// desktop and mobile screenshots of each page type go to the artifacts folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { context, watch, MOBILE } from './lib/browser.mjs';
import { artifacts } from './lib/build.mjs';
import { FEATURED } from './lib/pages.mjs';
import { defaultSiteInChromium, eachPageType } from './lib/suite.mjs';

const suite = defaultSiteInChromium();

/// Opens `url` in a fresh page and returns it with its recorded problems.
async function open(ctx, url, options) {
  const page = await ctx.newPage();
  const problems = watch(page, options);
  const response = await page.goto(suite.server.url + url, { waitUntil: 'load' });
  return { page, problems, response };
}

const each = (fn) => eachPageType(suite, fn);

describe('every page type', () => {
  test('loads with no console error and no failed request', each(async ({ url }) => {
    const ctx = await context(suite.browser, suite.server);
    const { page, problems, response } = await open(ctx, url);
    await page.waitForLoadState('networkidle');
    assert.equal(response.status(), 200);
    assert.deepEqual(problems, []);
    assert.deepEqual(ctx.outside, [], 'requests that left the test server');
    const h1 = (await page.locator('h1').allInnerTexts()).map((s) => s.trim());
    assert.equal(h1.length, 1, `exactly one h1, found ${JSON.stringify(h1)}`);
    assert.ok(h1[0].length > 0, 'the h1 has text');
    await ctx.close();
  }));

  test('desktop and mobile screenshots', each(async ({ type, url }) => {
    for (const [name, options] of [['desktop', {}], ['mobile', MOBILE]]) {
      const ctx = await context(suite.browser, suite.server, options);
      const { page, problems } = await open(ctx, url);
      await page.waitForLoadState('networkidle');
      const dir = path.join(artifacts, 'screenshots', name);
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `${type}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      // Nothing makes a phone scroll sideways: wide tables and charts scroll in their box.
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.right <= width + 1) return false;
            // Inside a scrolling box is fine.
            for (let p = el.parentElement; p; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
            }
            return true;
          })
          .slice(0, 5)
          .map((el) => `<${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}"> right edge ${Math.round(el.getBoundingClientRect().right)}px`);
      });
      assert.deepEqual(overflow, [], `${name}: elements wider than the ${options.viewport?.width ?? 1280}px viewport`);
      await ctx.close();
    }
  }));

  test('works with JavaScript off: the content is in the HTML', each(async ({ type, url }) => {
    const ctx = await context(suite.browser, suite.server, { javaScriptEnabled: false });
    const { page, problems } = await open(ctx, url);
    assert.deepEqual(problems, []);
    const main = page.locator('main');
    assert.equal(await main.count(), 1);
    const text = (await main.innerText()).trim();
    assert.ok(text.length > 40, `main has content with JavaScript off: ${JSON.stringify(text.slice(0, 80))}`);
    if (type === 'search') {
      // The page says search needs JavaScript and links to the indexes instead.
      const notice = page.locator('main').getByText(/needs JavaScript/i);
      assert.ok(await notice.first().isVisible(), 'a visible notice that search needs JavaScript');
      for (const index of ['people/', 'articles/']) {
        assert.ok(
          (await page.locator(`main a[href$="${index}"]`).count()) > 0,
          `the search page links to ${index} with JavaScript off`,
        );
      }
    }
    await ctx.close();
  }));
});

describe('the default briefing', () => {
  test('the overview features exactly the featured people', async () => {
    const ctx = await context(suite.browser, suite.server);
    const { page } = await open(ctx, '/');
    const hrefs = await page.locator('section[aria-labelledby="featured"] h3 a').evaluateAll(
      (as) => [...new Set(as.map((a) => new URL(a.href).pathname))],
    );
    assert.deepEqual(hrefs, FEATURED.map((id) => `/people/${id}/`));
    await ctx.close();
  });

  for (const id of FEATURED) {
    test(`${id}: the person page shows highlighted mentions`, async () => {
      const ctx = await context(suite.browser, suite.server);
      const { page, problems } = await open(ctx, `/people/${id}/`);
      const section = page.locator('section[aria-labelledby="mentions"]');
      assert.equal(await section.count(), 1, 'a mentions section');
      const marks = section.locator('mark');
      const n = await marks.count();
      assert.ok(n >= 1, `at least one highlighted mention on /people/${id}/, found ${n}`);
      // Each highlighted mention sits in a sentence that links to its paragraph.
      const link = await section.locator('li:has(mark) a[href*="#p"]').first().getAttribute('href');
      assert.match(link ?? '', /articles\/[^/]+\/#p\d+$/);
      assert.deepEqual(problems, []);
      await ctx.close();
    });
  }

  test('the timeline marks the disputed raid date (Feb. 3), and its month shows each claim', async () => {
    const ctx = await context(suite.browser, suite.server);
    const index = (await open(ctx, '/timeline/')).page;
    // The index lists every event; a disputed one carries the badge and leads to its
    // month's page, where each source's claim is shown.
    const listed = index.locator('.event-index li.disputed');
    assert.ok((await listed.count()) >= 1, 'the index marks a disputed event');
    assert.equal(await listed.first().locator('.badge.disputed').count(), 1);
    const hrefs = await listed.locator('a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    await Promise.all([index.waitForURL(/\/timeline\/\d{4}\/(\d\d\/)?#/), listed.first().locator('a').first().click()]);
    const texts = [];
    for (const month of [...new Set(hrefs)]) {
      const { page } = await open(ctx, month);
      texts.push(...await page.locator('.event.disputed').evaluateAll((els) =>
        els.map((e) => ({
          badge: !!e.querySelector('.badge.disputed'),
          claims: [...e.querySelectorAll('.conflict li')].map((li) => li.textContent),
        })),
      ));
    }
    const raid = texts.find((e) => e.claims.some((c) => c.includes('Feb. 3')));
    assert.ok(raid, `a disputed event whose claims include "Feb. 3": ${JSON.stringify(texts)}`);
    assert.ok(raid.badge, 'the event carries a visible "disputed" badge');
    assert.ok(raid.claims.length >= 2, 'the claims of at least two sources are shown');
    await ctx.close();
  });

  for (const [query, person] of [['Rodriguez', 'delcy-rodriguez'], ['El Aissami', 'tarek-el-aissami']]) {
    test(`search finds "${query}" and links to /people/${person}/`, async (t) => {
      if (!fs.existsSync(path.join(suite.site, 'search/index.html'))) {
        t.skip('pending: search/ is not built yet');
        return;
      }
      const ctx = await context(suite.browser, suite.server);
      const { page, problems } = await open(ctx, '/search/');
      const box = page.getByRole('searchbox');
      assert.equal(await box.count(), 1, 'one search box');
      await box.click();
      await box.pressSequentially(query, { delay: 20 });
      const result = page.locator(`main a[href$="people/${person}/"]`).first();
      await result.waitFor({ state: 'visible', timeout: 10_000 });
      await Promise.all([page.waitForURL(`**/people/${person}/`), result.click()]);
      assert.match(await page.locator('h1').innerText(), /\w/);
      assert.deepEqual(problems, []);
      await ctx.close();
    });
  }

  test('an address that does not exist gets the 404 page', async () => {
    const ctx = await context(suite.browser, suite.server);
    const missing = '/no/such/page/';
    const { page, problems, response } = await open(ctx, missing, { expect404: [missing] });
    assert.equal(response.status(), 404);
    assert.match(await page.locator('h1').innerText(), /not found/i);
    // The 404 page is served at any depth: its style sheet must still load.
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);
    assert.equal(styled, 'absolute', 'the 404 page is styled at any depth');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
