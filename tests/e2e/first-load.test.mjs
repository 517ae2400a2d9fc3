// The first load shows the case list by itself and fetches the rest of Homeward behind it.
// When the rest cannot be fetched (offline before it was ever stored), a page that needs it
// says so, the case list still works, and the page opens once the rest can be had.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, openBrowser, WORKER } from './harness.mjs';
import { startServer } from './server.mjs';

const WHOLE_APP = '**/homeward_app_bg.wasm';

test('a page opened while the rest of Homeward cannot be fetched says so, leads to the list, and opens later', async () => {
  const server = await startServer({ root: DIST, base: '/first-load/' });
  const browser = await openBrowser({ worker: WORKER });
  try {
    const page = await browser.page();
    // A worker's workspace is made with the whole app (the opening screens need it). Then every
    // stored copy of Homeward is forgotten, as when the browser's cache is cleared, and the rest
    // of it cannot be fetched: the first load alone, from the network.
    await page.goto(server.url);
    await page.evaluate(async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      for (const key of await caches.keys()) await caches.delete(key);
    });
    await browser.context.route(WHOLE_APP, (route) => route.abort('internetdisconnected'));
    // Straight to another page (unlocking on the first load's own form): nothing of the list is
    // drawn, so the failure must draw something.
    await page.evaluate(() => { location.hash = '#/overview'; });
    await page.reload();
    await page.getByRole('alert').getByText('This page could not be loaded').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.getByRole('link', { name: 'New case' }).first().waitFor();

    // From the list: the same message, and nothing else lost.
    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('alert').getByText('This page could not be loaded').waitFor();

    // Connected again: the next move fetches the rest and shows the page.
    await browser.context.unroute(WHOLE_APP);
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    assert.equal(await page.getByText('This page could not be loaded').count(), 0);
    const unexpected = browser.errors.filter((e) => !/could not load the rest|homeward_app_bg\.wasm|Failed to load resource|Failed to fetch|WebAssembly/i.test(e));
    assert.deepEqual(unexpected, []);
    assert.deepEqual(browser.outside, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
