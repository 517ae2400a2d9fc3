// Reflow (WCAG 1.4.10) and zoom (1.4.4): at 200 % zoom of a 1280×900 window (a 640×450 CSS
// viewport at device scale 2) and on a 360-px phone, no page scrolls sideways, nothing is cut
// off (also with WCAG 1.4.12's text spacing), and Tab reaches every control, each shown on
// screen when focused. Screenshots of each page go to /tmp/a11y-shots/ to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_FLAGS, field, saved, createCase, workInWorkspace } from './harness.mjs';
import { focusProblem } from './keys.mjs';

const SHOTS = process.env.A11Y_SHOTS ?? '/tmp/a11y-shots';
// 200 % zoom of a 1280×900 window; a phone; a tablet. The harness's browser has a fixed scale of 1, so
// this test opens its own, at the scale of a high-density screen.
const SIZES = [
  { name: 'zoom200', width: 640, height: 450 },
  { name: 'phone360', width: 360, height: 740 },
  // A tablet, or a small laptop window: too narrow for the case table's seven columns.
  { name: 'tablet800', width: 800, height: 900 },
];
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }';
let server;
let browser;
let context;
before(async () => {
  server = await serve('/');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  // In English, as the harness's browser: the interface follows the browser's language.
  context = await browser.newContext({ viewport: SIZES[0], deviceScaleFactor: 2, locale: 'en-US' });
  workInWorkspace(context);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function setSize(page, size) {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** What overflows: the page sideways, boxes that cut their text off, things off the screen. */
function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const name = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    // Inside a box that scrolls sideways on purpose (the phone's strip of plan steps), out of
    // view is reachable by scrolling.
    const scrolls = (e) => { for (let a = e.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
    for (const e of document.body.querySelectorAll('*')) {
      if (!e.checkVisibility({ visibilityProperty: true }) || e.closest('.visually-hidden, .skip-link, dialog:not([open])')) continue;
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      // A text box scrolls its own text: that is how it shows a long entry, not cut off.
      if (!e.matches('input, textarea, select') && (style.overflowX === 'hidden' || style.overflowX === 'clip') && e.scrollWidth > e.clientWidth + 1) problems.push(`cuts off its content: ${name(e)} (${e.scrollWidth} > ${e.clientWidth})`);
      if (!e.matches('input, textarea, select') && (style.overflowY === 'hidden' || style.overflowY === 'clip') && e.scrollHeight > e.clientHeight + 1) problems.push(`cuts off its content below: ${name(e)} (${e.scrollHeight} > ${e.clientHeight})`);
      const leaf = e.matches('a, button, input, select, textarea, label, summary') || [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (leaf && !scrolls(e) && (box.right > root.clientWidth + 1 || box.left < -1)) problems.push(`off the screen sideways: ${name(e)} (${Math.round(box.left)}–${Math.round(box.right)})`);
    }
    return problems;
  });
}

/** Tabs through the whole page: every control is reached, and its focus can be seen. */
async function tabEverything(page) {
  const expected = await page.evaluate(() => {
    const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')];
    const open = document.querySelector('dialog[open]');
    return all.filter((e) => !e.disabled && e.tabIndex >= 0 && !e.closest('[inert], fieldset:disabled') && (!open || open.contains(e))
      && (e.checkVisibility({ visibilityProperty: true }) || e.matches('.skip-link')))
      .map((e, i) => { e.dataset.reach = String(i); return i; }).length;
  });
  const reached = new Set();
  const problems = [];
  await page.evaluate(() => { document.activeElement?.blur(); });
  for (let i = 0; i < expected * 4 + 10 && reached.size < expected; i++) {
    await page.keyboard.press('Tab');
    const reach = await page.evaluate(() => document.activeElement?.dataset?.reach);
    if (reach !== undefined) reached.add(reach);
    const problem = await focusProblem(page);
    if (problem) problems.push(problem);
  }
  if (reached.size < expected) {
    const missed = await page.evaluate((seen) => [...document.querySelectorAll('[data-reach]')].filter((e) => !seen.includes(e.dataset.reach)).map((e) => e.outerHTML.slice(0, 100)), [...reached]);
    problems.push(...missed.map((m) => `never reached by Tab: ${m}`));
  }
  await page.evaluate(() => document.querySelectorAll('[data-reach]').forEach((e) => delete e.dataset.reach));
  return [...new Set(problems)];
}

test('at 200 % zoom, on a 360-px phone and an 800-px tablet: no sideways scrolling, nothing cut off, every control reachable', async () => {
  await mkdir(SHOTS, { recursive: true });
  const page = await context.newPage();
  const app = { server };
  const plan = await createCase(page, app.server.url, 'Ana Ruiz-Fernández de la Torre');
  await page.goto(`${plan}placement`);
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await page.getByRole('button', { name: /^Add the \d+ activities to the checklist$/ }).click();
  await saved(page);
  for (const [key, add] of [['needs', 'Add a need'], ['services', 'Add a service'], ['referrals', 'Add a referral']]) {
    await page.goto(`${plan}${key}`);
    await page.getByRole('button', { name: add }).click();
    await saved(page);
  }
  await page.goto(`${plan}monitoring`);
  await page.getByRole('button', { name: 'Log a visit' }).click();
  await page.getByRole('button', { name: 'Save visit' }).click();
  await saved(page);
  const caseUrl = plan.replace(/plan\/$/, '');

  const pages = [
    ['case-list', app.server.url, async () => page.getByRole('heading', { name: 'Time for a backup' }).waitFor()],
    ['new-case', `${app.server.url}#/cases/new`, async () => page.waitForFunction(() => !!document.querySelector('#f-case_number')?.value)],
    ...['case', 'worker', 'child', 'placement', 'needs', 'services', 'monitoring', 'referrals', 'best-interests'].map((s) => [`plan-${s}`, `${plan}${s}`, async () => saved(page)]),
    ['checklist', `${caseUrl}checklist`, async () => {
      await saved(page);
      await page.locator('.check-item').first().getByRole('button', { name: /^Details: / }).click();
    }],
    ['history', `${caseUrl}history`, async () => page.locator('.timeline-entry').first().waitFor()],
    ['handover-dialog', `${plan}worker`, async () => {
      await page.getByRole('button', { name: 'Hand over to another case worker…' }).click();
      await page.getByRole('dialog').waitFor();
    }],
    ['close-dialog', `${plan}case`, async () => {
      await page.getByRole('button', { name: 'Close case…' }).click();
      await page.getByRole('dialog').waitFor();
    }],
    ['print', `${caseUrl}print`, async () => page.getByRole('heading', { level: 1, name: 'Care and Protection Plan' }).waitFor()],
    ['overview', `${app.server.url}#/overview`, async () => page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()],
    ['export', `${app.server.url}#/export`, async () => page.getByText(/\d+ of \d+ chosen/).waitFor()],
    ['import', `${app.server.url}#/import`, async () => page.getByRole('heading', { level: 1, name: 'Import cases' }).waitFor()],
    ['storage', `${app.server.url}#/storage`, async () => page.getByText(/^Homeward uses .+ here\./).waitFor()],
    ['profile', `${app.server.url}#/profile`, async () => page.getByRole('heading', { level: 1, name: 'Your name' }).waitFor()],
  ];
  const found = [];
  for (const size of SIZES) {
    for (const [name, url, ready] of pages) {
      await page.goto(url);
      await setSize(page, size);
      await ready();
      for (const p of await layoutProblems(page)) found.push(`[${name} @ ${size.name}] ${p}`);
      for (const p of await tabEverything(page)) found.push(`[${name} @ ${size.name}] ${p}`);
      await page.screenshot({ path: `${SHOTS}/${size.name}-${name}.png`, fullPage: !name.endsWith('dialog'), scale: 'css' });
      // WCAG 1.4.12: with the text spacing a reader's style sheet may set, nothing is lost.
      await page.evaluate((css) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css); document.adoptedStyleSheets = [sheet]; }, TEXT_SPACING);
      for (const p of await layoutProblems(page)) found.push(`[${name} @ ${size.name}, text spacing] ${p}`);
      await page.evaluate(() => { document.adoptedStyleSheets = []; });
      if (name.endsWith('dialog')) await page.keyboard.press('Escape');
    }
  }
  assert.deepEqual(found, [], `reflow problems:\n${found.join('\n')}`);
});
