// Live regions, as screen readers need them: a message is read out when its text changes inside
// a region (role=status, role=alert, aria-live) that was already in the page, and rendered,
// before the message came. A region added together with its text, or shown only once it has
// text (display: none while empty), is often not announced at all.
import assert from 'node:assert/strict';

const LIVE = '[role=status],[role=alert],[role=log],[aria-live]:not([aria-live=off]),output';

/** Remembers the live regions rendered now; call it before the action that brings the message. */
export function watchRegions(page) {
  return page.evaluate((live) => {
    window.__liveBefore = new WeakSet([...document.querySelectorAll(live)].filter((e) => e.checkVisibility()));
  }, LIVE);
}

/**
 * Waits for `text` to appear, then asserts it sits in a live region of the given kind
 * (`status`: polite, `alert`: assertive) that was rendered when `watchRegions` was called.
 */
export async function assertAnnounced(page, text, kind) {
  const pattern = text instanceof RegExp ? text : new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  await page.getByText(pattern).first().waitFor({ state: 'attached' });
  const region = await page.evaluate(([source, flags, live]) => {
    const pattern = new RegExp(source, flags);
    const holders = [...document.querySelectorAll('body *')].filter((e) => pattern.test(e.textContent) && ![...e.children].some((c) => pattern.test(c.textContent)));
    const message = holders.find((e) => e.checkVisibility()) ?? holders[0];
    const region = message?.closest(live);
    if (!region) return { found: false, message: message?.outerHTML.slice(0, 200) };
    const role = region.getAttribute('role');
    const politeness = region.getAttribute('aria-live') ?? (role === 'alert' ? 'assertive' : 'polite');
    return { found: true, role, politeness, before: window.__liveBefore?.has(region) ?? false, hidden: !!region.closest('[aria-hidden=true]'), region: region.outerHTML.slice(0, 200) };
  }, [pattern.source, pattern.flags, LIVE]);
  assert.ok(region.found, `"${text}" is not inside a live region: ${region.message}`);
  assert.ok(region.before, `"${text}" came with its live region, or the region was not rendered before it: ${region.region}`);
  assert.equal(region.hidden, false, `"${text}" is in an aria-hidden region`);
  if (kind) assert.equal(region.politeness, kind === 'alert' ? 'assertive' : 'polite', `"${text}" is announced as ${kind}: ${region.region}`);
  return region;
}
