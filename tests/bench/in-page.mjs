// Timing done inside the page, on the page's own clock, so the DevTools round trip of each
// command is never part of a figure. Every figure ends when the change is on screen: after the
// change is in the document, the frame that paints it, and the task after that frame.

/** Installed in every page before its own scripts run. */
export function installProbes() {
  window.__bench = { longTasks: [], keys: [] };
  // Long tasks (over 50 ms) tell when the page is free to answer input again.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push(e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* not offered: the rows' paint alone counts */ }
  const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0)));
  /** Resolves with the time the first frame after `check()` holds has been painted. */
  window.__benchUntil = (check) => new Promise((resolve) => {
    if (check()) { painted().then(resolve); return; }
    const watch = new MutationObserver(() => {
      if (!check()) return;
      watch.disconnect();
      painted().then(resolve);
    });
    watch.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  // What "done" looks like for each action timed (see timeClick).
  const has = (selector) => document.querySelector(selector) !== null;
  window.__benchChecks = {
    caseShown: () => (document.querySelector('.case-header h1')?.textContent ?? '') !== '' && has('main form input, main form select'),
    checklistShown: () => has('.case-header h1') && has('input[id^="tick-"]'),
    // A save is committed when "Saved" follows "Saving…": it is shown once IndexedDB reports it.
    saved: () => {
      if (has('.save-status .saving')) window.__bench.sawSaving = true;
      return window.__bench.sawSaving && has('.save-status .saved');
    },
    exported: () => has('#export-outcome .notice'),
    failed: () => has('.error-box'),
    preview: () => has('#preview-title'),
    imported: () => [...document.querySelectorAll('.notice-region')].some((n) => n.textContent.includes('Imported')),
  };
  // When a file is handed to the browser to save: the last object URL made.
  const makeUrl = URL.createObjectURL;
  URL.createObjectURL = (blob) => { window.__bench.fileAt = performance.now(); return makeUrl.call(URL, blob); };
  // The case list's first rows, however soon they come.
  window.__benchFirstRows = window.__benchUntil(() => document.querySelector('.case-table tbody tr') !== null);
  // Each key pressed in the filter: from the key's event to the first frame painted that shows
  // the list as it ends up. The frames after the key are watched until the list has settled, so
  // an update the app put off to a later task is counted to the frame that shows it. (Waiting
  // for a task before asking for the frame would count one frame too many: after input, Chromium
  // paints before it runs the next task.)
  const listShown = () => {
    const count = document.querySelector('.result-count')?.textContent;
    const rows = [...document.querySelectorAll('.case-table tbody tr')].slice(0, 10).map((r) => r.textContent);
    return `${count}|${rows.join('|')}`;
  };
  // About a person's pace between keys: an update later than this would be missed.
  const WATCHED_MS = 250;
  document.addEventListener('keydown', (e) => {
    if (e.target?.id !== 'case-filter') return;
    const pressed = e.timeStamp;
    const countBefore = document.querySelector('.result-count')?.textContent;
    const frames = [];
    const settle = () => {
      const last = frames.at(-1).list;
      const first = frames.find((f) => f.list === last);
      const changed = document.querySelector('.result-count')?.textContent !== countBefore;
      window.__bench.keys.push({ ms: first.at - pressed, changed });
    };
    // What a frame shows is the document as its animation frame callbacks see it; the task
    // after the frame runs once it is painted.
    const watch = () => requestAnimationFrame(() => {
      const list = listShown();
      setTimeout(() => {
        frames.push({ at: performance.now(), list });
        if (performance.now() - pressed < WATCHED_MS) watch(); else settle();
      }, 0);
    });
    watch();
  }, true);
}

/** From navigation start: the first rows painted, and the page free of long tasks after them. */
export async function listReady(page) {
  const firstRows = await page.evaluate(() => window.__benchFirstRows);
  // Quiet for a second after the rows: whatever long task came before then is part of starting.
  await page.waitForTimeout(1000);
  const lastBusy = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks));
  return { firstRows, interactive: Math.max(firstRows, lastBusy) };
}

/** Types `text` into the filter key by key, then deletes it; the time of each keystroke. */
export async function filterKeystrokes(page, text) {
  await page.focus('#case-filter');
  const start = await page.evaluate(() => window.__bench.keys.length);
  const keys = [...text].concat(Array(text.length).fill('Backspace'));
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__bench.keys.length >= n, start + i + 1);
  }
  const timed = await page.evaluate((from) => window.__bench.keys.slice(from), start);
  if (!timed.some((k) => k.changed)) throw new Error('filtering never changed the list');
  return timed.map((k) => k.ms);
}

/**
 * Clicks the button or link named `name` (its text, or a CSS selector starting with `#`/`.`)
 * and times it until the named check in `window.__benchChecks` holds.
 */
export function timeClick(page, name, check) {
  return page.evaluate(async ({ name, check }) => {
    const named = [...document.querySelectorAll('button, a')];
    const target = /^[#.]/.test(name)
      ? document.querySelector(name)
      : named.find((b) => b.textContent.trim() === name) ?? named.find((b) => b.textContent.trim().startsWith(name));
    if (!target) throw new Error(`nothing named ${name}`);
    window.__bench.sawSaving = false;
    const start = performance.now();
    window.__bench.clickAt = start;
    const shown = window.__benchUntil(window.__benchChecks[check]);
    target.click();
    const late = new Promise((_, fail) => setTimeout(() => fail(new Error(`${check} not seen a minute after clicking ${name}`)), 60_000));
    return (await Promise.race([shown, late])) - start;
  }, { name, check });
}
