// Accessibility of every page type of the default briefing: axe-core with the WCAG 2.2
// A and AA rules (zero serious or critical violations; the rest are reported), the
// landmarks, the skip link reached first by the keyboard and moving focus to the main
// content, and a visible focus indicator on everything the keyboard reaches.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axe, blocking as blockingOf, describeViolations } from './lib/axe.mjs';
import { context, watch } from './lib/browser.mjs';
import { defaultSiteInChromium, eachPageType } from './lib/suite.mjs';

const suite = defaultSiteInChromium();

const each = (fn) => eachPageType(suite, fn);

async function page(options = {}) {
  const ctx = await context(suite.browser, suite.server, options);
  const p = await ctx.newPage();
  p.problems = watch(p);
  p.ctx = ctx;
  return p;
}

/// In the page: the elements of `selectors` whose text contrast is below WCAG AA
/// (4.5:1, or 3:1 for large text), as "selector: ratio (colours)".
function contrastOf(selectors) {
  const rgb = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const out = [];
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    if (!el) continue;
    const s = getComputedStyle(el);
    const inSvg = el instanceof SVGElement;
    const fg = rgb(inSvg ? s.fill : s.color);
    if (!fg) continue;
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.99) { bg = c; break; }
    }
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const px = parseFloat(s.fontSize);
    const large = px >= 24 || (px >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) out.push(`${sel}: ${ratio.toFixed(2)} (${inSvg ? s.fill : s.color} on rgb(${bg.r}, ${bg.g}, ${bg.b}))`);
  }
  return out;
}

describe('accessibility', () => {
  test('axe-core, WCAG 2.2 AA: no serious or critical violation', each(async ({ url }, t) => {
    const p = await page();
    await p.goto(suite.server.url + url, { waitUntil: 'load' });
    const result = await axe(p);
    const blocking = blockingOf(result.violations);
    const other = result.violations.filter((v) => !blocking.includes(v));
    for (const line of describeViolations(other)) t.diagnostic(`not failing: ${line}`);
    assert.deepEqual(describeViolations(blocking), [], `axe violations on ${url}`);
    // axe cannot measure the contrast of SVG text (the charts) and of text it finds
    // overlapped; measure those here, against the nearest opaque background.
    const unsure = result.incomplete.find((v) => v.id === 'color-contrast');
    const targets = unsure ? unsure.nodes.map((n) => n.target[0]).filter((s) => typeof s === 'string') : [];
    const low = await p.evaluate(contrastOf, targets);
    assert.deepEqual(low, [], `text below the WCAG AA contrast ratio on ${url}`);
    // A duplicate id that ARIA refers to is certain, not a matter of review: the
    // second element gets the first one's name.
    const duplicates = result.incomplete.filter((v) => v.id.startsWith('duplicate-id'));
    assert.deepEqual(describeViolations(duplicates), [], `duplicate ids referred to by ARIA on ${url}`);
    for (const v of result.incomplete.filter((v) => v.id !== 'color-contrast' && !duplicates.includes(v))) {
      for (const line of describeViolations([v])) t.diagnostic(`needs review: ${line}`);
    }
    await p.ctx.close();
  }));

  test('landmarks: one banner, one main, a named navigation, one contentinfo', each(async ({ url }) => {
    const p = await page();
    await p.goto(suite.server.url + url);
    const count = (role, options) => p.getByRole(role, options).count();
    assert.equal(await count('banner'), 1, 'one banner (the site header)');
    assert.equal(await count('main'), 1, 'one main');
    assert.equal(await count('contentinfo'), 1, 'one contentinfo (the site footer)');
    assert.ok((await count('navigation', { name: /\w/ })) >= 1, 'a navigation with a name');
    const unnamed = await p.locator('nav:not([aria-label]):not([aria-labelledby])').count();
    assert.equal(unnamed, 0, 'every navigation has a name, so they can be told apart');
    // Nothing visible outside a landmark, except the skip link.
    const stray = await p.evaluate(() =>
      [...document.body.children]
        .filter((el) => !el.matches('header, main, footer, nav, aside, .skip-link, script'))
        .filter((el) => el.getBoundingClientRect().height > 0)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(stray, [], 'content outside the landmarks');
    assert.match(await p.locator('html').getAttribute('lang'), /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
    await p.ctx.close();
  }));

  test('keyboard: Tab reaches the skip link first, and it moves focus to main', each(async ({ url }) => {
    const p = await page();
    await p.goto(suite.server.url + url);
    await p.keyboard.press('Tab');
    const first = await p.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return {
        tag: el.tagName,
        href: el.getAttribute('href'),
        text: el.textContent.trim(),
        focusVisible: el.matches(':focus-visible'),
        outline: `${s.outlineStyle} ${s.outlineWidth}`,
        inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.width > 0 && r.height > 0,
      };
    });
    assert.equal(first.tag, 'A', `the first Tab stop is a link: ${JSON.stringify(first)}`);
    assert.equal(first.href, '#main');
    assert.match(first.text, /skip/i);
    assert.ok(first.inView, 'the focused skip link is shown on screen');
    assert.ok(first.focusVisible, 'the skip link matches :focus-visible');
    assert.ok(!first.outline.startsWith('none') && parseFloat(first.outline.split(' ')[1]) >= 2, `a visible focus outline: ${first.outline}`);
    assert.equal(await p.locator('#main').evaluate((el) => el.tagName), 'MAIN', '#main is the main element');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => location.hash === '#main');
    // The next Tab stop is inside main: focus moved to the main content.
    await p.keyboard.press('Tab');
    const inside = await p.evaluate(() => {
      const el = document.activeElement;
      return { inMain: !!el.closest('main'), html: el.outerHTML.slice(0, 100) };
    });
    assert.ok(inside.inMain, `after the skip link, Tab lands in main, not on ${inside.html}`);
    assert.deepEqual(p.problems, []);
    await p.ctx.close();
  }));

  test('visible focus on everything the keyboard reaches', each(async ({ url }) => {
    const p = await page();
    await p.goto(suite.server.url + url);
    const missing = [];
    const seen = new Set();
    // The first 60 Tab stops are enough to meet every kind of focusable element.
    for (let i = 0; i < 60; i++) {
      await p.keyboard.press('Tab');
      const f = await p.evaluate((i) => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const shown = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
        const path = [];
        for (let e = el; e && e !== document.body; e = e.parentElement) {
          path.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : ''));
        }
        return { key: path.join('>') + ':' + (el.getAttribute('href') || el.id || i), shown, visible: el.matches(':focus-visible'), html: el.outerHTML.slice(0, 100) };
      }, i);
      if (!f || seen.has(f.key)) break;
      seen.add(f.key);
      if (!f.shown || !f.visible) missing.push(f.html);
    }
    assert.ok(seen.size > 1, 'the keyboard reaches more than the skip link');
    assert.deepEqual(missing, [], 'focused elements without a visible focus indicator');
    await p.ctx.close();
  }));
});
