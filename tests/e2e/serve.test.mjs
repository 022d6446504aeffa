// `briefing serve` in a real browser: a saved edit reloads the open page that shows it
// and no other, a content error shows over the page as a panel and goes when fixed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { launch, context, watch } from './lib/browser.mjs';
import { fixtures, repo } from './lib/build.mjs';

let root, child, browser, server;

/// Starts `briefing serve` on any free port and resolves with its address.
function startServe(dir) {
  const bin = process.env.BRIEFING_BIN;
  const [cmd, argv] = bin
    ? [bin, ['serve', '--root', dir, '--port', '0']]
    : ['cargo', ['run', '--release', '--locked', '--quiet', '--manifest-path',
        path.join(repo, 'Cargo.toml'), '--', 'serve', '--root', dir, '--port', '0']];
  child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  child.lines = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        child.lines.push(line);
        const m = line.match(/ at (http:\/\/127\.0\.0\.1:\d+)\//);
        if (m) resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${child.lines.join('\n')}`)));
  });
}

function edit(rel, from, to) {
  const file = path.join(root, rel);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${rel} has no "${from}"`);
  fs.writeFileSync(file, text.replace(from, to));
}

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-e2e-serve-'));
  fs.cpSync(path.join(fixtures, 'minimal'), root, { recursive: true });
  server = { url: await startServe(root) };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  child?.kill('SIGINT');
  fs.rmSync(root, { recursive: true, force: true });
});

test('a save reloads the open page it changes, and only that one', async () => {
  const ctx = await context(browser, server);
  const article = await ctx.newPage();
  const problems = watch(article);
  await article.goto(`${server.url}/articles/pier-vote/`, { waitUntil: 'load' });
  assert.equal((await article.locator('h1').innerText()).trim(), 'Council votes on the pier');
  // A page the edit does not reach: the site's 404 page.
  const other = await ctx.newPage();
  await other.goto(`${server.url}/404.html`, { waitUntil: 'load' });
  let otherLoads = 0;
  other.on('load', () => { otherLoads += 1; });
  // Both pages listen before the save.
  await article.waitForLoadState('networkidle').catch(() => {});
  await new Promise((r) => setTimeout(r, 300));

  const reloaded = article.waitForEvent('load', { timeout: 30_000 });
  edit('content/articles/pier-vote.md', 'title: Council votes on the pier', 'title: Council approves the pier');
  await reloaded;
  assert.equal((await article.locator('h1').innerText()).trim(), 'Council approves the pier');
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(otherLoads, 0, 'the 404 page reloaded though the edit did not change it');
  // The reload ends the old page's event stream: that abort is the reload itself.
  const events = /^request failed: \S+\/__briefing\/events\?\S* \(net::ERR_ABORTED\)$/;
  assert.deepEqual(problems.filter((p) => !events.test(p)), []);
  assert.deepEqual(ctx.outside, [], 'requests that left the test server');
  await ctx.close();
});

test('a content error shows over the open page until it is fixed', async () => {
  const ctx = await context(browser, server);
  const page = await ctx.newPage();
  await page.goto(`${server.url}/people/ana-ortiz/`, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 300));
  edit('content/timeline/2026.yaml', 'the council would vote', 'the council will vote');
  const panel = page.getByRole('alert');
  await panel.waitFor({ timeout: 30_000 });
  const text = await panel.innerText();
  assert.match(text, /error\[quote-not-found\]/);
  assert.match(text, /content\/timeline\/2026\.yaml:7:14/);
  edit('content/timeline/2026.yaml', 'the council will vote', 'the council would vote');
  await panel.waitFor({ state: 'detached', timeout: 30_000 });
  await ctx.close();
});
