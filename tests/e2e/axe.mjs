// axe-core (from npm) run inside the page, for the accessibility tests: every state checked
// at a desktop width and at a 360-px phone width, and a readable list of what fails.
//
// The page's Content-Security-Policy has no 'unsafe-inline', so page.addScriptTag({content})
// is refused (an inline <script>). axe is instead evaluated through the DevTools protocol
// (page.evaluate), which the CSP does not govern, so the page keeps the policy it ships with
// and no bypassCSP context is needed.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/** Runs axe on the whole document as it is now: its violations, shortened, how many rules applied, and what it could not decide. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    // What axe could not decide by itself, to look at by hand (A11Y_INCOMPLETE=1).
    const unsure = results.incomplete.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    const shorten = (list) => list.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
    return { violations: shorten(results.violations), rules: results.passes.length + results.violations.length, unsure };
  }, TAGS);
}

/**
 * WCAG 1.4.11, which axe does not check: what shows where a text box or a select is (its border,
 * or its fill) must have a contrast of 3:1 with what is around it.
 */
export function fieldBorders(page) {
  return page.evaluate(() => {
    const rgb = (color) => color.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const behind = (e) => {
      for (let a = e.parentElement; a; a = a.parentElement) {
        const c = rgb(getComputedStyle(a).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const fields = document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]), select, textarea');
    return [...fields].filter((e) => !e.disabled && e.checkVisibility()).flatMap((e) => {
      const around = behind(e);
      const border = ratio(rgb(getComputedStyle(e).borderTopColor).slice(0, 3), around);
      // A field whose own fill stands out (a white box on a dark header) shows its edge that way.
      const own = rgb(getComputedStyle(e).backgroundColor);
      const fill = own.length === 4 && own[3] === 0 ? 1 : ratio(own.slice(0, 3), around);
      return Math.max(border, fill) < 3 ? [`#${e.id} (border ${border.toFixed(2)}:1, fill ${fill.toFixed(2)}:1 with what is around it)`] : [];
    });
  });
}

/**
 * Fields the browser may keep a copy of: every `input`, `textarea` and `select` must say
 * `autocomplete="off"`, or Chromium saves what was typed for autofill and, in clear, in its
 * session-restore files beside IndexedDB's (issue 19). Checked in every state audited.
 */
export function rememberedFields(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, textarea, select')]
    .filter((e) => e.getAttribute('autocomplete') !== 'off')
    .map((e) => (e.id ? `#${e.id}` : e.outerHTML.slice(0, 80))));
}

/**
 * Collects the violations of every state checked, at both widths, to report them all at once.
 * `check(page, state)` audits the page at 1280 px and at 360 px and puts the size back.
 */
export function auditor() {
  const found = [];
  const counts = {};
  return {
    found,
    counts,
    async check(page, state, sizes = [DESKTOP, PHONE]) {
      const back = page.viewportSize();
      for (const size of sizes) {
        await page.setViewportSize(size);
        // Let layout and any resize observers settle.
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        const { violations, rules, unsure } = await axe(page);
        if (rules < 10) throw new Error(`axe ran only ${rules} rules on ${state}`);
        if (process.env.A11Y_INCOMPLETE && unsure.length) console.log(`[${state} @ ${size.width}px] needs review: ${unsure.join('; ')}`);
        const weak = await fieldBorders(page);
        if (weak.length) violations.push({ id: 'field-border-contrast', impact: 'serious', help: 'Field borders must have a 3:1 contrast (WCAG 1.4.11)', targets: weak, summary: '' });
        const remembered = await rememberedFields(page);
        if (remembered.length) violations.push({ id: 'field-remembered', impact: 'serious', help: 'Fields must say autocomplete="off", so the browser keeps no copy of what is typed (issue 19)', targets: remembered, summary: '' });
        for (const v of violations) {
          found.push({ state: `${state} @ ${size.width}px`, ...v });
          counts[v.id] = (counts[v.id] ?? 0) + v.targets.length;
        }
      }
      if (back) await page.setViewportSize(back);
    },
    /** A readable list: state, rule, impact, what to do, and the elements. */
    report() {
      return found.map((v) => `- [${v.state}] ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}${v.targets.length > 8 ? `\n    … and ${v.targets.length - 8} more` : ''}\n    ${v.summary.replace(/\n/g, '\n    ')}`).join('\n');
    },
  };
}
