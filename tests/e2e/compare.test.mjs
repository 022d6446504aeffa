// Comparisons as a reader meets them, at 1280 and 390 pixels: a curated comparison's
// grid of sources by points with the outlier flagged and each cell linked to its
// paragraph, stacked on a phone; comparison, story and pair pages using the desktop's
// width and a person's infobox and contents in a side column; no page of the default
// briefing scrolling sideways at 1280 px; a story's two sides stacked on a phone, each
// cell saying whose it is, a pair's kept under their heads and scrolled sideways, and the sentences one side alone has counted and folded. The grid's
// outlier is checked on the `compare` fixture (a ferry strike) and the default
// briefing. Screenshots go to the artifacts folder as compare-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';

import { context, watch, DESKTOP, MOBILE } from './lib/browser.mjs';
import { artifacts, buildFixture } from './lib/build.mjs';
import { htmlPages } from './lib/pages.mjs';
import { defaultSiteInChromium, servedInChromium } from './lib/suite.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = defaultSiteInChromium();
const ferry = servedInChromium(() => buildFixture('compare'));

const WIDTHS = [['desktop', DESKTOP], ['mobile', MOBILE]];
const MADURO = '/compare/maduro-capture-date/';
const FERRY = '/compare/ferry-strike/';

/// Opens `url` of `suite` in a fresh context; `problems` records what went wrong.
async function open(suite, url, options = {}) {
  const ctx = await context(suite.browser, suite.server, options);
  const page = await ctx.newPage();
  const problems = watch(page);
  const response = await page.goto(suite.server.url + url, { waitUntil: 'load' });
  assert.equal(response.status(), 200, url);
  return { ctx, page, problems };
}

/// The first pair page of the default site, and its story's page.
function pairAndStory() {
  const pages = htmlPages(site.site);
  const pair = pages.filter((u) => /^\/compare\/pairs\/[^/]+\/[^/]+\/$/.test(u)).sort()[0];
  const story = pages.filter((u) => /^\/compare\/story-[^/]+\/$/.test(u)).sort()[0];
  assert.ok(pair && story, 'the default briefing has a pair page and a story page');
  return { pair, story };
}

/// What scrolls sideways on the page: the page itself, and each table wrapper.
function sideways(page) {
  return page.evaluate(() => {
    const out = [];
    const d = document.documentElement;
    if (d.scrollWidth > d.clientWidth) out.push(`the page: ${d.scrollWidth} > ${d.clientWidth}`);
    for (const w of document.querySelectorAll('.table-wrap')) {
      if (w.scrollWidth > w.clientWidth) out.push(`${w.getAttribute('aria-label')}: ${w.scrollWidth} > ${w.clientWidth}`);
    }
    return out;
  });
}

/// The grid's rows: topic, and each cell's stance class, box and label.
function gridRows(page) {
  return page.locator('table.grid tbody tr').evaluateAll((rows) => rows.map((tr) => ({
    topic: tr.querySelector('th a').textContent.trim(),
    cells: [...tr.querySelectorAll('td')].map((td) => {
      const r = td.getBoundingClientRect();
      return {
        stance: td.className,
        text: td.textContent.trim(),
        label: getComputedStyle(td, '::before').content,
        dataLabel: td.dataset.label,
        left: r.left, top: r.top, bottom: r.bottom, width: r.width,
      };
    }),
  })));
}

describe('the layout', () => {
  test('no page of the default briefing scrolls sideways at 1280 px, nor at 390 px', async () => {
    const pages = htmlPages(site.site);
    assert.ok(pages.length > 40, `${pages.length} pages`);
    for (const [name, options] of WIDTHS) {
      const ctx = await context(site.browser, site.server, options);
      const page = await ctx.newPage();
      const found = [];
      for (const url of pages) {
        await page.goto(site.server.url + url, { waitUntil: 'load' });
        // On a phone a wide chart or table may scroll inside its own box; the page may not.
        const wide = (await sideways(page)).filter((s) => name === 'desktop' || s.startsWith('the page'));
        found.push(...wide.map((s) => `${name} ${url}: ${s}`));
      }
      assert.deepEqual(found, []);
      await ctx.close();
    }
  });

  test('comparison, story and pair pages take the desktop width; other pages keep the measure', async () => {
    const { pair, story } = pairAndStory();
    const width = async (url) => {
      const { ctx, page } = await open(site, url);
      const w = await page.locator('main').evaluate((m) => m.getBoundingClientRect().width);
      const table = await page.locator('.table-wrap').first().evaluate((t) => t.getBoundingClientRect().width).catch(() => null);
      await ctx.close();
      return { w, table };
    };
    for (const url of [MADURO, story, pair]) {
      const { w, table } = await width(url);
      assert.ok(w > 1150, `${url}: main is ${w} px wide`);
      assert.ok(table > 1100, `${url}: its first table is ${table} px wide`);
    }
    const article = await width('/articles/interim-government-rearranges-security/');
    assert.ok(article.w <= 1024, `an article's main is ${article.w} px`);
  });

  test("a person's infobox and contents sit in a side column on a desktop, above the text on a phone", async () => {
    for (const [name, options] of WIDTHS) {
      const { ctx, page } = await open(site, '/people/delcy-rodriguez/', options);
      const box = (sel) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().toJSON());
      const [info, toc, profile] = [await box('.infobox'), await box('nav.toc'), await box('#profile')];
      if (name === 'desktop') {
        assert.ok(info.left > profile.right, `the infobox (${info.left}) is right of the profile (${profile.right})`);
        assert.ok(Math.abs(toc.left - info.left) < 2, 'the contents under the infobox');
        assert.ok(toc.top >= info.bottom, 'the contents below the infobox');
      } else {
        assert.ok(info.bottom <= profile.top && toc.bottom <= profile.top, 'infobox and contents before the text');
      }
      await ctx.close();
    }
  });
});

describe('a curated comparison', () => {
  test('leads with a grid of sources by points, columns headed by outlet and date, the outlier flagged', async () => {
    for (const [name, options] of WIDTHS) {
      const { ctx, page, problems } = await open(ferry, FERRY, options);
      const heads = (await page.locator('table.grid thead th[scope=col] a').allTextContents()).map((s) => s.trim());
      assert.deepEqual(heads, [
        'The Harbour Gazette, 2 April 2026',
        'Coast Radio, 2 April 2026',
        'The Island Post, 3 April 2026',
        'Outlet not stated, 2 April 2026',
      ]);
      const flagged = (await page.locator('table.grid thead th.outlier a').allTextContents()).map((s) => s.trim());
      assert.deepEqual(flagged, ['Coast Radio, 2 April 2026', 'The Island Post, 3 April 2026']);
      const rows = await gridRows(page);
      const began = rows.find((r) => r.topic === 'When the strike began');
      assert.deepEqual(began.cells.map((c) => c.stance), ['stance-majority', 'stance-majority', 'stance-outlier', 'stance-majority']);
      assert.match(began.cells[2].text, /^differs from the rest ¶1$/);
      // The grid comes before the claims, which stay below it.
      const [grid, claims] = [await page.locator('table.grid').boundingBox(), await page.locator('#point-1').boundingBox()];
      assert.ok(grid.y + grid.height <= claims.y);
      if (name === 'desktop') {
        // Side by side: one row, one line of cells.
        for (const r of rows) assert.ok(r.cells.every((c) => Math.abs(c.top - r.cells[0].top) < 2), r.topic);
      } else {
        // Stacked: each cell on a line of its own, as wide as the page, saying whose it is.
        for (const r of rows) {
          for (const [i, c] of r.cells.entries()) {
            assert.ok(c.width > 300, `${r.topic}: a cell ${c.width} px wide`);
            assert.equal(c.label, JSON.stringify(c.dataLabel), `${r.topic}: the cell names its source`);
            assert.equal(c.dataLabel, heads[i]);
            if (i > 0) assert.ok(c.top >= r.cells[i - 1].bottom - 1, `${r.topic}: cells stacked`);
          }
        }
      }
      assert.deepEqual(await sideways(page), []);
      assert.deepEqual(problems, []);
      await ctx.close();
    }
  });

  test("a cell's link leads to the paragraph its claim quotes", async () => {
    const { ctx, page } = await open(ferry, FERRY, MOBILE);
    const link = page.locator('table.grid td.stance-outlier > a').first();
    await link.click();
    await page.waitForURL(/\/articles\/ferry-post\/#p1$/);
    const target = await page.locator(':target').textContent();
    assert.match(target, /on strike since 28 March/);
    await ctx.close();
  });

  test('the default briefing flags the source that dates the raid to February', async () => {
    const { ctx, page } = await open(site, MADURO);
    const rows = await gridRows(page);
    assert.equal(rows[0].topic, 'Date of the raid');
    assert.deepEqual(rows[0].cells.map((c) => c.stance), ['stance-outlier', ...Array(4).fill('stance-majority')]);
    const flagged = await page.locator('table.grid thead th.outlier').allTextContents();
    assert.equal(flagged.length, 1);
    assert.match(flagged[0], /Interim government/);
    // No column is headed by a whole title.
    const titles = await page.locator('ul.sources li a').allTextContents();
    const heads = await page.locator('table.grid thead th[scope=col] a').allTextContents();
    for (const h of heads) assert.ok(!titles.includes(h.trim()), h);
    await ctx.close();
  });
});

describe('a pair and a story', () => {
  test("side by side on a desktop; on a phone a story's stacked, a pair's scrolled under its heads", async () => {
    const { pair, story } = pairAndStory();
    for (const url of [pair, story]) {
      for (const [name, options] of WIDTHS) {
        const { ctx, page, problems } = await open(site, url, options);
        const heads = (await page.locator('table.differences thead th').allTextContents()).map((s) => s.trim());
        // A stacked cell is labelled with its column's head, which the table names once;
        // a pair's columns, named for its page, stay under their heads and scroll.
        const rows = await page.locator('table.differences tbody tr, table.alignment tbody tr').evaluateAll((trs) => trs.map((tr) => {
          const table = tr.closest('table');
          const columns = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
          const first = table.classList.contains('differences') ? 1 : 0;
          return [...tr.querySelectorAll('td')].slice(0, 2).map((td, i) => {
            const r = td.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, label: getComputedStyle(td, '::before').content, head: columns[first + i] };
          });
        }));
        assert.ok(rows.length > 0, `${url} has sides to compare`);
        for (const [a, b] of rows) {
          if (name === 'desktop' || url === pair) {
            assert.ok(Math.abs(a.top - b.top) < 2, `${url}: side by side`);
          } else {
            assert.ok(b.top >= a.bottom - 1, `${url}: stacked`);
            assert.equal(a.label, JSON.stringify(a.head));
            assert.equal(b.label, JSON.stringify(b.head));
          }
        }
        if (url === pair) {
          // The pair's columns are its two sides as its title names them; the list
          // above the tables gives each its outlet and date.
          const sides = await page.locator('dl.pair-sides dt').allTextContents();
          assert.ok((await page.locator('h1').textContent()).includes(heads[1]) || sides.includes(heads[1]), heads[1]);
          assert.match(sides[0], /, \d+ \w+ \d{4}/);
          assert.equal(await page.locator('[data-label]').count(), 0, 'no cell repeats its side');
          if (name === 'mobile') {
            const wide = (await sideways(page)).filter((x) => !x.startsWith('the page'));
            assert.ok(wide.length > 0, `${url}: a table scrolls in its own box on a phone`);
          }
        }
        assert.deepEqual(await sideways(page).then((s) => s.filter((x) => name === 'desktop' || x.startsWith('the page'))), []);
        assert.deepEqual(problems, []);
        await ctx.close();
      }
    }
  });

  test('marks words only where most are shared, and folds what one side alone has into its paragraphs', async () => {
    const pages = htmlPages(site.site).filter((u) => /^\/compare\/pairs\/[^/]+\/[^/]+\/$/.test(u));
    let folded = 0;
    let unmarked = 0;
    for (const url of pages) {
      const { ctx, page } = await open(site, url);
      const rows = await page.locator('table.alignment tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        unmarked: tr.classList.contains('unmarked'),
        marks: tr.querySelectorAll('del, ins').length,
      })));
      for (const r of rows) if (r.unmarked) { unmarked += 1; assert.equal(r.marks, 0, url); }
      for (const d of await page.locator('details.unmatched').all()) {
        folded += 1;
        // What one side alone has, and the changed rows past the first ten, reworded.
        const summary = await d.locator('summary').textContent();
        const only = /only in/.test(summary) ? Number(summary.split(' ')[0]) : 0;
        const reworded = Number((summary.match(/(\d+) reworded/) || [0, 0])[1]);
        const count = only + reworded;
        assert.ok(count > 0, summary);
        assert.equal(await d.evaluate((e) => e.open), false, 'folded');
        assert.equal(await d.locator('p > a').first().isVisible(), false, 'folded away');
        await d.locator('summary').click();
        assert.equal(await d.locator('p > a').first().isVisible(), true, 'unfolds');
        // Linked by paragraph, each paragraph once, the sentences not written out again.
        const listed = await d.locator('p > a').count();
        assert.ok(listed > 0 && listed <= Math.min(count, 10), `${listed} of ${count}`);
        // Counted in the summary of the section too.
        const intro = await page.locator('#aligned + p').textContent();
        if (only) assert.match(intro, new RegExp(`\\b${only} (are |is )?only in`));
        if (reworded) assert.match(intro, new RegExp(`the other ${reworded} folded`));
      }
      await ctx.close();
    }
    assert.ok(folded > 0, 'some pair has sentences of its own');
    assert.ok(unmarked > 0, 'some aligned sentences share too few words to be marked');
  });
});

describe('without JavaScript, to assistive technology, and as pictures', () => {
  test('the grid, the claims and the folded sentences are there with JavaScript off', async () => {
    const { pair } = pairAndStory();
    for (const [suite, url, sel] of [[ferry, FERRY, 'table.grid td > a'], [site, MADURO, '.point blockquote.source'], [site, pair, 'details.unmatched summary']]) {
      const { ctx, page } = await open(suite, url, { javaScriptEnabled: false });
      assert.ok(await page.locator(sel).count() > 0, `${url}: ${sel}`);
      await ctx.close();
    }
  });

  test('axe-core finds no serious or critical violation in either layout', async () => {
    const { pair, story } = pairAndStory();
    for (const [suite, url] of [[ferry, FERRY], [site, MADURO], [site, pair], [site, story], [site, '/people/delcy-rodriguez/']]) {
      for (const [name, options] of WIDTHS) {
        const { ctx, page } = await open(suite, url, options);
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
        const blocking = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
        assert.deepEqual(blocking, [], `${name} ${url}`);
        await ctx.close();
      }
    }
  });

  test('screenshots of the comparison, story and pair pages at both widths', async () => {
    const { pair, story } = pairAndStory();
    for (const [suite, url, type] of [[ferry, FERRY, 'comparison-fixture'], [site, MADURO, 'comparison'], [site, story, 'story'], [site, pair, 'pair']]) {
      for (const [name, options] of WIDTHS) {
        const { ctx, page } = await open(suite, url, options);
        const dir = path.join(artifacts, 'screenshots', name);
        fs.mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, `compare-${type}.png`), fullPage: true });
        await ctx.close();
      }
    }
  });
});
