// What a reader needs, at desktop and phone widths (issue: the reader's briefing): a
// search box in every page's header; search that forgives a typo and says so, filters
// by kind and shows more than the first 20; article paragraphs with a visible ¶ link;
// quote speakers in view without hover; a timeline strip with visible labels, readable
// on a phone, and per-person timelines that work without JavaScript.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { context, watch, MOBILE } from './lib/browser.mjs';
import { defaultSiteInChromium } from './lib/suite.mjs';

const suite = defaultSiteInChromium();
const WIDTHS = [['desktop', {}], ['phone', MOBILE]];

async function open(ctx, url) {
  const page = await ctx.newPage();
  const problems = watch(page);
  const response = await page.goto(suite.server.url + url, { waitUntil: 'load' });
  return { page, problems, response };
}

/// Runs `fn(page, problems, name)` once per width, each in a fresh context.
function atBothWidths(url, fn, options = {}) {
  return async () => {
    for (const [name, width] of WIDTHS) {
      const ctx = await context(suite.browser, suite.server, { ...width, ...options });
      const { page, problems } = await open(ctx, url);
      await fn(page, problems, name);
      assert.deepEqual(problems, [], `${name}: problems on ${url}`);
      await ctx.close();
    }
  };
}

describe('search', () => {
  for (const url of ['/', '/people/', '/timeline/', '/articles/']) {
    test(`${url}: the header's search box leads to results, a typo forgiven`, atBothWidths(url, async (page, _, name) => {
      const box = page.locator('header form[role="search"] input[type="search"]');
      assert.equal(await box.count(), 1, `${name}: one search box in the header`);
      assert.ok(await box.isVisible(), `${name}: the header's search box is visible`);
      const r = await box.boundingBox();
      assert.ok(r.x >= 0 && r.x + r.width <= page.viewportSize().width, `${name}: the box fits the screen`);
      await box.fill('cabelo');
      await Promise.all([page.waitForURL(/\/search\/\?q=cabelo$/), box.press('Enter')]);
      const first = page.locator('#search-results li').first();
      await first.waitFor({ state: 'visible', timeout: 10_000 });
      assert.match(await first.locator('a').first().getAttribute('href'), /people\/diosdado-cabello\/$/);
      // The right person leads, marked, and the page says what it searched instead.
      assert.match(await first.getAttribute('class'), /best-match/);
      assert.match(await page.locator('#search-suggest').innerText(), /Did you mean cabello\?/);
      assert.match(await page.locator('#search-status').innerText(), /for “cabello”/);
      assert.ok(await first.locator('mark, .kind').first().isVisible());
    }));
  }

  test('the search page has one search box, not the header\'s too', atBothWidths('/search/', async (page) => {
    assert.equal(await page.getByRole('searchbox').count(), 1);
  }));

  test('results filter by kind, and the filter is kept in the address', atBothWidths('/search/?q=rodriguez', async (page, _, name) => {
    await page.locator('#search-results li').first().waitFor({ timeout: 10_000 });
    for (const [label, kinds] of [['Quotes', ['quote']], ['People', ['person']], ['Events', ['event']], ['Articles', ['article']], ['Comparisons', ['comparison', 'story']]]) {
      const radio = page.getByRole('radio', { name: new RegExp(`^${label}`) });
      await radio.check();
      await page.waitForURL(new RegExp(`kind=${kinds[0]}`));
      await page.waitForFunction((k) => {
        const items = [...document.querySelectorAll('#search-results li')];
        return items.length > 0 && items.every((li) => k.some((x) => li.classList.contains(`kind-${x}`)));
      }, kinds, { timeout: 10_000 });
      // The filter's label counts what it would show.
      assert.match(await radio.evaluate((r) => r.parentElement.textContent), /\(\d+\)/, `${name}: ${label} has a count`);
    }
    // A quote leads to its paragraph.
    await page.getByRole('radio', { name: /^Quotes/ }).check();
    await page.waitForURL(/kind=quote/);
    await page.waitForFunction(() => document.querySelector('#search-results li.kind-quote'));
    assert.match(await page.locator('#search-results li a').first().getAttribute('href'), /articles\/[^/]+\/#p\d+$/);
  }));

  test('more results past the first 20, focus on the first new one', atBothWidths('/search/?q=the', async (page, _, name) => {
    const items = page.locator('#search-results li');
    await items.first().waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 20);
    const more = page.getByRole('button', { name: /More results/ });
    assert.ok(await more.isVisible(), `${name}: a "more results" button`);
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 20);
    const focused = await page.evaluate(() => {
      const items = [...document.querySelectorAll('#search-results li')];
      return items.indexOf(document.activeElement.closest('li'));
    });
    assert.equal(focused, 20, `${name}: focus moves to result 21`);
  }));

  test('with JavaScript off the header box still leads to the search page', atBothWidths('/people/', async (page) => {
    const box = page.locator('header form[role="search"] input[type="search"]');
    await box.fill('cabello');
    await Promise.all([page.waitForURL(/\/search\/\?q=cabello$/), box.press('Enter')]);
    assert.ok(await page.getByText(/needs JavaScript/).first().isVisible());
    assert.equal(await page.locator('#search-kinds').isVisible(), false, 'no filters that cannot work');
  }, { javaScriptEnabled: false }));
});

describe('article pages', () => {
  const url = '/articles/assembly-president-confirms-prisoner-release/';

  test('every paragraph has a visible ¶ link to itself', atBothWidths(url, async (page, _, name) => {
    const paragraphs = page.locator('.article-body [id^="p"]');
    const n = await paragraphs.count();
    assert.ok(n > 1);
    for (let i = 0; i < n; i++) {
      const p = paragraphs.nth(i);
      const id = await p.getAttribute('id');
      const link = p.locator(`a[href="#${id}"]:last-child`);
      assert.ok(await link.isVisible(), `${name}: ¶ link of #${id} visible`);
    }
    const last = paragraphs.nth(n - 1);
    await last.locator('a[href^="#p"]:last-child').click();
    assert.match(page.url(), new RegExp(`#${await last.getAttribute('id')}$`));
  }));

  test('a quote\'s speaker is visible without hover, reachable by keyboard and touch', atBothWidths(url, async (page, _, name) => {
    const speaker = page.locator('.article-body a.speaker').first();
    assert.ok(await speaker.isVisible(), `${name}: the speaker is shown`);
    assert.match(await speaker.innerText(), /\w+ \w+/);
    // Keyboard: it is a link in the tab order, with a visible focus outline.
    await speaker.focus();
    const outline = await speaker.evaluate((a) => document.activeElement === a && getComputedStyle(a).outlineStyle !== 'none');
    assert.ok(outline, `${name}: the speaker link takes focus and shows it`);
    // Touch (or a click): it leads to the person.
    if (name === 'phone') await speaker.tap(); else await speaker.click();
    await page.waitForURL(/\/people\/[^/]+\/$/);
  }));
});

describe('timeline', () => {
  test('the strip labels its marks, readable at both widths', atBothWidths('/timeline/', async (page, _, name) => {
    const strip = page.locator('.strip-scroll svg.strip');
    assert.equal(await strip.count(), 1);
    const labels = strip.locator('text.strip-label');
    const n = await labels.count();
    assert.ok(n >= 20, `${name}: ${n} labels`);
    // Drawn at 11 CSS pixels or more, not scaled down to fit a phone.
    const heights = await labels.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().height));
    assert.ok(heights.every((h) => h >= 10), `${name}: label heights ${Math.min(...heights)}`);
    // A label is a link to its event, like its mark.
    const first = labels.first();
    assert.match(await first.evaluate((t) => t.closest('a').getAttribute('href')), /#[\w-]+$/);
    // Wider than a phone, the strip scrolls in its own box, reachable by keyboard.
    const box = page.locator('.strip-scroll');
    assert.equal(await box.getAttribute('tabindex'), '0');
    const [scroll, client] = await box.evaluate((b) => [b.scrollWidth, b.clientWidth]);
    if (name === 'phone') assert.ok(scroll > client, 'the strip scrolls sideways on a phone');
    else assert.ok(scroll <= client + 1, 'the strip fits the desktop');
  }));

  test('an event after the raid is listed after it', atBothWidths('/timeline/', async (page) => {
    const ids = await page.locator('.event-index li').evaluateAll((lis) => lis.map((li) => li.id));
    const raid = ids.indexOf('us-raid-captures-maduro');
    const mourning = ids.indexOf('cuba-declares-national-mourning');
    assert.ok(raid >= 0 && mourning > raid, `mourning (${mourning}) after the raid (${raid})`);
  }));

  test('narrowed to one person with JavaScript off', atBothWidths('/timeline/', async (page, _, name) => {
    const section = page.locator('section[aria-labelledby="by-person"]');
    const link = section.getByRole('link', { name: 'Delcy Rodríguez' });
    assert.ok(await link.isVisible(), `${name}: a link to Delcy Rodríguez's timeline`);
    await Promise.all([page.waitForURL(/\/people\/delcy-rodriguez\/events\/$/), link.click()]);
    const events = page.locator('main article.event');
    assert.ok((await events.count()) >= 2);
    // Every event listed names her, in timeline order, and the page leads back.
    const ids = await events.evaluateAll((es) => es.map((e) => e.id));
    assert.ok(ids.includes('cuban-advisers-leave-venezuela'), JSON.stringify(ids));
    assert.ok(await page.getByRole('link', { name: 'The whole timeline' }).isVisible());
  }, { javaScriptEnabled: false }));
});

describe('the report on paper', () => {
  test('printed at A4, nothing scrolls and nothing is clipped; key judgments come first', async () => {
    // A4 less the print stylesheet's 16 mm margins is about 673 CSS pixels wide.
    const ctx = await context(suite.browser, suite.server, { viewport: { width: 673, height: 950 } });
    const { page, problems } = await open(ctx, '/report/');
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('main *')) {
        const style = getComputedStyle(el);
        if (style.display === 'none') continue;
        const scrolls = ['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY);
        if (scrolls) out.push(`${el.tagName.toLowerCase()}.${el.className}: overflow ${style.overflowX}/${style.overflowY}`);
        if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.overflowX !== 'visible') {
          out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
        }
      }
      if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        out.push(`the page: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
      }
      return out;
    });
    assert.deepEqual(overflowing, [], 'on paper nothing scrolls sideways or draws a scrollbar');
    const chapters = await page.locator('main .chapter h2').allTextContents();
    assert.match(chapters[0] ?? '', /^Key judgments/);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});

describe('honest sources', () => {
  test('an assumed publication date says so; a stated one does not', atBothWidths('/articles/top-venezuelan-official-wanted/', async (page, _, name) => {
    assert.ok(await page.getByText('21 February 2026 (assumed)').first().isVisible(), `${name}: the assumed date`);
    await page.goto(suite.server.url + '/articles/reuters-cuban-advisers-turkiye-today/');
    assert.equal(await page.getByText('(assumed)').count(), 0, `${name}: a stated date is not marked`);
  }));

  test('a person\'s mentions say a rewrite\'s sentence once, beside the one it rewrites', atBothWidths('/people/delcy-rodriguez/', async (page, _, name) => {
    const also = page.locator('section[aria-labelledby="mentions"] .also');
    assert.ok((await also.count()) >= 1, `${name}: a sentence names the other article that carries it`);
    const href = await also.first().locator('a').first().getAttribute('href');
    assert.match(href ?? '', /articles\/[^/]+\/#p\d+$/);
    assert.ok(await also.first().isVisible(), `${name}: in view`);
  }));
});
