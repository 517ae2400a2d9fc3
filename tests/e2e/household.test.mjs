// The household and family (issue 21, point 1): the people around the child, filled in by
// label, kept after a reload; the placement's caregivers chosen among them; named in the history
// and the print view; and the caregivers an earlier version kept as one text taken into the
// household only when the worker says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { withApp, field, group, saved, createCase } from './harness.mjs';

const app = withApp('/');
const dir = await mkdtemp(join(tmpdir(), 'homeward-household-'));

test('the household is filled in by label, kept, chooses the caregivers, and is in the history and the print view', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}household`);
  await page.getByRole('heading', { level: 2, name: 'Household and family' }).waitFor();
  await page.getByText('No one in the household or family recorded yet.').waitFor();

  // By keyboard: the new person's first box takes the keyboard.
  await page.getByRole('button', { name: 'Add a person' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id.endsWith('-name'));
  const rosa = group(page, 'Person 1');
  await field(rosa, 'Name').fill('Rosa Gómez');
  await field(rosa, 'Relationship to the child').selectOption({ label: 'Grandparent' });
  await field(rosa, 'Sex').selectOption({ label: 'Female' });
  await field(rosa, 'Date of birth').fill('1958-04-02');
  await field(rosa, 'Lives with the child').check();
  await field(rosa, 'Contact').fill('+51 84 000 111');
  await field(rosa, 'Notes').fill('Raised Lucía until she was six.');

  // A person with neither a name nor a relationship is pointed out once the worker moves on.
  await page.getByRole('button', { name: 'Add a person' }).click();
  const second = group(page, 'Person 2');
  await field(second, 'Name').focus();
  await field(second, 'Estimated age in years').focus();
  await second.getByText("Give the person's name or their relationship to the child, or remove them.").waitFor();
  await field(second, 'Relationship to the child').selectOption({ label: 'Brother or sister' });
  await field(second, 'Estimated age in years').fill('16');
  await second.getByText("Give the person's name").waitFor({ state: 'detached' });
  await saved(page);

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Household and family' }).waitFor();
  assert.equal(await field(group(page, 'Person 1'), 'Name').inputValue(), 'Rosa Gómez');
  assert.equal(await field(group(page, 'Person 1'), 'Relationship to the child').inputValue(), 'grandparent');
  assert.equal(await field(group(page, 'Person 1'), 'Date of birth').inputValue(), '1958-04-02');
  assert.equal(await field(group(page, 'Person 1'), 'Lives with the child').isChecked(), true);
  assert.equal(await field(group(page, 'Person 1'), 'Notes').inputValue(), 'Raised Lucía until she was six.');
  assert.equal(await field(group(page, 'Person 2'), 'Estimated age in years').inputValue(), '16');
  await page.getByRole('link', { name: /^Household and family Complete$/ }).waitFor();

  // The placement's caregivers are ticked among them.
  await page.getByRole('link', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 2, name: 'Placement' }).waitFor();
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await field(page, 'Planned placement date').fill('2027-01-20');
  const carers = group(page, 'Who will care for the child');
  assert.deepEqual(await carers.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.labels[0].textContent)),
    ['Rosa Gómez (Grandparent)', 'Brother or sister']);
  await field(carers, 'Rosa Gómez (Grandparent)').check();
  await page.getByRole('link', { name: /^Placement Complete$/ }).waitFor();
  await saved(page);
  await page.goto(`${plan}household`);
  assert.equal(await field(group(page, 'Person 1'), 'Cares for the child').inputValue(), 'planned');

  // Removing a caregiver takes the mark along; the undo brings both back.
  await page.getByRole('button', { name: 'Remove: person 1' }).click();
  await page.getByText('Person 1 removed.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await field(group(page, 'Person 1'), 'Cares for the child').inputValue(), 'planned');
  await saved(page);

  // Whoever is responsible for an action can be one of the family.
  await page.goto(`${plan}actions`);
  await page.getByRole('button', { name: 'Add an action' }).click();
  const options = await page.locator(`#${await field(group(page, 'Action 1'), 'Who is responsible').getAttribute('list')} option`).evaluateAll((o) => o.map((e) => e.value));
  assert.ok(options.includes('Rosa Gómez'), `offered: ${options}`);
  await page.getByRole('button', { name: 'Remove: action 1' }).click();
  await saved(page);

  const caseUrl = plan.replace(/plan\/$/, '');
  await page.goto(`${caseUrl}history`);
  const entry = page.locator('.timeline-entry', { has: page.locator('strong', { hasText: /^Household and family$/ }) }).first();
  await entry.waitFor();
  assert.match(await entry.innerText(), /Rosa Gómez/);

  await page.goto(`${caseUrl}print`);
  const household = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Household and family' }) });
  await household.getByRole('heading', { level: 3, name: 'Rosa Gómez (Grandparent)' }).waitFor();
  // Names and dates are kept whole on paper, with spaces that do not break.
  const printed = (await household.innerText()).replaceAll('\u00a0', ' ');
  for (const text of ['Lives with the child', 'Will care for the child', '+51 84 000 111', 'Raised Lucía until she was six.', 'Brother or sister', '16 years']) {
    assert.ok(printed.includes(text), `printed: ${text}\n${printed}`);
  }
  const placement = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Placement' }) });
  assert.match((await placement.innerText()).replaceAll('\u00a0', ' '), /Caregivers\s+Rosa Gómez \(Grandparent\)/);
});

test('caregivers an earlier version wrote as text stay as written until the worker adds them to the household; files travel with the household', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  const id = plan.match(/cases\/([0-9a-f-]{36})\//)[1];
  await page.goto(`${plan}child`);
  await field(page, "Child's name").fill('Koffi Mensah');
  await saved(page);

  // The case as a format-2 file from a colleague's older Homeward: caregivers as one text.
  await page.goto(app.server.url + '#/export');
  await page.getByLabel('Export without encryption (training with fictional cases only)').check();
  await page.getByLabel('These cases are fictional').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases? without encryption$/ }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.format_version, 3);
  const stored = exported.cases.find((c) => c.id === id);
  const older = structuredClone(stored);
  delete older.plan.household;
  older.plan.placement.caregivers = 'Akosua and Kwame Mensah';
  older.plan.placement.relationship = 'Aunt and uncle';
  older.revision += 1;
  older.version = randomUUID();
  older.exchanged = [...stored.exchanged, stored.version, older.version];
  const file = join(dir, 'format-2.json');
  await writeFile(file, JSON.stringify({ format: 'homeward-export', format_version: 2, app_version: '0.9.0', exported_at: new Date().toISOString(), cases: [older] }));
  await page.goto(app.server.url + '#/import');
  await page.getByLabel('Export file').setInputFiles(file);
  await field(page, 'Passphrase').fill('');
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByText(/^0 new · 1 newer/).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported: 1 /).waitFor();

  await page.goto(`${plan}placement`);
  await page.getByRole('heading', { level: 2, name: 'Placement' }).waitFor();
  assert.equal(await field(page, 'Caregivers, as written before').inputValue(), 'Akosua and Kwame Mensah');
  assert.equal(await field(page, 'Relationship to the child').inputValue(), 'Aunt and uncle');
  await group(page, 'Who will care for the child').getByText('No one in the household or family is recorded yet.').waitFor();
  await page.getByRole('button', { name: 'Add to the household' }).click();
  await page.getByText('Added to the household and family as one person, who will care for the child.', { exact: false }).waitFor();
  assert.equal(await field(page, 'Akosua and Kwame Mensah').isChecked(), true);
  assert.equal(await page.getByLabel('Caregivers, as written before').count(), 0);
  await saved(page);
  await page.goto(`${plan}household`);
  const person = group(page, 'Person 1');
  assert.equal(await field(person, 'Name').inputValue(), 'Akosua and Kwame Mensah');
  assert.equal(await field(person, 'Notes').inputValue(), 'Aunt and uncle');
  assert.equal(await field(person, 'Cares for the child').inputValue(), 'planned');
  assert.equal(await page.getByRole('group', { name: /^Person \d/ }).count(), 1, 'one person, never split by a guess');

  // Exported again, the household is in the file.
  await page.goto(app.server.url + '#/export');
  await page.getByLabel('Export without encryption (training with fictional cases only)').check();
  await page.getByLabel('These cases are fictional').check();
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases? without encryption$/ }).click()]);
  const document = JSON.parse(await readFile(await again.path(), 'utf8'));
  const inFile = document.cases.find((c) => c.id === id);
  assert.deepEqual(inFile.plan.household.map((p) => [p.name, p.caregiver]), [['Akosua and Kwame Mensah', 'planned']]);
  assert.equal(inFile.plan.placement.caregivers, '');
});
