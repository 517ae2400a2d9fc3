// Every database layout Homeward has ever written opens in this build: the cases are listed,
// open with every value, and can be edited. Fixtures in tests/fixtures are dumps of real
// databases (see make-fixture.mjs); keep one for each schema version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, serve, field, group, saved, layDown, WORKER } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const names = (await readdir(FIXTURES)).filter((f) => /^schema-v\d+\.json$/.test(f)).sort();

test('there is a fixture for every schema version up to the current one', async () => {
  const versions = names.map((n) => Number(n.match(/v(\d+)/)[1]));
  const schema = await readFile(join(FIXTURES, '..', '..', 'src', 'storage', 'schema.rs'), 'utf8');
  const current = Number(schema.match(/SCHEMA_VERSION: u32 = (\d+)/)[1]);
  assert.deepEqual(versions, Array.from({ length: current }, (_, i) => i + 1));
});

for (const name of names) {
  test(`a database written at ${name.replace('.json', '')} opens, lists and edits its cases`, async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURES, name), 'utf8'));
    const server = await serve('/');
    const browser = await openBrowser({ worker: WORKER });
    try {
      const page = await browser.page();
      await layDown(page, server.url, fixture);

      const cases = fixture.stores.cases.records;
      browser.errors.length = 0; // the bare page's missing favicon
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      for (const c of cases) await page.getByRole('row', { name: new RegExp(c.plan.child.name) }).waitFor();
      assert.equal(await page.getByRole('alert').filter({ hasText: /could not be read/ }).count(), 0);

      for (const c of cases) {
        const plan = `${server.url}#/cases/${c.id}/plan/`;
        await page.goto(`${plan}child`);
        const [approval] = c.plan.sign_offs ?? [];
        if (approval) await page.getByText('Plan approved by Rosa Villanueva (Supervisor) on 27 October 2026.').waitFor();
        assert.equal(await field(page, "Child's name").inputValue(), c.plan.child.name);
        assert.equal(await field(page, 'Date of birth').inputValue(), c.plan.child.birth_date);
        await page.goto(`${plan}needs`);
        assert.equal(await field(page, 'Protection need').inputValue(), c.plan.needs[0].need);
        await page.goto(`${plan}participation`);
        assert.equal(await field(page, "The child's views and wishes").inputValue(), c.plan.participation.child_views);
        for (const [i, person] of (c.plan.household ?? []).entries()) {
          await page.goto(`${plan}household`);
          assert.equal(await field(group(page, `Person ${i + 1}`), 'Name').inputValue(), person.name);
        }
        const [assessment] = c.plan.assessments ?? [];
        if (assessment) {
          await page.goto(`${plan}assessment`);
          const education = group(page, 'Education');
          assert.equal(await field(education, 'Rating').inputValue(), assessment.education.rating);
          await education.getByRole('link', { name: 'need 1' }).waitFor(); // the need made from it
        }
        const safety = c.plan.safety_plan;
        if (safety) {
          await page.goto(`${plan}safety-plan`);
          assert.equal(await field(page, 'Risks and warning signs').inputValue(), safety.risks);
          assert.equal(await field(group(page, 'Person or place 1'), 'Who or where').inputValue(), safety.contacts[0].name);
          await page.goto(`${server.url}#/cases/${c.id}/checklist`);
          await page.getByText('Backed by the safety plan.').waitFor();
        }
        const [consent] = c.plan.consents ?? [];
        if (consent) {
          await page.goto(`${plan}consent`);
          assert.equal(await field(group(page, 'Decision 1'), 'Their name').inputValue(), consent.name);
          assert.equal(await field(group(page, 'Decision 1'), 'Decision').inputValue(), consent.decision);
        }
        const done = c.checklist?.items?.find((i) => i.status === 'done');
        if (done) {
          await page.goto(`${server.url}#/cases/${c.id}/checklist`);
          assert.equal(await page.locator(`#tick-${done.id}`).isChecked(), true);
        }
      }

      // Still editable, and the edit is kept.
      const first = cases[0];
      await page.goto(`${server.url}#/cases/${first.id}/plan/worker`);
      await field(page, 'Contact').fill('+51 84 000 111');
      await saved(page);
      await page.reload();
      assert.equal(await field(page, 'Contact').inputValue(), '+51 84 000 111');
      // The overview reads what the upgrade derived.
      await page.goto(`${server.url}#/overview`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test(`${name.replace('.json', '')}: history events and due items read in Spanish and French, none in English`, async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURES, name), 'utf8'));
    const version = Number(name.match(/v(\d+)/)[1]);
    const [first] = fixture.stores.cases.records;
    const need = first.plan.needs[0];
    if (version < 5) oldSentences(fixture, first, need);
    const server = await serve('/');
    const browser = await openBrowser({ locale: 'es-ES', worker: WORKER });
    try {
      const page = await browser.page();
      await layDown(page, server.url, fixture);
      browser.errors.length = 0; // the bare page's missing favicon
      const expect = {
        es: {
          label: 'Español',
          history: [
            ...(version >= 4 ? ['Caso creado'] : []),
            ...(version < 5 ? [
              'Traspaso de Ana Ruiz a Marc Dubois (pendiente: se revisó el plan con la nueva persona responsable del caso)',
              'Caso cerrado: Cuidado por familia extensa. Stable with her aunt',
              'Caso reabierto',
              'Necesidades de protección: Para cuándo — Return to school',
              'Nota de traspaso',
              '12 actividades',
            ] : []),
            'Usuario sin nombre',
          ],
          overview: [`Necesidad: ${need.need}`],
        },
        fr: {
          label: 'Français',
          history: [
            ...(version >= 4 ? ['Dossier créé'] : []),
            ...(version < 5 ? [
              'Passation de Ana Ruiz à Marc Dubois (non fait : le plan a été revu avec le nouveau référent du dossier)',
              'Dossier clôturé : Prise en charge par la famille élargie. Stable with her aunt',
              'Dossier rouvert',
              'Besoins de protection : Pour quand — Return to school',
              'Note de passation',
              '12 activités',
            ] : []),
            'Utilisateur sans nom',
          ],
          overview: [`Besoin : ${need.need}`],
        },
      };
      const english = /Case created|Case closed|Case reopened|Handed over|not done|Unnamed user|Handover note|Need: |Protection needs|By when|\d activities|Jan 2026|\(empty\)/;
      for (const [language, { label, history, overview }] of Object.entries(expect)) {
        await page.goto(server.url);
        await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label });
        await page.goto(`${server.url}#/cases/${first.id}/history`);
        await page.locator('.timeline-entry').first().waitFor();
        const timeline = await page.locator('.timeline').innerText();
        for (const words of history) assert.ok(timeline.includes(words), `${language} history: ${words}\n${timeline}`);
        assert.doesNotMatch(timeline, english, `${language} history`);
        await page.goto(`${server.url}#/overview`);
        // The overview says "Reading the deadlines…" until its read ends; networkidle does not
        // wait for IndexedDB, so wait for the first due item itself.
        await page.locator('main').getByText(overview[0]).first().waitFor();
        const main = await page.locator('main').innerText();
        for (const words of overview) assert.ok(main.includes(words), `${language} overview: ${words}\n${main}`);
        assert.doesNotMatch(main, english, `${language} overview`);
        await page.goto(server.url);
        await page.getByRole('row', { name: new RegExp(first.plan.child.name) }).waitFor();
        const row = await page.getByRole('row', { name: new RegExp(first.plan.child.name) }).innerText();
        assert.ok(row.includes(overview[0]), `${language} case list: ${row}`);
      }
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

/**
 * What versions up to 4 stored in English, added to the first case of an older dump: the
 * sentences of the events the domain made (a handover with a point not done, a closing, a
 * reopening), a change with its place and value in words, the proposed activities' line, an
 * author recorded as "Unnamed user", and a need due in the past with its derived records in
 * their old form (they are rebuilt from the case).
 */
function oldSentences(fixture, first, need) {
  need.by_when = '2026-01-10';
  const at = (day) => `2026-01-0${day}T10:00:00Z`;
  const entry = (day, area, event, changes = []) => ({ id: `00000000-0000-4000-8000-00000000000${day}`, at: at(day), by: 'Unnamed user', area, event, changes });
  first.history = [
    ...(first.history ?? []),
    entry(1, 'needs', '', [{ path: `plan.needs[${need.id}].by_when`, what: `Protection needs: By when — ${need.need}`, kind: 'changed', old: '(empty)', new: '10 Jan 2026' }]),
    entry(2, 'checklist', '', [{ path: 'checklist.items', what: 'Checklist', kind: 'added', old: '', new: '12 activities' }]),
    entry(3, 'worker', 'Handed over from Ana Ruiz to Marc Dubois (not done: the plan was reviewed with the new case worker)', [{ path: 'handover.note', what: 'Handover note', kind: 'added', old: '', new: 'Calls after 6 pm' }]),
    entry(4, 'case', 'Case closed: Kinship care. Stable with her aunt'),
    entry(5, 'case', 'Case reopened'),
  ];
  const item = { what: `Need: ${need.need}`, date: need.by_when, place: 'needs', item: need.id };
  const summary = fixture.stores.summaries?.records.find((r) => r.id === first.id);
  if (summary) summary.next_due = item;
  const deadlines = fixture.stores.deadlines?.records.find((r) => r.id === first.id);
  if (deadlines) deadlines.items = [item];
}
