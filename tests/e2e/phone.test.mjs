// On a 360-px phone the header is one row (the brand, Menu, Lock now) and the page starts on the
// first screen; the places to go open under Menu. The plan's steps fold behind a button that
// names the step on screen. At 1280 px the header is one row in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, openBrowser, createCase, WORKER } from './harness.mjs';

const box = (locator) => locator.evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height }; });

test('on a phone the header takes one row, its menu opens and closes, and a case is on the first screen', async () => {
  const server = await serve('/');
  const browser = await openBrowser({ worker: WORKER });
  try {
    const page = await browser.page();
    await createCase(page, server.url, 'Ana Ruiz');
    for (const [language, menu, cases, overview] of [['English', 'Menu', 'Cases', 'Overview'], ['Español', 'Menú', 'Casos', 'Resumen'], ['Français', 'Menu', 'Dossiers', 'Vue d’ensemble']]) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(server.url + '#/');
      await page.locator('#language').selectOption({ label: language });
      await page.getByRole('row').nth(1).waitFor();
      const wide = await box(page.locator('header.app-header'));
      assert.ok(wide.height <= 72, `${language} at 1280 px: the header is one row (${wide.height} px)`);

      await page.setViewportSize({ width: 360, height: 740 });
      const header = await box(page.locator('header.app-header'));
      assert.ok(header.height <= 72, `${language} at 360 px: the header is one row (${header.height} px)`);
      const row = await box(page.getByRole('row').nth(1));
      assert.ok(row.top < 740, `${language} at 360 px: the first case starts on the first screen (${row.top} px)`);
      // The places to go are behind Menu, and Lock now stays in view.
      const nav = page.getByRole('navigation', { name: /./ }).filter({ has: page.getByRole('link', { name: overview }) });
      assert.equal(await nav.isVisible(), false, 'the menu starts closed');
      assert.ok(await page.getByRole('button', { name: /Lock now|Bloquear|Verrouiller/ }).isVisible(), 'Lock now stays in view');
      const toggle = page.getByRole('button', { name: menu, exact: true });
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await nav.getByRole('link', { name: overview }).click();
      await page.waitForURL(/#\/overview$/);
      assert.equal(await nav.isVisible(), false, 'a choice closes the menu');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      // Escape closes it too, and the keyboard is back on Menu.
      await toggle.click();
      await nav.getByRole('link', { name: cases, exact: true }).focus();
      await page.keyboard.press('Escape');
      assert.equal(await nav.isVisible(), false);
      await page.waitForFunction(() => document.activeElement?.id === 'app-menu-toggle');
      await page.locator('#language').waitFor({ state: 'hidden' });
    }
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('on a phone the plan\'s steps fold behind a button naming the step on screen', async () => {
  const server = await serve('/');
  const browser = await openBrowser({ worker: WORKER });
  try {
    const page = await browser.page();
    const plan = await createCase(page, server.url, 'Ana Ruiz');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${plan}child`);
    const steps = page.getByRole('navigation', { name: 'Plan sections' });
    const picker = steps.getByRole('button', { name: /^Step 3 of 15: Child/ });
    await picker.waitFor();
    assert.match(await picker.innerText(), /In progress|Not started|Needs attention|Complete/, 'it says how far the step is');
    assert.equal(await steps.getByRole('link').first().isVisible(), false, 'the steps start folded');
    const top = await box(page.getByRole('heading', { level: 2, name: 'Child' }));
    assert.ok(top.top < 740, `the step's heading is on the first screen (${top.top} px)`);
    await picker.click();
    assert.equal(await steps.getByRole('link').count(), 15);
    for (let i = 0; i < 15; i++) assert.ok(await steps.getByRole('link').nth(i).isVisible(), `step ${i + 1} in view once opened`);
    await steps.getByRole('link', { name: /^Monitoring visits/ }).click();
    await page.waitForURL(/plan\/monitoring$/);
    await steps.getByRole('button', { name: /^Step 10 of 15: Monitoring visits/ }).waitFor();
    assert.equal(await steps.getByRole('link').first().isVisible(), false, 'a choice folds the steps');
    // At 1280 px the steps are a list beside the form, with no button.
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await steps.getByRole('button').isVisible(), false);
    assert.ok(await steps.getByRole('link').first().isVisible());
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
