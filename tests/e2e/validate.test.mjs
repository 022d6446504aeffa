// HTML validity: the W3C Nu HTML Checker (npm vnu-jar, run with the system Java) over
// every HTML file and the style sheet of the default site, of a Spanish one, and over
// the hostile build (escaped payloads must leave valid markup). Errors fail; warnings are reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

import { buildDefault, buildFixture, buildStandalone, cleanup, files } from './lib/build.mjs';

const require = createRequire(import.meta.url);
const VNU = require.resolve('vnu-jar/build/dist/vnu.jar');

/// Warnings that say nothing about this site, with the reason they are ignored.
const TRIVIAL = [
  // The validator's reminder about an HTML feature it cannot check, not a problem.
  /^Consider adding a “lang” attribute/,
];

function vnu(dir) {
  const targets = files(dir)
    .filter((f) => f.endsWith('.html') || f.endsWith('.css') || f.endsWith('.svg'))
    .map((f) => path.join(dir, f));
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--also-check-css', '--also-check-svg', ...targets], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  let messages;
  try {
    messages = JSON.parse(run.stderr).messages;
  } catch {
    throw new Error(`vnu did not answer in JSON (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  }
  const line = (m) => `${path.relative(dir, new URL(m.url).pathname)}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}${m.extract ? `\n      ${m.extract.replace(/\n/g, ' ').trim()}` : ''}`;
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map(line);
  const warnings = messages
    .filter((m) => m.type === 'info' && m.subType === 'warning' && !TRIVIAL.some((re) => re.test(m.message)))
    .map(line);
  return { checked: targets.length, errors, warnings };
}

/// A test that the site `build` makes passes the checker: no errors, its warnings
/// reported.
const valid = (build) => (t) => {
  const site = build();
  const { checked, errors, warnings } = vnu(site);
  cleanup(site);
  t.diagnostic(`${checked} files checked, ${errors.length} errors, ${warnings.length} warnings`);
  for (const w of warnings) t.diagnostic(`warning: ${w}`);
  assert.ok(checked > 10, 'the whole site was checked');
  assert.deepEqual(errors, []);
};

test('Nu HTML Checker: the default briefing has no errors', valid(buildDefault));

test('Nu HTML Checker: a Spanish briefing has no errors', valid(() => buildStandalone('language-es')));

/// Errors the hostile corpus causes on purpose without any markup breaking: raw HTML
/// that the sanitiser keeps harmless but not valid (an <img> without alt, an <a> whose
/// javascript: href was dropped), and http(s) URLs that carry quotes (escaped).
const HOSTILE_EXPECTED = [
  /An “img” element must have an “alt” attribute/,
  /Element “img” is missing one or more of the following attributes/,
  /Element “a” is missing required attribute “href”/,
  /Bad value “https:\/\/evil\.example\/[^”]*” for attribute “href” on element “a”: Illegal character/,
  // Reported on the default briefing already.
  /The heading “h\d” \(with computed level \d\) follows the heading/,
];

test('Nu HTML Checker: the hostile corpus leaves the markup well-formed', (t) => {
  const site = buildFixture('hostile');
  const { checked, errors } = vnu(site);
  cleanup(site);
  const unexpected = errors.filter((e) => !HOSTILE_EXPECTED.some((re) => re.test(e)));
  t.diagnostic(`${checked} files checked, ${errors.length} errors, ${errors.length - unexpected.length} of them expected`);
  assert.ok(checked > 10, 'the whole site was checked');
  // A payload that broke out of its attribute or element shows as a parse error here.
  assert.deepEqual(unexpected, []);
});
