// axe-core in a page: the WCAG 2.2 A and AA rules, and the violations written one line
// per element, as the accessibility tests of every site report them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/// axe's result for the loaded page `p`: its `violations` and the `incomplete` checks
/// it could not decide.
export async function axe(p) {
  await p.addScriptTag({ path: AXE });
  return p.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
    TAGS,
  );
}

/// The violations a page must not have: serious or critical ones.
export const blocking = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/// One line per violating element: rule, impact, selector, the element's HTML.
export function describeViolations(violations) {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} [${v.impact}] ${n.target.join(' ')} — ${n.html.slice(0, 160)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, ' ')}` : ''}`),
  );
}
