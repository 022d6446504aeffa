// A Spanish briefing (tests/fixtures/language-es) in a real browser: the search
// script writes its messages in the site's language, from the words the page carries.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { context, watch } from './lib/browser.mjs';
import { buildStandalone } from './lib/build.mjs';
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
