// Export files: a round trip through an encrypted file, the stock `age` tool opening Homeward's
// files and Homeward opening the tool's, conflicts decided three ways, and every bad file
// refused with the database left exactly as it was.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { withApp, field, saved, casesAsExported, WORKER, storedAsJson } from './harness.mjs';

const app = withApp('/tools/homeward/');
const PASS = 'river lamp quick dolphin';
const HOSTILE = '<img src=x onerror="document.title=\'owned\'">';
let dir;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'homeward-files-')); });

const byId = (a, b) => a.id.localeCompare(b.id);

/**
 * The records of `stores` (every store if none is named) of the workspace's database, as
 * IndexedDB holds them: sealed, their bytes as base64, in one read-only transaction, as one
 * text. What "nothing written" compares, byte for byte: a record written again, even the same
 * case, is sealed with a fresh IV. The whole cases, as stored, are read with `casesAsExported`.
 */
const sealed = async (page, stores = null) => {
  const stored = JSON.parse(await storedAsJson(page, await app.browser.database(page), stores));
  return JSON.stringify(Object.fromEntries(stored.stores.map(([store, [, records]]) => [store, records])));
};

/** The records of one store of the workspace's database, as stored (sealed), in id order. */
const records = async (page, store) => JSON.parse(await sealed(page, [store]))[store].sort(byId);

/**
 * What a sealed case keeps in clear beside its ciphertext (its id and bookkeeping: `revision`,
 * `version`, `exchanged`), of stored records or of a file's cases: how a test sees, without
 * exporting again, which versions an export recorded as exchanged.
 */
const bookkeeping = (cases) => [...cases].sort(byId).map(({ id, revision, version, exchanged }) => ({ id, revision, version, exchanged }));

/** Runs the stock `age` tool, typing the passphrase into its terminal prompt. */
function ageCli(args, answers) {
  const command = ['age', ...args].map((a) => `'${a}'`).join(' ');
  execFileSync('script', ['-qec', command, '/dev/null'], { input: answers.map((a) => a + '\n').join(''), timeout: 60_000 });
}

async function createCase(page, child, pathway) {
  await page.goto(app.server.url + '#/cases/new');
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  await field(page, "Child's name").fill(child);
  await field(page, "Case worker's name").fill('Ana Ruiz');
  await field(page, 'Planned placement').selectOption({ label: pathway });
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  await field(page, 'Plan start date').fill('2026-11-02');
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Checklist and milestones' }).click();
  await page.getByRole('checkbox', { name: 'Life skills training', exact: true }).click();
  await saved(page);
}

async function exportAll(page, passphrase = PASS) {
  await page.goto(app.server.url + '#/export');
  await field(page, 'Passphrase').fill(passphrase);
  await field(page, 'Repeat the passphrase').fill(passphrase);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases?, encrypted$/ }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await page.getByText(/^Saved homeward-/).waitFor();
  return { path, name: download.suggestedFilename() };
}

async function openFile(page, path, passphrase = PASS) {
  await page.goto(app.server.url + '#/import');
  await page.getByLabel('Export file').setInputFiles(path);
  await field(page, 'Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Open file' }).click();
}

let exported;
let before_export;

test('cases are exported into an age file that the stock age tool decrypts', async () => {
  const page = await app.browser.page();
  await createCase(page, `Lucía ${HOSTILE}`, 'Kinship care');
  await createCase(page, 'Tomás', 'Foster care');
  await createCase(page, 'Amara', 'Independent living');

  // A weak passphrase is refused with its reason; nothing is saved.
  await page.goto(app.server.url + '#/export');
  await page.getByText('3 of 3 chosen').waitFor();
  await page.getByLabel(new RegExp(`Lucía <img`)).waitFor();
  await field(page, 'Passphrase').fill('password1234');
  await page.getByText('Strength: Weak').waitFor();
  await field(page, 'Repeat the passphrase').fill('password1234');
  await page.getByRole('button', { name: 'Export 3 cases, encrypted' }).click();
  await page.getByText('one of the first that anyone would try').waitFor();
  await field(page, 'Passphrase').fill(PASS);
  await field(page, 'Repeat the passphrase').fill(PASS + 'x');
  await page.getByRole('button', { name: 'Export 3 cases, encrypted' }).click();
  await page.getByText('The two passphrases are not the same.').waitFor();

  exported = await exportAll(page);
  assert.match(exported.name, /^homeward-3-cases-\d{4}-\d{2}-\d{2}\.age$/);
  const bytes = await readFile(exported.path);
  assert.equal(bytes.subarray(0, 22).toString(), 'age-encryption.org/v1\n');
  assert.match(bytes.toString('latin1'), /-> scrypt \S+ 18\n/, 'work factor 18, as stock age');
  // What the export recorded in the stored cases, read before anything else is exported.
  const recorded = bookkeeping(await records(page, 'cases'));
  // The stored cases, whole. Exporting them again records nothing new: the versions just
  // exported are already among those exchanged, so `exchanged` is compared too.
  before_export = await casesAsExported(page, app.server.url);

  const plain = join(dir, 'decrypted.json');
  ageCli(['-d', '-o', plain, exported.path], [PASS]);
  const document = JSON.parse(await readFile(plain, 'utf8'));
  assert.equal(document.format, 'homeward-export');
  assert.equal(document.format_version, 3);
  assert.equal(document.cases.length, 3);
  assert.deepEqual(bookkeeping(document.cases), recorded, 'the versions in the file are recorded as exchanged in the stored cases');
  assert.deepEqual(before_export, [...document.cases].sort(byId), 'the file holds the cases exactly as stored');
});

test('bad files are refused with a clear message and change nothing', async () => {
  const page = await app.browser.page();
  const bytes = await readFile(exported.path);
  const cases = JSON.parse(await readFile(join(dir, 'decrypted.json'), 'utf8'));
  const files = {
    'wrong.age': [bytes, 'The passphrase is not the one this file was encrypted with', 'wrong horse battery staple'],
    'notes.txt': [Buffer.from('Meeting notes, not an export'), 'not an encrypted Homeward export'],
    'truncated.age': [bytes.subarray(0, Math.floor(bytes.length / 2)), 'This file is damaged'],
    'tampered.age': [Buffer.from(bytes.map((b, i) => (i === bytes.length - 40 ? b ^ 1 : b))), 'This file is damaged'],
    'newer.json': [Buffer.from(JSON.stringify({ ...cases, format_version: 99 })), 'made by a newer Homeward'],
  };
  // The same newer document, encrypted by the stock tool.
  await writeFile(join(dir, 'newer-plain.json'), JSON.stringify({ ...cases, format_version: 99 }));
  ageCli(['-p', '-o', join(dir, 'newer.age'), join(dir, 'newer-plain.json')], [PASS, PASS]);
  // A valid age file, made by the stock tool, whose content is not an export.
  await writeFile(join(dir, 'shopping.txt'), 'rice, beans, soap');
  ageCli(['-p', '-o', join(dir, 'shopping.age'), join(dir, 'shopping.txt')], [PASS, PASS]);
  // Too large: refused from its size, before it is read.
  await writeFile(join(dir, 'huge.age'), '');
  await truncate(join(dir, 'huge.age'), 201 * 1024 * 1024);
  for (const [name, [content, message, pass]] of Object.entries(files)) await writeFile(join(dir, name), content);
  // Every store of the workspace's database, byte for byte.
  const database_before = await sealed(page);
  for (const [name, message, pass] of [
    ...Object.entries(files).map(([name, [, message, pass]]) => [name, message, pass]),
    ['shopping.age', 'not a Homeward export'],
    ['newer.age', 'made by a newer Homeward'],
    ['huge.age', 'the limit is 200 MB'],
  ]) {
    await openFile(page, join(dir, name), pass ?? PASS);
    await page.locator('#import-outcome .error-box').getByText(message).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).count(), 0, `${name}: no preview`);
    assert.equal(await sealed(page), database_before, `${name} changed nothing`);
  }
});

test('export all, delete them, import: every field is back exactly', async () => {
  const page = await app.browser.page();
  for (let i = 0; i < 3; i++) {
    await page.goto(app.server.url);
    await page.locator('.case-table tbody th a').first().click();
    await page.getByRole('button', { name: 'Delete case' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Delete case/ }).click();
    await page.getByText(/was deleted from this device/).waitFor();
  }
  assert.deepEqual(await records(page, 'cases'), []);

  // Deleted here: they come back only if the worker says so, case by case. Deleted by the
  // worker whose workspace this is.
  await openFile(page, exported.path);
  await page.getByRole('heading', { name: 'What this file would change' }).waitFor();
  await page.getByText('0 new · 0 newer · 0 changed on both sides · 0 identical · 0 older · 3 deleted on this device').waitFor();
  assert.equal(await page.locator('.preview-what').getByText(new RegExp(`^Deleted on this device on .+ by ${WORKER.name}: you decide$`)).count(), 3);
  await page.getByText('Decide whether to bring back the 3 cases deleted on this device.').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // The first decision to make takes focus.
  await page.waitForFunction(() => document.activeElement?.id.endsWith('-mine'));
  for (const option of await page.getByRole('radio', { name: 'Keep it deleted' }).all()) await option.check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported: nothing needed changing.').waitFor();
  assert.deepEqual(await records(page, 'cases'), [], 'kept deleted');

  await openFile(page, exported.path);
  await page.getByText('0 new · 0 newer · 0 changed on both sides · 0 identical · 0 older · 3 deleted on this device').waitFor();
  // Hostile text in a file is shown as text in the preview too.
  await page.locator('.preview-title').getByText(`(Lucía ${HOSTILE})`, { exact: false }).waitFor();
  for (const option of await page.getByRole('radio', { name: 'Bring it back' }).all()) await option.check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported: 3 brought back after being deleted here.').waitFor();
  // Hostile text stays text, in the case list the import goes to.
  await page.getByRole('cell', { name: `Lucía ${HOSTILE}` }).waitFor();
  assert.notEqual(await page.title(), 'owned');
  assert.deepEqual(await records(page, 'tombstones'), [], 'brought back, they are no longer deleted');
  // Brought back as the file holds them, their versions already recorded as exchanged: reading
  // them through an export records nothing new, so `exchanged` is compared too.
  assert.deepEqual(await casesAsExported(page, app.server.url), before_export);
  assert.notEqual(await page.title(), 'owned');
});

test('files made with age -p, binary or armored, import and find the same cases identical', async () => {
  const page = await app.browser.page();
  const viaCli = join(dir, 'from-age-cli.age');
  ageCli(['-p', '-o', viaCli, join(dir, 'decrypted.json')], [PASS, PASS]);
  await openFile(page, viaCli);
  await page.getByText('0 new · 0 newer · 0 changed on both sides · 3 identical · 0 older').waitFor();
  // The text form, `age -a`, opens as well.
  const armored = join(dir, 'from-age-cli-armored.age');
  ageCli(['-a', '-p', '-o', armored, join(dir, 'decrypted.json')], [PASS, PASS]);
  assert.match(await readFile(armored, 'utf8'), /^-----BEGIN AGE ENCRYPTED FILE-----/);
  await openFile(page, armored);
  await page.getByText('0 new · 0 newer · 0 changed on both sides · 3 identical · 0 older').waitFor();
});

test('changes on both sides: keep mine, take theirs, keep both', async () => {
  const page = await app.browser.page();
  const stored = await casesAsExported(page, app.server.url);
  // The colleague's side: each case edited after the exchange, as their Homeward would.
  const theirs = stored.map((c) => {
    const next = structuredClone(c);
    next.plan.child.languages = `Theirs for ${c.plan.child.name.split(' ')[0]}`;
    next.revision += 1;
    next.version = randomUUID();
    next.exchanged = [...c.exchanged, next.version];
    return next;
  });
  const file = join(dir, 'theirs.json');
  await writeFile(file, JSON.stringify({ format: 'homeward-export', format_version: 1, app_version: 'test', exported_at: new Date().toISOString(), cases: theirs }));
  // This side: each case edited too.
  for (const c of stored) {
    await page.goto(`${app.server.url}#/cases/${c.id}/plan/child`);
    await field(page, 'Languages').fill(`Mine for ${c.plan.child.name.split(' ')[0]}`);
    await saved(page);
  }
  const name = (c) => c.plan.child.name.split(' ')[0];
  await openFile(page, file, '');
  await page.getByText('0 new · 0 newer · 3 changed on both sides · 0 identical · 0 older').waitFor();
  // Nothing is written while a conflict is undecided.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Decide what to do with the 3 cases changed on both sides.').waitFor();
  const choose = { Lucía: 'Keep mine', Tomás: 'Take theirs', Amara: 'Keep both (theirs as a copy)' };
  for (const c of stored) {
    await page.getByRole('group', { name: new RegExp(`^What to do with .*${name(c)}`) }).getByLabel(choose[name(c)]).check();
  }
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported: 1 replaced by theirs, 1 added as a copy.').waitFor();

  const after = await casesAsExported(page, app.server.url);
  const languages = (who) => after.filter((c) => c.plan.child.name.startsWith(who)).map((c) => c.plan.child.languages).sort();
  assert.deepEqual(languages('Lucía'), ['Mine for Lucía']);
  assert.deepEqual(languages('Tomás'), ['Theirs for Tomás']);
  assert.deepEqual(languages('Amara'), ['Mine for Amara', 'Theirs for Amara']);
  assert.ok(after.some((c) => c.case_number.endsWith('-copy')));
  assert.deepEqual(app.browser.errors, []);
  assert.deepEqual(app.browser.outside, []);
});

test('a case deleted in another tab after the preview: nothing is imported, and the message says why', async () => {
  const page = await app.browser.page();
  const stored = await casesAsExported(page, app.server.url);
  // The colleague's newer version of every case here.
  const theirs = stored.map((c) => {
    const next = structuredClone(c);
    next.plan.child.languages = 'Newer from a colleague';
    next.revision += 1;
    next.version = randomUUID();
    next.exchanged = [...c.exchanged, c.version, next.version];
    return next;
  });
  const file = join(dir, 'newer.json');
  await writeFile(file, JSON.stringify({ format: 'homeward-export', format_version: 2, app_version: 'test', exported_at: new Date().toISOString(), cases: theirs }));
  await openFile(page, file, '');
  await page.getByText(`0 new · ${stored.length} newer · 0 changed on both sides · 0 identical · 0 older`).waitFor();

  const other = await app.browser.context.newPage();
  await other.goto(`${app.server.url}#/cases/${stored[0].id}/plan/case`);
  await other.getByRole('button', { name: 'Delete case' }).click();
  await other.getByRole('dialog').getByRole('button', { name: /^Delete case/ }).click();
  await other.getByText(/was deleted from this device/).waitFor();
  await other.close();
  // The cases and the deletions as stored, sealed, byte for byte.
  const [cases, tombstones] = [await sealed(page, ['cases']), await sealed(page, ['tombstones'])];

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Nothing was imported: a case in this file was changed or deleted in another tab after the preview. Open the file again to see what it would change now.').waitFor();
  assert.equal(await sealed(page, ['cases']), cases, 'nothing written');
  assert.equal(await sealed(page, ['tombstones']), tombstones, 'the deleted case stays deleted');
});

test('a case changed in another tab while the passphrase is typed goes into the file as it is now', async () => {
  // The export page reads the cases as it opens; a change saved after that must not be lost.
  const page = await app.browser.page();
  const other = await app.browser.context.newPage();
  other.setDefaultTimeout(10_000);
  const exportNow = async (path) => {
    await field(page, 'Passphrase').fill(PASS);
    await field(page, 'Repeat the passphrase').fill(PASS);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases?, encrypted$/ }).click()]);
    await download.saveAs(path);
    await page.getByText(/^Saved homeward-/).waitFor();
    ageCli(['-d', '-o', `${path}.json`, path], [PASS]);
    return JSON.parse(await readFile(`${path}.json`, 'utf8')).cases.sort((a, b) => a.id.localeCompare(b.id));
  };
  const editLanguages = async (c, languages) => {
    await other.goto(`${app.server.url}#/cases/${c.id}/plan/child`);
    await field(other, 'Languages').fill(languages);
    await saved(other);
  };
  const stored = await casesAsExported(other, app.server.url);
  await page.goto(app.server.url + '#/export');
  await page.getByText(`${stored.length} of ${stored.length} chosen`).waitFor();
  await page.waitForTimeout(1000);
  await editLanguages(stored[0], 'Changed in another tab');
  const first = await exportNow(join(dir, 'while-typing.age'));
  assert.equal(first[0].plan.child.languages, 'Changed in another tab');
  // As stored now: first what the export recorded (kept in clear, read without exporting),
  // then the whole cases, read in the other tab so that this page stays as it is. Exporting them
  // again records nothing new (their versions are already recorded), so `exchanged` is compared too.
  assert.deepEqual(bookkeeping(first), bookkeeping(await records(page, 'cases')), 'the versions in the file are recorded as exchanged');
  assert.deepEqual(first, await casesAsExported(other, app.server.url), 'the file holds the cases exactly as stored now');

  // The next file from the same page: what changed since the first, and the first recorded.
  await page.waitForTimeout(1000);
  await editLanguages(stored[1], 'Changed after the first file');
  const second = await exportNow(join(dir, 'after-the-first.age'));
  assert.equal(second[1].plan.child.languages, 'Changed after the first file');
  assert.deepEqual(bookkeeping(second), bookkeeping(await records(page, 'cases')));
  assert.deepEqual(second, await casesAsExported(other, app.server.url));
  await other.close();
  assert.deepEqual(app.browser.errors, []);
});

test('an export without encryption, for training, is the document itself', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url + '#/export');
  await page.getByLabel('Export without encryption (training with fictional cases only)').check();
  await page.getByLabel('These cases are fictional').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases without encryption$/ }).click()]);
  assert.match(download.suggestedFilename(), /^homeward-\d+-cases-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await page.getByText(/^Saved homeward-/).waitFor();
  const document = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(document.format, 'homeward-export');
  const cases = [...document.cases].sort(byId);
  // The cases as stored: every one of them, with the bookkeeping each keeps in clear beside its
  // ciphertext, and whole as an encrypted export (its cases checked against the stored ones
  // above) holds them. Their versions are already recorded as exchanged, so exporting again
  // records nothing new and `exchanged` is compared too.
  assert.deepEqual(bookkeeping(cases), bookkeeping(await records(page, 'cases')));
  // Through the case list, so the export page opens afresh for the encrypted file.
  await page.goto(app.server.url + '#/');
  const encrypted = await exportAll(page);
  ageCli(['-d', '-o', `${encrypted.path}.json`, encrypted.path], [PASS]);
  assert.deepEqual(cases, JSON.parse(await readFile(`${encrypted.path}.json`, 'utf8')).cases.sort(byId));
});

test('leaving the export page as soon as the file is saved breaks nothing, and the export is recorded', async () => {
  const page = await app.browser.page();
  await createCase(page, 'Inés Leaving', 'Kinship care');
  const before = bookkeeping(await records(page, 'cases'));
  const errors = app.browser.errors.length;
  await page.goto(app.server.url + '#/export');
  await page.getByLabel('Export without encryption (training with fictional cases only)').check();
  await page.getByLabel('These cases are fictional').check();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases? without encryption$/ }).click()]);
  // Straight on, before the page has said where the file went.
  await page.goto(app.server.url + '#/cases/new');
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  await page.waitForTimeout(1000);
  assert.deepEqual(app.browser.errors.slice(errors), [], 'no error once the page was left');
  const after = bookkeeping(await records(page, 'cases'));
  assert.ok(after.every((c) => c.exchanged.includes(c.version)), 'every case recorded as exported');
  assert.equal(after.length, before.length);
});
