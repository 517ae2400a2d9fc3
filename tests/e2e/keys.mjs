// Moving through the app the way a keyboard user does, checking at each step that they can see
// where they are.
import assert from 'node:assert/strict';

/** The accessible name a person hears for the focused element (label, aria-label or text). */
const focusedName = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const label = el?.labels?.[0]?.textContent ?? '';
  return (el?.getAttribute('aria-label') || label || el?.textContent || '').trim();
});

/**
 * Why the focused element's focus cannot be seen, or null: no ring (an outline of 2 px or
 * more, or a shadow), a ring in an error's colour, off the screen, or its ring cut off by a box
 * around it that clips.
 */
export function focusProblem(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    // Focus on the page itself: the browser's own controls, between the last and first stop.
    if (!el || el === document.body) return null;
    const what = el.outerHTML.slice(0, 160);
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    if (!outline && style.boxShadow === 'none') return `no focus ring on ${what}`;
    // A ring in the reds and oranges of an error reads as a problem with the field.
    if (outline) {
      const [r, g, b] = (style.outlineColor.match(/[\d.]+/g) ?? []).map(Number);
      const [max, min] = [Math.max(r, g, b), Math.min(r, g, b)];
      const hue = max === r && max - min > 60 ? (60 * (g - b) / (max - min) + 360) % 360 : null;
      if (hue !== null && (hue < 45 || hue > 330)) return `focus ring in an error's colour (${style.outlineColor}) on ${what}`;
    }
    const box = el.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth)) return `focused but off screen: ${what}`;
    const grow = outline ? Math.max(0, parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth)) : 0;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      const [left, top] = [c.left + a.clientLeft, c.top + a.clientTop];
      const [right, bottom] = [left + a.clientWidth, top + a.clientHeight];
      if (box.left - grow < left - 0.5 || box.right + grow > right + 0.5 || box.top - grow < top - 0.5 || box.bottom + grow > bottom + 0.5) {
        return `focus ring cut off by ${a.tagName.toLowerCase()}.${a.className}: ${what}`;
      }
    }
    return null;
  });
}

/** Asserts the focused element's focus can be seen (see focusProblem). */
export async function focusShown(page) {
  const problem = await focusProblem(page);
  assert.equal(problem, null, problem ?? '');
}

/**
 * Presses Tab (or Shift+Tab with `back`) until the focused element's name matches `name`,
 * checking that the focus can be seen on every element passed.
 */
export async function tabTo(page, name, { back = false, limit = 60 } = {}) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (process.env.DEBUG_KEYS) console.log('focus:', await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80)));
    await focusShown(page);
    const focused = await focusedName(page);
    seen.push(focused);
    if (name instanceof RegExp ? name.test(focused) : focused === name) return;
  }
  assert.fail(`${back ? 'Shift+Tab' : 'Tab'} never reached ${name}; passed: ${seen.join(' | ')}`);
}

/** After a change of page, reading starts at the new page: its main area or its heading. */
export async function assertPageFocus(page, what) {
  const ok = await page.waitForFunction(() => ['MAIN', 'H1'].includes(document.activeElement?.tagName), null, { timeout: 3000 }).then(() => true, () => false);
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.ok(ok, `on ${what}, focus is on ${at}, not on the main area or its heading`);
}

/**
 * Focus moved on purpose arrives a frame after the text it points to: waits for it to reach
 * the element with this id, for up to five seconds.
 */
export async function assertFocusReaches(page, id, message) {
  const arrived = await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5000 }).then(() => true, () => false);
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
  assert.ok(arrived, `${message}: focus is on ${at}`);
}
