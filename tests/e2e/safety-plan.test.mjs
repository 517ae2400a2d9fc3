// The safety plan (issue 21, point 3): its own step, filled in by label and kept; checked (who
// to turn to is named, the review after the agreement); its review falls due like any deadline;
// reaching the "safety and monitoring plan in place" milestone offers to link it, and the link
// shows on the milestone, the step and the print view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, group, saved, createCase } from './harness.mjs';

const app = withApp('/');

/** A day from today as the date box takes it. */
function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('the safety plan is filled in by label, checked, kept, falls due and is printed', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}safety-plan`);
  await page.getByRole('heading', { level: 2, name: 'Safety plan' }).waitFor();
  await page.getByRole('link', { name: /^Safety plan Not started$/ }).waitFor();
  await page.getByText('No one to turn to recorded yet.').waitFor();

  await field(page, 'Risks and warning signs').fill('Her stepfather coming back. Warning sign: his car in the street.');
  await field(page, 'What the caregivers agreed to do').fill('Rosa keeps the door locked and calls the police.');
  await page.getByRole('button', { name: 'Add a person or place' }).click();
  const first = group(page, 'Person or place 1');
  // A way to reach someone with no one named is pointed out once the worker moves on.
  await field(first, 'How the child reaches them').fill('555 0101');
  await field(first, 'Who or where').focus();
  await field(first, 'How the child reaches them').focus();
  await first.getByText('Say who or where the child can turn to, or remove it.').waitFor();
  await field(first, 'Who or where').fill('Aunt Marta, next door');
  await first.getByText('Say who or where').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Add a person or place' }).click();
  await field(group(page, 'Person or place 2'), 'Who or where').fill('The parish hall');
  await field(group(page, 'Person or place 2'), 'How the child reaches them').fill('Two streets down, open until nine');
  await field(page, 'Who checks it is followed').fill('Ana Ruiz, at each visit');

  // The review must come after the agreement.
  await field(page, 'Agreed on').fill(day(-8));
  await field(page, 'Review the safety plan on').fill(day(-9));
  await field(page, 'Agreed on').focus();
  await page.getByText(/^The review must come after the plan is agreed/).waitFor();
  await page.getByRole('link', { name: /^Safety plan Needs attention$/ }).waitFor();
  await field(page, 'Review the safety plan on').fill(day(3));
  await page.getByText(/^The review must come after the plan is agreed/).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: /^Safety plan Complete$/ }).waitFor();
  await saved(page);

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Safety plan' }).waitFor();
  assert.equal(await field(page, 'Risks and warning signs').inputValue(), 'Her stepfather coming back. Warning sign: his car in the street.');
  assert.equal(await field(group(page, 'Person or place 1'), 'Who or where').inputValue(), 'Aunt Marta, next door');
  assert.equal(await field(group(page, 'Person or place 2'), 'How the child reaches them').inputValue(), 'Two streets down, open until nine');
  assert.equal(await field(page, 'Review the safety plan on').inputValue(), day(3));
  await page.getByText('Checklist milestone “Safety and monitoring plan in place”: Not reached.').waitFor();

  // Its review falls due like any deadline: on the overview, leading back to the step.
  await page.goto(`${app.server.url}#/overview`);
  const due = page.getByRole('row').filter({ hasText: 'Safety plan review' });
  await due.waitFor();
  await due.getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: 'Safety plan' }).waitFor();

  // Reaching the milestone offers to link the plan; the link is kept and shown.
  const caseUrl = plan.replace(/plan\/$/, '');
  await page.goto(`${caseUrl}checklist`);
  const card = page.getByRole('article', { name: /Safety and monitoring plan in place/ });
  await field(card, 'Milestone status').selectOption({ label: 'Reached' });
  await card.getByText('This case has a safety plan.').waitFor();
  await card.getByRole('button', { name: 'Link the safety plan to this milestone' }).click();
  await card.getByText('Backed by the safety plan.').waitFor();
  await saved(page);
  await page.reload();
  await card.getByText('Backed by the safety plan.').waitFor();
  await card.getByRole('link', { name: 'Open the safety plan' }).click();
  await page.getByText('Checklist milestone “Safety and monitoring plan in place”: reached, backed by this safety plan.').waitFor();

  // The history names the step; the print view has the plan and the milestone's backing.
  await page.goto(`${caseUrl}history`);
  const entry = page.locator('.timeline-entry', { has: page.locator('strong', { hasText: /^Safety plan$/ }) }).first();
  await entry.waitFor();
  await page.goto(`${caseUrl}print`);
  const printed = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Safety plan' }) });
  const text = (await printed.innerText()).replaceAll('\u00a0', ' ');
  for (const part of ['Her stepfather coming back.', 'Rosa keeps the door locked', 'Aunt Marta, next door: 555 0101\nThe parish hall: Two streets down', 'Ana Ruiz, at each visit']) {
    assert.ok(text.includes(part), `printed: ${part}\n${text}`);
  }
  const milestones = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }) });
  assert.match((await milestones.innerText()).replaceAll('\u00a0', ' '), /Backed by\s+The safety plan\. Agreed on /);
});

test('a milestone reached with no safety plan written says so and leads to the step', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(plan.replace(/plan\/$/, 'checklist'));
  const card = page.getByRole('article', { name: /Safety and monitoring plan in place/ });
  await field(card, 'Milestone status').selectOption({ label: 'Reached' });
  await card.getByText('No safety plan is written for this case yet.').waitFor();
  assert.equal(await card.getByRole('button', { name: /Link the safety plan/ }).count(), 0);
  await card.getByRole('link', { name: 'Write the safety plan' }).click();
  await page.getByRole('heading', { level: 2, name: 'Safety plan' }).waitFor();
  await page.getByText('Checklist milestone “Safety and monitoring plan in place”: Reached.').waitFor();
});
