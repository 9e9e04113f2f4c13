/**
 * The built Apps Script bundle (dist/gas/Code.js, made by `npm run build`) loaded in a plain V8 context
 * with the in-memory Sheets fake: menu, scoring, template, snapshot, change log, sidebar calls and custom
 * functions, compared with the core (which the CLI also uses) on the same plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import vm from 'node:vm';
import { scorePlan as coreScore, type PlanInput } from '../../src/core/index.js';
import { largePlan } from '../fixtures/large-plan.js';
import { monitoredPlan, ownersPlan } from '../addin/plans.js';
import {
  appsScriptGlobals, FakeLocks, FakeSpreadsheet, formatDate, zonedMidnight, EFFECTIVE_USER, OWNER, SheetsException,
} from './fake-sheets.js';

const DIST = new URL('../../dist/gas/', import.meta.url).pathname;
const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
let code: string;

beforeAll(() => {
  if (!existsSync(`${DIST}Code.js`)) throw new Error('dist/gas/Code.js missing: run `npm run build` first');
  code = readFileSync(`${DIST}Code.js`, 'utf8');
});

type Fn = (...args: unknown[]) => unknown;

/** Errors the bundle logs for Stackdriver; kept out of the test output, available to assertions. */
let logged: unknown[] = [];
const quietConsole = { ...console, error: (...a: unknown[]) => void logged.push(a) };

function load(ss: FakeSpreadsheet, locale = 'it', locks = new FakeLocks()) {
  const { globals, ui } = appsScriptGlobals(ss, locale, locks);
  logged = [];
  // Outer Date so that cells made by the fake are `instanceof Date` inside the bundle too.
  const context = vm.createContext({ ...globals, Date, console: quietConsole });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const fn = (name: string) => (context as Record<string, Fn>)[name];
  return { fn, ui, locks, globals };
}

function spreadsheetOf(input: PlanInput, timeZone = 'Europe/Rome'): FakeSpreadsheet {
  const ss = new FakeSpreadsheet(timeZone);
  for (const [name, table] of Object.entries(input.sheets)) ss.load(name, table as unknown[][]);
  return ss;
}

/** Sheets hands back '' for empty cells; the core's plan says null. */
const plain = (v: unknown) => (v === null || v === undefined ? '' : v);

function expectPlanWritten(ss: FakeSpreadsheet, input: PlanInput) {
  const expected = coreScore(input);
  for (const write of expected.writePlan.sheets) {
    const sheet = ss.sheet(write.sheet);
    for (const block of write.blocks) {
      block.values.forEach((row, i) => row.forEach((v, j) => {
        const cell = sheet.cell(block.row + i + 1, block.col + j + 1);
        expect(cell.value, `${write.sheet} r${block.row + i + 1} c${block.col + j + 1}`).toEqual(plain(v));
        if (block.fills?.[i]?.[j]) expect(cell.background).toBe(block.fills[i][j]);
        if (block.numberFormats?.[i]?.[j]) expect(cell.format).toBe(block.numberFormats[i][j]);
      }));
    }
  }
  return expected;
}

describe('Apps Script bundle', () => {
  it('holds only what Apps Script runs', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\b(process\.|Buffer\b|__dirname|__filename|module\.exports)/);
    for (const name of ['onOpen', 'onEdit', 'scorePlan', 'scorePeople', 'sidebarPerson', 'showSidebar', 'createTemplate', 'snapshot', 'showAuditLog']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('keeps @customfunction JSDoc on the four top-level functions, with the core table\'s parameters', async () => {
    const { functionTable } = await import('../../src/core/index.js');
    for (const spec of functionTable) {
      const params = spec.params.map((p) => p.name).join(', ');
      const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${spec.name}\\(${params}\\)`).exec(code);
      expect(m, spec.name).not.toBeNull();
      expect(m?.[1]).toContain('@customfunction');
      for (const p of spec.params) expect(m?.[1]).toMatch(new RegExp(`@param \\{[^}]+\\} ${p.name} `));
    }
  });

  it('adds the Cruscotto menu on open', () => {
    const ss = new FakeSpreadsheet();
    const { fn, ui } = load(ss);
    fn('onOpen')();
    expect(ui.menus).toEqual([{ name: 'Cruscotto', items: [
      ['Calcola punteggi', 'scorePlan'], ['Calcola schede', 'scorePeople'], ['Apri pannello', 'showSidebar'], ['Crea modello', 'createTemplate'],
      ['Istantanea per revisione', 'snapshot'], ['Registro modifiche', 'showAuditLog'],
    ] }]);
    for (const [, handler] of ui.menus[0].items) expect(typeof fn(handler)).toBe('function');
    const en = load(new FakeSpreadsheet(), 'en_GB');
    en.fn('onOpen')();
    expect(en.ui.menus[0].items.slice(0, 2)).toEqual([['Score plan', 'scorePlan'], ['Score scorecards', 'scorePeople']]);
  });

  it('scores the bundled example exactly as the core (and so the CLI) does', () => {
    const ss = spreadsheetOf(pira);
    const { fn } = load(ss);
    const summary = JSON.parse(JSON.stringify(fn('scorePlan')()));
    const expected = expectPlanWritten(ss, pira);
    expect(summary.entity).toEqual(expected.entity);
    // The user's own sheet keeps its view: scoring freezes no pane on Indicatori.
    expect(ss.sheet('Indicatori').frozenRows).toBe(0);
    expect(ss.toasts[0]).toMatch(/^Risultato dell'ente: \d+,\d\d% — /);
    // Scoring twice gives the same sheets: Sintesi and Segnalazioni are not read as input.
    const before = JSON.stringify(ss.sheets.map((s) => [s.name, s.table()]));
    fn('scorePlan')();
    expect(JSON.stringify(ss.sheets.map((s) => [s.name, s.table()]))).toBe(before);
  });

  it('writes the scores the CLI reports for the same plan', async () => {
    const { cliResults } = await import('../support/cli-results.js');
    const cli = await cliResults(new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname);
    const ss = spreadsheetOf(pira);
    const summary = JSON.parse(JSON.stringify(load(ss).fn('scorePlan')()));
    expect(summary.entity).toEqual(cli.entity);
    const ind = ss.sheet('Indicatori').table();
    const col = (ind[0] as string[]).indexOf('Punteggio');
    for (const i of cli.indicators) expect(ind.find((r) => r[0] === i.code)?.[col], i.code).toEqual(i.score ?? '');
    const obj = ss.sheet('Obiettivi').table();
    const ocol = (obj[0] as string[]).indexOf('Risultato');
    for (const o of cli.objectives) expect(obj.find((r) => r[0] === o.code)?.[ocol], o.code).toEqual(o.score ?? '');
  });

  it('reads date cells in the spreadsheet time zone, whatever the machine\'s', () => {
    const withDates = structuredClone(pira);
    const indicators = withDates.sheets.Indicatori;
    const col = (indicators[0] as string[]).indexOf('Consuntivo');
    const row = indicators.find((r) => r[0] === '1.2') as (typeof indicators)[number];
    expect(row[col]).toBe('18/12/2024');
    for (const timeZone of ['Europe/Rome', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const ss = spreadsheetOf(pira, timeZone);
      // Sheets returns the date as midnight of 18 December in the spreadsheet's zone.
      ss.sheet('Indicatori').cell(indicators.indexOf(row) + 1, col + 1).value = zonedMidnight(2024, 12, 18, timeZone);
      const late = spreadsheetOf(pira, timeZone);
      late.sheet('Indicatori').cell(indicators.indexOf(row) + 1, col + 1).value = zonedMidnight(2025, 1, 2, timeZone);
      const a = JSON.parse(JSON.stringify(load(ss).fn('scorePlan')()));
      const b = JSON.parse(JSON.stringify(load(late).fn('scorePlan')()));
      expect(a.entity, timeZone).toEqual(coreScore(pira).entity);
      expect(b.entity.score, timeZone).toBeLessThan(a.entity.score);
      expect(formatDate(zonedMidnight(2024, 12, 18, timeZone), timeZone, 'yyyy-MM-dd')).toBe('2024-12-18');
    }
  });

  it('makes the same number of SpreadsheetApp calls for 50 and 10.000 indicators', () => {
    const small = spreadsheetOf(largePlan(50));
    load(small).fn('scorePlan')();
    const big = spreadsheetOf(largePlan(10_000));
    const t0 = performance.now();
    load(big).fn('scorePlan')();
    const ms = performance.now() - t0;
    expect(big.counter.calls).toBe(small.counter.calls);
    expect(Object.fromEntries(big.counter.byName)).toEqual(Object.fromEntries(small.counter.byName));
    expectPlanWritten(big, largePlan(10_000));
    console.log(`Apps Script fake: 10.000 indicators scored and written in ${ms.toFixed(0)} ms with ${big.counter.calls} calls`);
  });
});

describe('template, snapshot and change log', () => {
  it('creates the missing template sheets and never overwrites existing ones', () => {
    const ss = new FakeSpreadsheet();
    const { fn } = load(ss);
    expect(JSON.parse(JSON.stringify(fn('createTemplate')()))).toEqual(['Obiettivi', 'Indicatori', 'Impostazioni']);
    const ind = ss.sheet('Indicatori');
    const headers = ind.table()[0];
    expect(headers).toContain('Consuntivo');
    expect(ind.cell(2, headers.indexOf('Direzione') + 1).validation).toEqual(['max', 'min']);
    expect(ind.cell(1, headers.indexOf('Override') + 1).note).toContain('Nota');
    ind.cell(2, 1).value = '1.1';
    expect(JSON.parse(JSON.stringify(fn('createTemplate')()))).toEqual([]);
    expect(ind.cell(2, 1).value).toBe('1.1');
  });

  it('snapshots the scored sheets into dated, protected sheets of values', () => {
    const ss = spreadsheetOf(pira);
    const { fn } = load(ss);
    fn('scorePlan')();
    const today = formatDate(new Date(), 'Europe/Rome', 'yyyy-MM-dd');
    const made = JSON.parse(JSON.stringify(fn('snapshot')()));
    expect(made).toEqual([`Revisione ${today}`, `Revisione ${today} · Obiettivi`, `Revisione ${today} · Sintesi`]);
    const snap = ss.sheet(`Revisione ${today}`);
    expect(snap.table()).toEqual(ss.sheet('Indicatori').table());
    // Google's sample: the user running it is made an editor before the others (a group among them) go.
    expect(snap.protection?.editors).toEqual([OWNER, EFFECTIVE_USER]);
    expect(snap.protection?.domainEdit).toBe(false);
    expect(JSON.parse(JSON.stringify(fn('snapshot')()))[0]).toBe(`Revisione ${today} (2)`);
    // A snapshot is not plan input: scoring again changes nothing in it.
    fn('scorePlan')();
    expect(snap.table()).toEqual(ss.sheet('Indicatori').table());
    // The copy of Sintesi is the reviewers': it does not carry the tool's marker, so scoring never takes it.
    const summaryCopy = ss.sheet(`Revisione ${today} · Sintesi`);
    expect(summaryCopy.metadata).toEqual([]);
    expect(summaryCopy.table()).toEqual(ss.sheet('Sintesi').table());
    expect(ss.sheets.filter((x) => x.metadata.some((m) => m.value === 'summary')).map((x) => x.name)).toEqual(['Sintesi']);
    expect(ss.toasts.filter((t) => t.startsWith('Istantanea protetta: Revisione'))).toHaveLength(2);
  });

  it('logs edits of Override, Nota, Consuntivo and Target in Registro', () => {
    const ss = spreadsheetOf(pira);
    const { fn } = load(ss);
    const ind = ss.sheet('Indicatori');
    const headers = ind.table()[0] as string[];
    const range = (r: number, c: number, rows = 1, cols = 1) => ind.getRange(r, c, rows, cols);
    const edit = (r: number, c: number, oldValue: unknown, value: unknown, rows = 1, cols = 1) =>
      fn('onEdit')({ range: range(r, c, rows, cols), source: ss, oldValue, value });

    const consuntivo = headers.indexOf('Consuntivo') + 1;
    ind.cell(5, consuntivo).value = 30;
    edit(5, consuntivo, '1.450', 30);
    const override = headers.indexOf('Override') + 1;
    ind.cell(6, override).value = '60%';
    edit(6, override, undefined, '60%');
    edit(6, headers.indexOf('Indicatore') + 1, 'x', 'y');
    // A paste over Target 2024 and Target 2025 of two rows: four cells, old values unknown.
    const t24 = headers.indexOf('Target 2024') + 1;
    for (const [r, c] of [[7, t24], [7, t24 + 1], [8, t24], [8, t24 + 1]]) ind.cell(r, c).value = '>= 5';
    edit(7, t24, undefined, undefined, 2, 2);

    const log = ss.sheet('Registro').table();
    expect(log[0]).toEqual(['Data e ora', 'Foglio', 'Cella', 'Colonna', 'Valore precedente', 'Nuovo valore']);
    const rows = log.slice(1).map((r) => r.slice(1));
    const col = (n: number) => String.fromCharCode(64 + n);
    expect(rows).toEqual([
      ['Indicatori', `${col(consuntivo)}5`, 'Consuntivo', '1.450', 30],
      ['Indicatori', `${col(override)}6`, 'Override', '', '60%'],
      ['Indicatori', `${col(t24)}7`, 'Target 2024', '', '>= 5'],
      ['Indicatori', `${col(t24 + 1)}7`, 'Target 2025', '', '>= 5'],
      ['Indicatori', `${col(t24)}8`, 'Target 2024', '', '>= 5'],
      ['Indicatori', `${col(t24 + 1)}8`, 'Target 2025', '', '>= 5'],
    ]);
    expect(log[1][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Edits of the header row itself are not logged.
    edit(1, consuntivo, 'Consuntivo', 'Consuntivo 2024');
    expect(ss.sheet('Registro').table()).toHaveLength(7);
    // Edits elsewhere are not logged.
    fn('onEdit')({ range: ss.sheet('Obiettivi').getRange(2, 2, 1, 1), source: ss, oldValue: 'a', value: 'b' });
    expect(ss.sheet('Registro').table()).toHaveLength(7);
    fn('showAuditLog')();
    expect(ss.active?.sheet).toBe('Registro');
  });
});

describe('change log below a title row', () => {
  it('finds the headers where the core finds them', () => {
    const ss = new FakeSpreadsheet();
    ss.load('Indicatori', [['Piano 2025'], ['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 10', 5]]);
    const { fn } = load(ss);
    ss.sheet('Indicatori').cell(3, 4).value = 7;
    fn('onEdit')({ range: ss.sheet('Indicatori').getRange(3, 4, 1, 1), source: ss, oldValue: 5, value: 7 });
    expect(ss.sheet('Registro').table().slice(1).map((r) => r.slice(1))).toEqual([['Indicatori', 'D3', 'Consuntivo', 5, 7]]);
  });
});

describe('sidebar', () => {
  it('is one HTML file with the pane inlined and nothing loaded from outside', () => {
    const html = readFileSync(`${DIST}Sidebar.html`, 'utf8');
    expect(html).toContain('.cruscotto-panel');
    expect(html).toContain('sidebarScore');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
    const ss = new FakeSpreadsheet();
    const { fn, ui } = load(ss);
    fn('showSidebar')();
    expect(ui.sidebars).toEqual([expect.objectContaining({ file: 'Sidebar', title: 'Cruscotto' })]);
  });

  it('answers the pane: settings, scoring, cell selection', () => {
    const ss = spreadsheetOf(pira);
    const { fn } = load(ss);
    expect(JSON.parse(JSON.stringify(fn('sidebarLoadSettings')()))).toEqual({ year: 2024, method: 'linear' });
    fn('sidebarSaveSettings')({ year: 2025, method: 'bands' });
    expect(ss.sheet('Impostazioni').table().slice(1, 3)).toEqual([['anno', 2025], ['metodo', 'fasce']]);
    const summary = JSON.parse(JSON.stringify(fn('sidebarScore')()));
    expect(summary.year).toBe(2025);
    expect(summary.method).toBe('bands');
    fn('sidebarSelectCell')('Indicatori', 'J7');
    expect(ss.active).toEqual({ sheet: 'Indicatori', a1: 'J7' });
    expect(() => fn('sidebarSelectCell')('Nessuno', 'A1')).toThrow(/Il foglio Nessuno non esiste più/);
  });
});

describe('monitoring periods and individual scorecards', () => {
  const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

  it('"Calcola schede" writes the Schede individuali sheet with its marker, where "Calcola punteggi" does not', () => {
    const plan = ownersPlan();
    const ss = spreadsheetOf(plan);
    const { fn, ui } = load(ss);
    fn('scorePlan')();
    expect(ss.sheets.map((s) => s.name)).not.toContain('Schede individuali');
    const summary = roundTrip(fn('scorePeople')()) as { people: { name: string; total: number | null }[] };
    expect(ui.alerts).toEqual([]);
    const expected = coreScore(plan, { people: true });
    const write = expected.writePlan.sheets.find((s) => s.owner === 'people');
    expect(write?.sheet).toBe('Schede individuali');
    const sheet = ss.sheet('Schede individuali');
    expect(sheet.metadata).toEqual([{ key: 'CRUSCOTTO_OUTPUT', value: 'people' }]);
    for (const block of write?.blocks ?? []) {
      block.values.forEach((row, i) => row.forEach((v, j) => expect(sheet.cell(block.row + i + 1, block.col + j + 1).value).toEqual(plain(v))));
    }
    expect(summary.people.map((p) => p.name)).toEqual(expected.people?.people.map((p) => p.name));
    expect(ss.toasts.at(-1)).toBe(`Schede individuali scritte nel foglio Schede individuali: ${expected.people?.people.length} persone.`);
    // Marked as the tool's own: plain scoring now keeps it up to date instead of leaving it stale.
    fn('scorePlan')();
    expect(ss.sheets.filter((s) => s.metadata.some((m) => m.value === 'people')).map((s) => s.name)).toEqual(['Schede individuali']);
  });

  it('"Calcola schede" with nobody to score says so, in the user\'s language', () => {
    const plan = ownersPlan();
    plan.sheets.Obiettivi = plan.sheets.Obiettivi.map((row) => row.slice(0, 5));
    const { fn, ui } = load(spreadsheetOf(plan), 'en_GB');
    expect(fn('scorePeople')()).toBeUndefined();
    expect(ui.alerts).toEqual(['Cruscotto: the operation failed: Nobody to score: add an Assignments sheet or an Owner column.']);
  });

  it('the sidebar scores at the period it asks for and says which periods there are', () => {
    const plan = monitoredPlan();
    const ss = spreadsheetOf(plan);
    const { fn } = load(ss);
    const atYearEnd = roundTrip(fn('sidebarScore')()) as { period: { key: string }; periods: { key: string; label: string }[] };
    expect(atYearEnd.period.key).toBe('31/12');
    expect(atYearEnd.periods.map((p) => [p.key, p.label])).toEqual([['30/06', '30/06'], ['31/12', '2024']]);
    const midYear = roundTrip(fn('sidebarScore')({ period: '30/06' })) as { period: { key: string }; entity: unknown; atRiskCount: number; entityHistory: unknown };
    const expected = coreScore(plan, { period: '30/06' });
    expect(midYear.period.key).toBe('30/06');
    expect(midYear.entity).toEqual(expected.entity);
    expect(midYear.entityHistory).toEqual(expected.entityHistory);
    expect(midYear.atRiskCount).toBe(expected.indicators.filter((i) => i.projection?.atRisk).length);
    expect(midYear.atRiskCount).toBeGreaterThan(0);
    // The formulas and the user's cells are the same at either period; only the tool's output differs.
    const col = (ss.sheet('Indicatori').table()[0] as string[]).indexOf('Punteggio');
    for (const i of expected.indicators) expect(ss.sheet('Indicatori').table()[i.row][col], i.code).toEqual(i.score ?? '');
    // Only the two fields the pane may set reach the core.
    expect(roundTrip(fn('sidebarScore')({ period: '30/06', year: 1999, lang: 'en' }))).toMatchObject({ year: 2024, lang: 'it', period: { key: '30/06' } });
    expect(roundTrip(fn('sidebarScore')(null)) as { period: { key: string } }).toMatchObject({ period: { key: '31/12' } });
  });

  it('the sidebar gets one person\'s card on request, at the period it shows, and nothing for an unknown name', () => {
    const plan = monitoredPlan();
    const ss = spreadsheetOf(plan);
    const { fn } = load(ss);
    const summary = roundTrip(fn('sidebarScore')({ period: '30/06' })) as { people: Record<string, unknown>[] };
    // The summary carries names, roles, totals and bands, and nothing else about anyone.
    for (const p of summary.people) expect(Object.keys(p).sort()).toEqual(['band', 'name', 'role', 'total']);
    const name = summary.people[1].name as string;
    const expected = coreScore(plan, { period: '30/06' }).people?.people.find((p) => p.name === name);
    expect(roundTrip(fn('sidebarPerson')(name, '30/06'))).toEqual(roundTrip(expected));
    const atYearEnd = coreScore(plan).people?.people.find((p) => p.name === name);
    expect(roundTrip(fn('sidebarPerson')(name))).toEqual(roundTrip(atYearEnd));
    expect(atYearEnd?.total).not.toBe(expected?.total);
    expect(fn('sidebarPerson')('Nessuno')).toBeNull();
    // Asking for a card writes nothing.
    const before = JSON.stringify(ss.sheets.map((s) => [s.name, s.table()]));
    fn('sidebarPerson')(name, '30/06');
    expect(JSON.stringify(ss.sheets.map((s) => [s.name, s.table()]))).toBe(before);
  });
});

describe('custom functions', () => {
  const calls = JSON.parse(readFileSync(new URL('../fixtures/function-calls.json', import.meta.url), 'utf8')) as
    { fn: string; args: unknown[]; expected?: unknown; error?: boolean; message?: string }[];
  it.each(calls.map((c) => [`${c.fn}(${JSON.stringify(c.args).slice(1, -1)})`, c] as const))('%s', (_, call) => {
    const { fn } = load(new FakeSpreadsheet());
    if (call.error) expect(() => fn(call.fn)(...call.args)).toThrow(call.message as string);
    else expect(fn(call.fn)(...call.args)).toBe(call.expected);
  });

  it('reads a date cell in the spreadsheet time zone', () => {
    const ss = new FakeSpreadsheet('Pacific/Auckland');
    const { fn } = load(ss);
    expect(fn('ACHIEVEMENT')(zonedMidnight(2025, 4, 30, 'Pacific/Auckland'), '<= 30.04.2025')).toBe(1);
    expect(fn('ACHIEVEMENT')(zonedMidnight(2025, 5, 1, 'Pacific/Auckland'), '<= 30.04.2025')).toBe(0);
  });
});

describe('one user at a time', () => {
  it('scores under the document lock and releases it, also after a failure', () => {
    const ss = spreadsheetOf(pira);
    const { fn, locks } = load(ss);
    fn('scorePlan')();
    expect(locks.waits.length).toBe(1);
    expect(locks.holder).toBeNull();
    // Pending writes reach the sheet before another user can take the lock.
    expect(ss.counter.count('SpreadsheetApp.flush')).toBe(1);
    const empty = load(new FakeSpreadsheet(), 'it', locks);
    expect(empty.fn('scorePlan')()).toBeUndefined();
    expect(locks.holder).toBeNull();
  });

  it('tells the second user to retry and writes nothing while the first is scoring', () => {
    const ss = spreadsheetOf(pira);
    const locks = new FakeLocks();
    locks.holder = 'collega@example.org';
    const { fn, ui } = load(ss, 'it', locks);
    const before = JSON.stringify(ss.sheets.map((s) => [s.name, s.table()]));
    expect(fn('scorePlan')()).toBeUndefined();
    expect(ui.alerts).toEqual(['Cruscotto: operazione non riuscita: Un altro utente sta calcolando i punteggi di questo file. Riprova tra qualche secondo.']);
    expect(JSON.stringify(ss.sheets.map((s) => [s.name, s.table()]))).toBe(before);
    expect(() => fn('sidebarScore')()).toThrow(/^Un altro utente sta calcolando/);
    expect(() => fn('sidebarSaveSettings')({ year: 2030, method: null })).toThrow(/^Un altro utente/);
    expect(fn('snapshot')()).toBeUndefined();
    expect(fn('createTemplate')()).toBeUndefined();
    expect(JSON.stringify(ss.sheets.map((s) => [s.name, s.table()]))).toBe(before);
    // The colleague's lock is theirs: a refused user does not release it.
    expect(locks.holder).toBe('collega@example.org');
    locks.holder = null;
    expect(JSON.parse(JSON.stringify(fn('sidebarScore')())).entity).toEqual(coreScore(pira).entity);
  });
});

describe('errors reach the user in their language', () => {
  it('menu items show an alert instead of failing silently or in raw English', () => {
    const it_ = load(new FakeSpreadsheet());
    expect(() => it_.fn('scorePlan')()).not.toThrow();
    expect(it_.ui.alerts).toHaveLength(1);
    expect(it_.ui.alerts[0]).toMatch(/^Cruscotto: operazione non riuscita: .*Manca il foglio Indicatori/);
    const en = load(new FakeSpreadsheet(), 'en_US');
    en.fn('snapshot')();
    expect(en.ui.alerts).toEqual(['Cruscotto: the operation failed: Nothing to snapshot: there is no Indicators sheet.']);
  });

  it('puts Sheets\' own exceptions in words (a protected sheet, a timeout)', () => {
    const ss = spreadsheetOf(pira);
    const { fn, ui } = load(ss);
    ss.insertSheet = () => {
      throw new SheetsException('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    };
    fn('scorePlan')();
    expect(ui.alerts[0]).toMatch(/^Cruscotto: operazione non riuscita: Non hai il permesso di modificare questo file/);
    ss.getSheets = () => {
      throw new SheetsException('Service Spreadsheets timed out while accessing document with id 1x.');
    };
    expect(() => fn('sidebarScore')()).toThrow(/^Google Fogli non ha risposto in tempo/);
    expect(logged.length).toBeGreaterThan(0);
  });

  it('the sidebar\'s calls fail with the translated message, the trigger with a toast', () => {
    const ss = new FakeSpreadsheet();
    const en = load(ss, 'en');
    expect(() => en.fn('sidebarScore')()).toThrow(/The Indicatori sheet is missing|Indicators/);
    expect(() => en.fn('sidebarSelectCell')('Nowhere', 'A1')).toThrow('Sheet Nowhere no longer exists.');
    const planSs = spreadsheetOf(pira);
    const { fn } = load(planSs);
    expect(() => fn('sidebarSelectCell')('Indicatori', 'non-una-cella')).toThrow('La cella non-una-cella del foglio Indicatori non esiste.');
    const ind = planSs.sheet('Indicatori');
    ind.getLastRow = () => {
      throw new SheetsException('Service Spreadsheets failed while accessing document with id 1x.');
    };
    expect(() => fn('onEdit')({ range: ind.getRange(5, 5, 1, 1), source: planSs, oldValue: 1, value: 2 })).not.toThrow();
    expect(planSs.toasts.at(-1)).toMatch(/^Errore imprevisto: Service Spreadsheets failed/);
  });
});

describe('custom functions inside a formula', () => {
  it('never write or show anything, read the zone once and convert each date once', () => {
    const ss = new FakeSpreadsheet('Pacific/Auckland');
    ss.mode = 'customFunction';
    const { fn } = load(ss);
    const days = [zonedMidnight(2025, 4, 29, 'Pacific/Auckland'), zonedMidnight(2025, 4, 30, 'Pacific/Auckland'), zonedMidnight(2025, 5, 1, 'Pacific/Auckland')];
    const answers: unknown[] = [];
    for (let i = 0; i < 3000; i++) answers.push(fn('ACHIEVEMENT')(new Date(days[i % 3].getTime()), '<= 30.04.2025'));
    expect(answers.slice(0, 3)).toEqual([1, 1, 0]);
    expect(fn('WEIGHTED')([[0.5], [1]], [[0.25], [0.75]])).toBe(0.875);
    expect(ss.counter.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(ss.counter.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    expect(ss.counter.count('Utilities.formatDate')).toBe(3);
  });

  it('the fake\'s formula mode refuses what Sheets refuses in a formula', () => {
    const ss = spreadsheetOf(pira);
    ss.mode = 'customFunction';
    const { fn, globals } = load(ss);
    expect(() => globals.SpreadsheetApp.getUi()).toThrow(/permission to call getUi/);
    expect(() => ss.toast('x')).toThrow(/permission to call toast/);
    expect(() => ss.sheet('Indicatori').getRange(1, 1).setValues([['x']])).toThrow(/permission to call setValues/);
    expect(() => ss.insertSheet('Nuovo')).toThrow(/permission to call insertSheet/);
    // A menu function run from a formula fails (and cannot even show its alert).
    expect(() => fn('scorePlan')()).toThrow(/permission/);
  });
});

describe('manifest', () => {
  it('asks only for the scopes the bundle needs', () => {
    const manifest = JSON.parse(readFileSync(`${DIST}appsscript.json`, 'utf8')) as { runtimeVersion: string; oauthScopes: string[] };
    expect(manifest.runtimeVersion).toBe('V8');
    const needed = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];
    // Session.getEffectiveUser() (the snapshot's protection, as Google's sample does it) needs the e-mail scope.
    if (/Session\.getEffectiveUser\(\)/.test(code)) needed.push('https://www.googleapis.com/auth/userinfo.email');
    expect([...manifest.oauthScopes].sort()).toEqual(needed.sort());
  });
});
