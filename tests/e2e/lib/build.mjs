// Builds briefings with the real binary: `cargo run --release -- build`, or the binary
// named by BRIEFING_BIN (CI builds it once and passes it in).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixtures = path.join(repo, 'tests/fixtures');
export const artifacts = process.env.E2E_ARTIFACTS
  ? path.resolve(process.env.E2E_ARTIFACTS)
  : path.join(repo, 'target/e2e-artifacts');

function run(args, cwd) {
  const bin = process.env.BRIEFING_BIN;
  const [cmd, argv] = bin
    ? [bin, args]
    : ['cargo', ['run', '--release', '--locked', '--quiet', '--manifest-path', path.join(repo, 'Cargo.toml'), '--', ...args]];
  try {
    execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  } catch (e) {
    throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${e.status}):\n${e.stderr}`);
  }
}

function tmp(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `briefing-e2e-${name}-`));
}

/// Builds the default briefing (the repository root) into a fresh folder.
export function buildDefault() {
  const out = path.join(tmp('default'), 'site');
  run(['build', '--root', repo, '--output', out], repo);
  return out;
}

/// Builds the `minimal` fixture with an overlay laid over it (as tests/it/support.rs).
export function buildFixture(overlay) {
  const root = tmp(overlay.replaceAll('/', '-'));
  fs.cpSync(path.join(fixtures, 'minimal'), root, { recursive: true });
  if (overlay) fs.cpSync(path.join(fixtures, overlay), root, { recursive: true });
  const out = path.join(root, 'site');
  run(['build', '--root', root, '--output', out], root);
  return out;
}

/// Builds a fixture that is a briefing of its own (`language-es`) into a fresh folder.
export function buildStandalone(name) {
  const root = tmp(name);
  fs.cpSync(path.join(fixtures, name), root, { recursive: true });
  const out = path.join(root, 'site');
  run(['build', '--root', root, '--output', out], root);
  return out;
}

/// Every file below `dir`, relative, with `/` separators, sorted.
export function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/// The URL path of a built HTML file: `people/x/index.html` → `/people/x/`.
export function urlOf(file) {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

/// Removes the temporary folder a build above made (the parent of its `site`).
export function cleanup(site) {
  if (!site) return;
  const dir = path.dirname(site);
  if (path.basename(dir).startsWith('briefing-e2e-') && dir.startsWith(os.tmpdir())) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
