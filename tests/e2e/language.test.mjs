// A Spanish briefing (tests/fixtures/language-es) in a real browser: the search
// script writes its messages in the site's language, from the words the page carries,
// and every page passes axe-core as the default briefing's do (Spanish words are
// longer, and their own labels and names must still be there).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { axe, blocking, describeViolations } from './lib/axe.mjs';
import { context, watch } from './lib/browser.mjs';
import { buildStandalone, files, urlOf } from './lib/build.mjs';
import { servedInChromium } from './lib/suite.mjs';

const suite = servedInChromium(() => buildStandalone('language-es'));

/// The search page, asked `q` by its address, once its status says something.
async function searched(ctx, q) {
  const page = await ctx.newPage();
  const problems = watch(page);
  await page.goto(`${suite.server.url}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
  const status = page.locator('#search-status');
  await status.filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
  return { page, problems, status: (await status.innerText()).trim() };
}

test('search counts and labels its results in Spanish', async () => {
  const ctx = await context(suite.browser, suite.server);
  const { page, problems, status } = await searched(ctx, 'muelle');
  assert.match(status, /^\d+ resultados? para «muelle»/);
  const kinds = await page.locator('#search-results .kind').allInnerTexts();
  assert.ok(kinds.length > 0, 'results are listed');
  const spanish = ['Persona', 'Artículo', 'Hecho', 'Comparación', 'Misma noticia', 'Cita'];
  for (const k of kinds) assert.ok(spanish.some((s) => k.startsWith(s)), `a result's kind in Spanish: ${k}`);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('search says in Spanish that nothing matched', async () => {
  const ctx = await context(suite.browser, suite.server);
  const { problems, status } = await searched(ctx, 'xqzwxqzwxqzw');
  assert.equal(status, 'No se encontró nada para «xqzwxqzwxqzw».');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('axe-core, WCAG 2.2 AA: no serious or critical violation on any Spanish page', async (t) => {
  // The 404 page links its style sheet by absolute address, under the base URL's path
  // (`/puerto/`), so that it is styled at any depth; this server serves the site at
  // `/`, where that address is not found, and an unstyled page is not what readers see.
  const pages = files(suite.site)
    .filter((f) => f.endsWith('.html') && f !== '404.html')
    .map(urlOf);
  assert.ok(pages.length > 10, 'the whole site is checked');
  const ctx = await context(suite.browser, suite.server);
  for (const url of pages) {
    await t.test(url, async () => {
      const p = await ctx.newPage();
      const problems = watch(p);
      await p.goto(suite.server.url + url, { waitUntil: 'load' });
      assert.equal(await p.locator('html').getAttribute('lang'), 'es');
      const { violations } = await axe(p);
      assert.deepEqual(describeViolations(blocking(violations)), [], `axe violations on ${url}`);
      assert.deepEqual(problems, []);
      await p.close();
    });
  }
  await ctx.close();
});
