// The page types of a built site, found in the output itself, so the suite follows the
// content: a curated comparison is one with a file in content/comparisons/, a detected
// story any other page under compare/. Pages still being added (search, report) are
// marked pending while their files do not exist; once they exist they are tested.
import fs from 'node:fs';
import path from 'node:path';
import { files, urlOf } from './build.mjs';

/// The featured people of the default briefing and the acceptance criteria on them.
export const FEATURED = ['delcy-rodriguez', 'diosdado-cabello', 'tarek-el-aissami'];

function firstUnder(all, section, skip = () => false) {
  const re = new RegExp(`^${section}/([^/]+)/index\\.html$`);
  const hit = all.map((f) => f.match(re)).find((m) => m && !skip(m[1]));
  return hit ? urlOf(hit[0]) : null;
}

function firstMatch(all, re) {
  const hit = all.filter((f) => re.test(f)).sort()[0];
  return hit ? urlOf(hit) : null;
}

/// [{ type, url | null, pending? }] for the site in `dir` built from `root`.
export function pageTypes(dir, root) {
  const all = files(dir);
  const curatedDir = path.join(root, 'content/comparisons');
  const curated = new Set(
    fs.existsSync(curatedDir)
      ? fs.readdirSync(curatedDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, ''))
      : [],
  );
  const has = (f) => all.includes(f);
  const person = has(`people/${FEATURED[0]}/index.html`) ? `/people/${FEATURED[0]}/` : firstUnder(all, 'people');
  const types = [
    { type: 'overview', url: '/' },
    { type: 'people', url: has('people/index.html') ? '/people/' : null },
    { type: 'person', url: person },
    { type: 'timeline', url: has('timeline/index.html') ? '/timeline/' : null },
    { type: 'compare-index', url: has('compare/index.html') ? '/compare/' : null },
    { type: 'comparison', url: firstUnder(all, 'compare', (id) => !curated.has(id)) },
    {
      type: 'story',
      url: firstUnder(all, 'compare', (id) => curated.has(id)),
      pending: 'no detected story in this build (stories come from the analysis)',
    },
    {
      type: 'pair',
      url: firstMatch(all, /^compare\/pairs\/[^/]+\/[^/]+\/index\.html$/),
      pending: 'no compared pair worth a page in this build',
    },
    { type: 'timeline-year', url: firstMatch(all, /^timeline\/-?\d+\/index\.html$/) },
    { type: 'timeline-month', url: firstMatch(all, /^timeline\/-?\d+\/\d\d\/index\.html$/) },
    {
      type: 'person-list',
      url: firstMatch(all, /^people\/[^/]+\/(mentions|articles|quotes|events)\/index\.html$/),
      pending: 'no person with more than their page shows',
    },
    {
      type: 'list-page-2',
      url: firstMatch(all, /(^|\/)page\/2\/index\.html$/),
      pending: 'no list longer than one page',
    },
    { type: 'articles', url: has('articles/index.html') ? '/articles/' : null },
    { type: 'article', url: firstUnder(all, 'articles') },
    { type: 'outlets', url: has('outlets/index.html') ? '/outlets/' : null },
    { type: 'outlet', url: firstUnder(all, 'outlets') },
    { type: 'search', url: has('search/index.html') ? '/search/' : null, pending: 'search/ is not built yet' },
    { type: 'report', url: has('report/index.html') ? '/report/' : null, pending: 'report/ is not built yet' },
    { type: '404', url: has('404.html') ? '/404.html' : null },
  ];
  for (const t of types) {
    if (!t.url && !t.pending) throw new Error(`the site has no ${t.type} page`);
  }
  return types;
}

/// Every HTML page of a site, as URL paths.
export function htmlPages(dir) {
  return files(dir).filter((f) => f.endsWith('.html')).map(urlOf);
}
