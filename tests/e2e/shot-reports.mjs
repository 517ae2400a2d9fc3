import { serve, openBrowser, WORKER, field } from './harness.mjs';
const server = await serve('/');
const browser = await openBrowser({ worker: WORKER, locale: process.env.LOC || 'en-US' });
const page = await browser.page();
await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
await page.goto(`${server.url}#/import`);
await page.locator('#import-file').setInputFiles('/work/main/tests/fixtures/report-caseload.json');
await page.locator('button.primary').first().click();
await page.waitForTimeout(1500);
await page.locator('.preview button.primary').click();
await page.waitForTimeout(1500);
await page.goto(`${server.url}#/reports`);
await page.locator('#report-period').selectOption('last_quarter');
await page.waitForTimeout(800);
for (const [w, h] of [[1280, 900], [360, 740]]) {
  await page.setViewportSize({ width: w, height: h });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/reports-${w}${process.env.LOC ? '-' + process.env.LOC : ''}.png`, fullPage: true });
}
await page.emulateMedia({ media: 'print' });
await page.pdf?.({ path: '/tmp/shots/reports.pdf', format: 'A4' }).catch(() => {});
await browser.close(); await server.close();
