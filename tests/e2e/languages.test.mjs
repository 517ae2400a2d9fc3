// Languages: Homeward starts in the browser's language, can be switched and remembers it, and a
// sample of pages in Spanish and French has no English left on it: none of the English texts
// of locales/en/*.json, and none of the common English words a forgotten text would carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withApp, field, createCase, saved, WORKER } from './harness.mjs';

const app = withApp('/tools/homeward/', { locale: 'es-MX' });
const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');

function flatten(value, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v; else flatten(v, key, out);
  }
  return out;
}
function texts(language) {
  const out = {};
  for (const file of readdirSync(join(LOCALES, language))) {
    const ns = file.replace(/\.json$/, '');
    Object.assign(out, flatten(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')), ns));
  }
  return out;
}

/** English sentences that must not show once another language is chosen (their pieces around values). */
function englishPieces(language) {
  const en = texts('en');
  const other = texts(language);
  const pieces = new Set();
  for (const [key, text] of Object.entries(en)) {
    if (other[key] === text) continue;
    for (const piece of text.split(/\{\{[^}]*\}\}|\n/)) {
      if (piece.trim().length >= 14) pieces.add(piece.trim());
    }
  }
  return [...pieces];
}

// Words that are English and neither Spanish nor French, so they only show if a text was missed.
const ENGLISH = /(?<!\p{L})(the|and|with|your|this|that|is|are|was|were|to|of|for|cases?|child|due|done|saved|add|remove|visits?|next|none|yes|days?|by|from|at|it|be|has|have|what|who|when|where|which|here|all|any|each|every|more|only|than|not|needs?|worker|review|referred|checklist|overdue|late|open|closed|new|edit|back|show|hide|print|storage|name|step|of)(?!\p{L})/iu;

// What the test itself typed: data, not interface.
const DATA = ['Ana Ruiz', 'Lucía Gómez', 'Homeward'];

async function englishOn(page, language) {
  const found = await page.evaluate(() => {
    const shown = document.body.innerText;
    const attributes = [...document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')]
      .flatMap((e) => ['aria-label', 'placeholder', 'title', 'alt'].map((a) => e.getAttribute(a)).filter(Boolean));
    return { shown, attributes, title: document.title };
  });
  let text = [found.shown, ...found.attributes, found.title].join('\n');
  for (const d of DATA) text = text.split(d).join(' ');
  // Case numbers (ABCD-2026-0001) and file names are data too.
  text = text.replace(/\b[A-Z0-9]{4}-\d{4}-\d{4}\b/g, ' ').replace(/homeward-[\w.-]+/g, ' ');
  // So are recovery keys (fourteen groups of four), where "BE" or "AT" may happen to appear.
  text = text.replace(/(?:[0-9A-Z]{4} ){13}[0-9A-Z]{4}/g, ' ');
  const left = [];
  for (const piece of englishPieces(language)) if (text.includes(piece)) left.push(`text: "${piece}"`);
  for (const line of text.split('\n')) {
    const m = line.match(ENGLISH);
    if (m) left.push(`word "${m[0]}" in: ${line.trim().slice(0, 120)}`);
  }
  return left;
}

test('Homeward starts in the browser\'s language, can be switched, and remembers the choice', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Casos' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  await page.getByLabel('Idioma').selectOption({ label: 'Français' });
  await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Dossiers', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.reload();
  await page.getByLabel('Langue').waitFor();
  assert.equal(await page.getByLabel('Langue').inputValue(), 'fr', 'the choice survives a reload');
  await page.getByLabel('Langue').selectOption({ label: 'English' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
});

test('a language chosen on the first load\'s case list is the one the rest of Homeward opens in', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label: 'Español' });
  // A fresh load of the list: the first load alone, the rest of Homeward fetched behind it.
  const standing = page.waitForResponse(/homeward_app_bg\.wasm$/);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Casos' }).waitFor();
  await standing;
  await page.waitForTimeout(1000); // compiled and standing by beside the list
  await page.getByLabel('Idioma').selectOption({ label: 'Français' });
  await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
  await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: "Vue d’ensemble" }).click();
  await page.getByRole('heading', { level: 1, name: "Vue d’ensemble" }).waitFor({ timeout: 5_000 });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.getByLabel('Langue').selectOption({ label: 'English' });
});

test('pages in Spanish and French have no English left, and dates follow the language', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label: 'English' });
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await field(page, 'Plan start date').fill('2026-11-02');
  await page.goto(plan + 'child');
  await field(page, "Child's name").fill('Lucía Gómez');
  await saved(page);
  await page.goto(plan.replace(/plan\/$/, 'checklist'));
  await page.getByRole('checkbox').first().click();
  await saved(page);
  const caseBase = plan.replace(/plan\/$/, '');
  const pages = [
    ['', 'list'], ['#/overview', 'overview'], ['#/reports', 'reports'], ['#/cases/new', 'new case'],
    ...['case', 'worker', 'child', 'household', 'placement', 'assessment', 'needs', 'services', 'actions', 'monitoring', 'safety-plan', 'participation', 'consent', 'referrals', 'best-interests'].map((s) => [`${caseBase}plan/${s}`, `plan: ${s}`]),
    [`${caseBase}checklist`, 'checklist'], [`${caseBase}history`, 'history'], [`${caseBase}print`, 'print'],
    ['#/export', 'export'], ['#/import', 'import'], ['#/storage', 'storage'], ['#/deleted', 'recently deleted'], ['#/profile', 'profile'], ['#/demo', 'demo'],
  ];
  for (const [language, label] of [['es', 'Español'], ['fr', 'Français']]) {
    await page.goto(app.server.url);
    await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label });
    const problems = [];
    for (const [address, name] of pages) {
      await page.goto(address.startsWith('http') ? address : app.server.url + address);
      await page.locator('h1').first().waitFor();
      // Let the page's data arrive (lists, progress) before reading it.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      for (const left of await englishOn(page, language)) problems.push(`${language} ${name}: ${left}`);
    }
    assert.deepEqual(problems, [], `English left:\n${problems.join('\n')}`);

    // The history's entries carry today's date in the language's own form.
    await page.goto(`${caseBase}history`);
    const today = await page.evaluate((l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date()), language);
    await page.getByText(today, { exact: false }).first().waitFor();
  }
});

test('the training demo\'s cases are written in the interface\'s language, and entering it again in another language rewrites them', async () => {
  const page = await app.browser.page();
  const es = texts('es');
  const fr = texts('fr');
  // One need of Valentina's case, in each language (src/domain/demo/cases.rs).
  const need = {
    en: 'Needs support to rebuild trust with her mother',
    es: 'Necesita apoyo para reconstruir la confianza con su madre',
    fr: 'A besoin de soutien pour rétablir la confiance avec sa mère',
  };
  const organisation = { es: 'Servicio Infantil Ejemplo', fr: "Service de l'enfance Exemple" };
  /** What the page shows and what its fields hold. */
  const shown = () => page.evaluate(() => [document.body.innerText,
    ...[...document.querySelectorAll('input, textarea')].map((e) => e.value)].join('\n'));
  const valentinasNeeds = async () => {
    await page.goto(app.server.url);
    await page.getByRole('row').filter({ hasText: 'Valentina Quispe' }).getByRole('link').first().click();
    await page.waitForURL(/plan\//);
    await page.goto(page.url().replace(/plan\/.*$/, 'plan/needs'));
    await page.locator('h2').first().waitFor();
    await page.waitForFunction((texts) => [...document.querySelectorAll('input, textarea')]
      .some((e) => texts.some((t) => e.value.startsWith(t))), Object.values(need));
    return shown();
  };

  await page.goto(app.server.url);
  await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label: 'Español' });
  await page.getByRole('button', { name: es['app.open_demo'] }).click();
  await page.getByRole('region', { name: es['demo.banner_label'] }).waitFor();
  let text = await valentinasNeeds();
  assert.ok(text.includes(need.es), 'the need in Spanish');
  assert.ok(!text.includes(need.en) && !text.includes(need.fr), 'and in no other language');
  await page.goto(app.server.url + '#/demo');
  await page.getByText(organisation.es).first().waitFor();

  // Switching the language inside the demo keeps the cases as trainees left them, even across a reload.
  await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label: 'Français' });
  await page.reload();
  await page.getByRole('region', { name: fr['demo.banner_label'] }).waitFor();
  assert.ok((await valentinasNeeds()).includes(need.es), 'a reload inside the demo rewrites nothing');

  // Left and entered again, in French: the cases are written again in French.
  await page.getByRole('region', { name: fr['demo.banner_label'] }).getByRole('button', { name: fr['demo.leave'] }).click();
  // Leaving goes to the opening screen, which offers the demo too.
  await page.getByRole('button', { name: fr['workspaces.demo'] }).click();
  await page.getByRole('region', { name: fr['demo.banner_label'] }).waitFor();
  text = await valentinasNeeds();
  assert.ok(text.includes(need.fr), 'the need in French');
  assert.ok(!text.includes(need.en) && !text.includes(need.es), 'and in no other language');
  await page.goto(app.server.url + '#/demo');
  await page.getByText(organisation.fr).first().waitFor();
  await page.getByRole('button', { name: fr['demo.leave'] }).first().click();
  await page.getByRole('button', { name: fr['workspaces.demo'] }).waitFor();
  assert.deepEqual(app.browser.errors, []);
});

test('the stylesheet lays out with logical properties, so a right-to-left language can be added', () => {
  const css = readFileSync(join(LOCALES, '..', 'style', 'main.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const physical = css.split('\n').map((line, i) => [i + 1, line]).filter(([, line]) =>
    /(margin|padding|border)-(left|right)\b|(^|[\s;{])(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)|(margin|padding):\s*[^;\s}]+\s+[^;\s}]+\s+[^;\s}]+\s+[^;\s}]+\s*[;}]/.test(line));
  assert.deepEqual(physical, [], 'physical left/right in style/main.css');
});

test('the opening screens of protected workspaces have no English left in Spanish and French', async () => {
  const { serve, openBrowser } = await import('./harness.mjs');
  const PASS = 'river lantern pepper orbit';
  const problems = [];
  for (const [language, locale] of [['es', 'es-ES'], ['fr', 'fr-FR']]) {
    const server = await serve();
    const browser = await openBrowser({ locale });
    const tr = texts(language);
    const check = async (page, state) => {
      for (const left of await englishOn(page, language)) problems.push(`${language} ${state}: ${left}`);
    };
    try {
      const page = await browser.page();
      // A new device: nobody's workspace yet.
      await page.goto(server.url);
      await page.getByText(tr['workspaces.first_lead']).waitFor();
      await check(page, 'the opening screen of a new device');
      await page.goto(`${server.url}#/workspaces/new`);
      await page.getByRole('heading', { level: 1, name: tr['workspaces.add_title'] }).waitFor();
      await page.getByRole('button', { name: tr['workspaces.create'] }).click();
      await page.getByText(tr['workspaces.name_empty']).waitFor();
      await check(page, 'add a worker, with its problems');
      await field(page, tr['workspaces.your_name']).fill('Ana Ruiz');
      await field(page, tr['workspaces.passphrase']).fill(PASS);
      await field(page, tr['exchange.export.repeat']).fill(PASS);
      await page.getByRole('button', { name: tr['workspaces.create'] }).click();
      await page.getByRole('heading', { level: 1, name: tr['workspaces.key_title'] }).waitFor({ timeout: 30_000 });
      await check(page, 'the recovery key');
      await page.getByLabel(tr['workspaces.kept']).check();
      await page.getByRole('button', { name: tr['workspaces.open_workspace'] }).click();
      await page.goto(`${server.url}#/profile`);
      await page.getByRole('heading', { level: 2, name: tr['workspaces.change_title'] }).waitFor();
      await page.getByRole('button', { name: tr['workspaces.change'] }).click();
      await page.locator('[aria-invalid=true]').first().waitFor();
      await check(page, 'profile, with its problems');

      const tab = await browser.context.newPage();
      await tab.goto(server.url);
      await tab.getByRole('heading', { level: 1, name: tr['workspaces.choose_title'] }).waitFor();
      await check(tab, 'the opening screen');
      await tab.getByRole('button', { name: 'Ana Ruiz' }).click();
      await field(tab, tr['workspaces.passphrase']).fill('not the passphrase');
      await tab.getByRole('button', { name: tr['workspaces.unlock'], exact: true }).click();
      await tab.getByText(tr['workspaces.wrong_passphrase']).waitFor({ timeout: 30_000 });
      await check(tab, 'unlock, after a wrong passphrase');
      await tab.getByRole('link', { name: tr['workspaces.forgot'] }).click();
      await tab.getByRole('heading', { level: 1, name: tr['workspaces.recover_title'] }).waitFor({ timeout: 30_000 });
      await tab.getByRole('button', { name: tr['workspaces.recover'] }).click();
      await tab.locator('[aria-invalid=true]').first().waitFor();
      await check(tab, 'recovery, with its problems');
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  }
  assert.deepEqual(problems, [], `English left:\n${problems.join('\n')}`);
});

test('a count agrees with its words in Spanish and French, by the language\'s plural rules', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label: 'English' });
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(plan + 'placement');
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await saved(page);
  await page.goto(plan.replace(/plan\/$/, 'checklist'));
  const proposed = page.getByRole('button', { name: /^Add the \d+ proposed activities$/ });
  if (await proposed.count()) await proposed.click();
  const home = page.locator('li.check-item').filter({ hasText: 'Help the family prepare the home' });
  await home.getByRole('button', { name: /^Details/ }).click();
  await field(home, 'Due by').fill(new Date(Date.now() - 12 * 864e5).toISOString().slice(0, 10));
  await saved(page);
  const number = (await page.locator('h1').innerText()).split(' ')[0];

  await page.goto(app.server.url);
  await page.getByLabel(/^(Language|Idioma|Langue)$/).selectOption({ label: 'Español' });
  const row = page.getByRole('row').filter({ hasText: number });
  await row.getByText('1 vencida', { exact: true }).waitFor();
  await page.goto(plan.replace(/plan\/$/, 'checklist'));
  await page.locator('#checklist-progress-text').getByText(/· 1 vencida ·/).waitFor();
  await page.goto(app.server.url + '#/reports');
  // However many cases the other tests left, the words agree with the count.
  const counted = page.locator('p').filter({ hasText: /^\d+ (caso atendido|casos atendidos|dossier en cours|dossiers en cours|case in|cases in) / }).first();
  const agrees = async (one, many) => {
    const text = await counted.innerText();
    const n = Number(text.match(/^\d+/)[0]);
    assert.ok(text.includes(n === 1 || (one.startsWith('dossier') && n === 0) ? one : many), text);
  };
  await counted.waitFor();
  await agrees('caso atendido entre', 'casos atendidos entre');
  await page.getByLabel('Idioma').selectOption({ label: 'Français' });
  await page.getByText(/^\d+ dossiers? en cours du /).waitFor();
  await agrees('dossier en cours du', 'dossiers en cours du');
  assert.doesNotMatch(await page.locator('main').innerText(), /\((s|es|x)\)/, 'no "(s)" left for the reader to sort out');
  await page.getByLabel('Langue').selectOption({ label: 'English' });
  await page.getByText(/^\d+ cases? in the caseload during /).waitFor();
  await agrees('case in the caseload', 'cases in the caseload');
});
