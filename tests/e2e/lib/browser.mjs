// Debian's Chromium driven by playwright-core (no browser download is possible here).
// Playwright gives every launch a fresh, empty profile (user data dir).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const MOBILE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/// A context whose pages may only reach the test server; anything else is aborted and
/// recorded, so a page that reaches out (an injected <base>, a remote script) fails.
export async function context(browser, server, options = {}) {
  const ctx = await browser.newContext({ ...DESKTOP, ...options });
  ctx.outside = [];
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url + '/')) return route.continue();
    ctx.outside.push(url);
    return route.abort();
  });
  return ctx;
}

/// Records what goes wrong on a page: console errors, uncaught exceptions, failed
/// requests, responses with an error status, dialogs (which are dismissed).
export function watch(page, { expect404 = [] } = {}) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url || '';
    // The browser logs the 404 of a page we asked for on purpose.
    if (expect404.some((u) => where.endsWith(u)) && /404/.test(m.text())) return;
    problems.push(`console error: ${m.text()} (${where})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !expect404.some((u) => r.url().endsWith(u))) {
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
    }
  });
  page.on('dialog', (d) => {
    problems.push(`dialog (${d.type()}): ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return problems;
}
