// Text boxes show what was written (issue 22, point 2): a box that holds a sentence or a
// paragraph wraps its text and grows with it, on a phone too, so a worker reads the whole
// service or need without scrolling inside a one-line box; an empty box stays one line high.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, group, createCase } from './harness.mjs';

const app = withApp('/');

const LONG = 'Weekly trauma-focused counselling with the same counsellor, at the clinic near school, '
  + 'after classes on Thursdays; transport paid by the project until the family can take it over.';
const NOTES = Array.from({ length: 12 }, (_, i) => `Visit check ${i + 1}: safety, school, sleep, contact with mother.`).join('\n');

// [plan step, the item's group or null, the box's label, the text]
const BOXES = [
  ['child', null, 'Languages', `Quechua at home, Spanish at school; ${LONG}`],
  ['child', null, 'Current care setting', `Hogar Santa María residential home; ${LONG}`],
  ['household', 'Person 1', 'Name', `Rosa and Miguel Hernández, maternal grandparents; ${LONG}`],
  ['needs', 'Need 1', 'Protection need', LONG],
  ['services', 'Service 1', 'Service', LONG],
  ['actions', 'Action 1', 'Action', LONG],
  ['participation', null, 'How the child was consulted', LONG],
  ['referrals', 'Referral 1', 'Referred to', `Centro de Salud Mental Comunitario; ${LONG}`],
  ['monitoring', null, 'Monitoring notes', NOTES],
  ['safety-plan', 'Person or place 1', 'Who or where', `The school counsellor, Ms Ortega, in the office beside the library; ${LONG}`],
];
const ADD = { 'Person 1': 'Add a person', 'Need 1': 'Add a need', 'Service 1': 'Add a service', 'Action 1': 'Add an action', 'Referral 1': 'Add a referral', 'Person or place 1': 'Add a person or place' };

/** How the box shows its text: cut off sideways or below, and its height. */
const showing = (box) => box.evaluate((e) => ({
  tag: e.tagName.toLowerCase(),
  cutSideways: e.scrollWidth > e.clientWidth + 1,
  cutBelow: e.scrollHeight > e.clientHeight + 1,
  height: e.getBoundingClientRect().height,
}));

test('on a phone, every box for a sentence or a paragraph shows all its text, and an empty one is one line', async () => {
  const page = await app.browser.page();
  await page.setViewportSize({ width: 360, height: 740 });
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  for (const [step, item, label, text] of BOXES) {
    await page.goto(`${plan}${step}`);
    if (item) await page.getByRole('button', { name: ADD[item] }).click();
    const box = field(item ? group(page, item) : page, label);
    await box.waitFor();
    if (label !== 'Monitoring notes') {
      const empty = await showing(box);
      assert.ok(empty.height <= 50, `${label}: an empty box is one line high (${empty.height} px)`);
    }
    await box.fill(text);
    const full = await showing(box);
    assert.ok(!full.cutSideways && !full.cutBelow, `${label} (${full.tag}): every word shows ${JSON.stringify(full)}`);
  }
  await saved(page);
  // Read again, the boxes are as high as their text at once.
  for (const [step, item, label, text] of BOXES) {
    await page.goto(`${plan}${step}`);
    const box = field(item ? group(page, item) : page, label);
    assert.equal(await box.inputValue(), text);
    const shown = await showing(box);
    assert.ok(!shown.cutSideways && !shown.cutBelow, `${label} after a reload: every word shows ${JSON.stringify(shown)}`);
  }
});
