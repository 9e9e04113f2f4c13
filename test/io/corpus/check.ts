/**
 * What a scored copy must keep, checked on the packages themselves (no xlsx library in between, so the
 * check cannot share a reader's blind spots): every part scoring does not need is byte for byte the
 * input's; in the parts it does need, everything the input had is still there, unchanged and in place.
 * Each check returns the list of what it found wrong, so a failure names the part, sheet and cell.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

export type Parts = Map<string, Uint8Array>;

/** A failing check lists what it found; the first few are enough to read in a CI log. */
export const firstOf = (problems: string[]) => (problems.length > 20 ? [...problems.slice(0, 20), `... ${problems.length} in all`] : problems);

export function readParts(file: string): Parts {
  // Directory entries (ExcelJS writes them) are not parts.
  return new Map(Object.entries(unzipSync(readFileSync(file))).filter(([name]) => !name.endsWith('/')));
}

const text = (parts: Parts, path: string): string => {
  const data = parts.get(path);
  return data ? strFromU8(data) : '';
};

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"|([\w:.-]+)\s*=\s*'([^']*)'/g)) out[m[1] ?? m[3]] = m[2] ?? m[4];
  return out;
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name],
  );

/** Every element named `name` (with its content), in document order. Not for elements nested in themselves. */
export function elements(xml: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g');
  for (const m of xml.matchAll(re)) out.push(m[0]);
  return out;
}

/** The direct children of the root element, as strings. */
export function children(xml: string): { name: string; xml: string }[] {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const open = /^<([\w:]+)[^>]*>/.exec(body);
  if (!open) return [];
  const root = open[1];
  const inner = body.slice(open[0].length, body.lastIndexOf(`</${root}>`));
  const out: { name: string; xml: string }[] = [];
  let i = 0;
  while (i < inner.length) {
    const start = inner.indexOf('<', i);
    if (start < 0) break;
    const m = /^<([\w:]+)[^>]*?(\/?)>/.exec(inner.slice(start));
    if (!m) break;
    let end: number;
    if (m[2] === '/') end = start + m[0].length;
    else {
      const close = inner.indexOf(`</${m[1]}>`, start);
      end = close < 0 ? inner.length : close + m[1].length + 3;
    }
    out.push({ name: m[1], xml: inner.slice(start, end) });
    i = end;
  }
  return out;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsPath = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

export interface Rel {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

export function rels(parts: Parts, part: string): Rel[] {
  return elements(text(parts, relsPath(part)), 'Relationship').map((r) => attrs(r) as unknown as Rel);
}

export function mainPart(parts: Parts): string {
  const office = elements(text(parts, '_rels/.rels'), 'Relationship').map(attrs).find((r) => r.Type.endsWith('/officeDocument'));
  return resolve('', office?.Target ?? 'xl/workbook.xml');
}

export interface SheetEntry {
  name: string;
  path: string;
  attrs: Record<string, string>;
}

export function sheetList(parts: Parts): SheetEntry[] {
  const wb = mainPart(parts);
  const byId = new Map(rels(parts, wb).map((r) => [r.Id, resolve(wb, r.Target)]));
  return elements(text(parts, wb), 'sheet').map((s) => {
    const a = attrs(s);
    return { name: decode(a.name), path: byId.get(a['r:id']) ?? '', attrs: a };
  });
}

/** Defined names with their scope as a sheet name, so a renumbered localSheetId still compares equal. */
function definedNames(parts: Parts): string[] {
  const sheets = sheetList(parts);
  return elements(text(parts, mainPart(parts)), 'definedName').map((d) => {
    const a = attrs(d.slice(0, d.indexOf('>') + 1));
    const scope = a.localSheetId !== undefined ? sheets[Number(a.localSheetId)]?.name : '';
    delete a.localSheetId;
    return JSON.stringify([scope, Object.entries(a).sort(), d.slice(d.indexOf('>') + 1)]);
  });
}

export function sharedStrings(parts: Parts): string[] {
  const wb = mainPart(parts);
  const rel = rels(parts, wb).find((r) => r.Type.endsWith('/sharedStrings'));
  if (!rel) return [];
  return elements(text(parts, resolve(wb, rel.Target)), 'si');
}

const siText = (si: string) => decode(elements(si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''), 't').map((t) => t.replace(/^<t[^>]*>|<\/t>$/g, '').replace(/^<t[^>]*\/>$/, '')).join(''));

export interface Cell {
  ref: string;
  row: number;
  col: number;
  attrs: Record<string, string>;
  /** The cell's inner XML (f, v, is). */
  inner: string;
  /** Whether it has a value or a formula (a styled empty cell has neither). */
  content: boolean;
  text: string;
}

export interface Row {
  attrs: Record<string, string>;
  cells: Cell[];
}

function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function colLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function sheetRows(xml: string, sst: string[]): Map<number, Row> {
  const rows = new Map<number, Row>();
  const data = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml)?.[1] ?? '';
  let rowNumber = 0;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const ra = attrs(rm[1]);
    rowNumber = ra.r ? Number(ra.r) - 1 : rowNumber + 1;
    const cells: Cell[] = [];
    let col = -1;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ca = attrs(cm[1]);
      const m = ca.r ? /^([A-Z]+)(\d+)$/.exec(ca.r) : null;
      col = m ? colIndex(m[1]) : col + 1;
      const inner = cm[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const t = ca.t ?? 'n';
      const value = t === 's' && v !== undefined ? siText(sst[Number(v)] ?? '') : t === 'inlineStr' ? siText(inner) : decode(v ?? '');
      cells.push({ ref: `${colLetters(col)}${rowNumber + 1}`, row: rowNumber, col, attrs: ca, inner, content: /<(v|f|is)\b/.test(inner), text: value });
    }
    rows.set(rowNumber, { attrs: ra, cells });
  }
  return rows;
}

/** Effective column attributes per column index from <cols>. */
function colAttrs(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml)?.[1] ?? '';
  for (const c of elements(cols, 'col')) {
    const a = attrs(c);
    const { min, max, ...rest } = a;
    for (let i = Number(min); i <= Number(max); i++) out.set(i - 1, JSON.stringify(Object.entries(rest).sort()));
  }
  return out;
}

export const OUTPUT_HEADERS = {
  Indicatori: ['Raggiungimento', 'Punteggio', 'Stato', 'Contributo'],
  Obiettivi: ['Risultato', '% Raggiungimento', 'Valutazione'],
} as const;

/** Worksheet children the writer may add or rewrite; everything else must come through as it was. */
const REWRITABLE = new Set(['sheetData', 'cols', 'dimension']);
const ADDABLE = new Set(['cols', 'legacyDrawing', 'dimension', 'sheetData']);

export interface SheetCheck {
  problems: string[];
  /** Output column letters, as found by their headers. */
  outputColumns: Record<string, string>;
  headerRow: number;
}

function checkScoredSheet(name: keyof typeof OUTPUT_HEADERS, inXml: string, outXml: string, inSst: string[], outSst: string[]): SheetCheck {
  const problems: string[] = [];
  const inRows = sheetRows(inXml, inSst);
  const outRows = sheetRows(outXml, outSst);
  const inCells = new Map<string, Cell>();
  for (const row of inRows.values()) for (const c of row.cells) inCells.set(c.ref, c);
  const outCells = new Map<string, Cell>();
  for (const row of outRows.values()) for (const c of row.cells) outCells.set(c.ref, c);

  let headerRow = 0;
  for (let r = 0; r < 20; r++) if (inRows.get(r)?.cells.some((c) => c.text.trim().toLowerCase() === 'codice')) {
    headerRow = r;
    break;
  }
  const usedColumns = new Set<number>();
  for (const c of inCells.values()) if (c.content) usedColumns.add(c.col);

  const outputColumns: Record<string, string> = {};
  for (const c of outRows.get(headerRow)?.cells ?? []) {
    if ((OUTPUT_HEADERS[name] as readonly string[]).includes(c.text) && !usedColumns.has(c.col)) outputColumns[c.text] = colLetters(c.col);
  }
  for (const h of OUTPUT_HEADERS[name]) if (!outputColumns[h]) problems.push(`${name}: no output column "${h}" in an empty column of header row ${headerRow + 1}`);
  const outputCols = new Set(Object.values(outputColumns).map(colIndex));

  for (const [ref, c] of inCells) {
    if (!c.content && outputCols.has(c.col)) continue;
    const o = outCells.get(ref);
    const norm = (a: Record<string, string>) => JSON.stringify([a.s ?? '0', a.t ?? 'n']);
    if (!o) problems.push(`${name}!${ref}: input cell lost`);
    else if (norm(c.attrs) !== norm(o.attrs) || c.inner !== o.inner) {
      problems.push(`${name}!${ref}: input cell changed: ${JSON.stringify([c.attrs, c.inner])} -> ${JSON.stringify([o.attrs, o.inner])}`);
    }
  }
  for (const [ref, o] of outCells) {
    if (inCells.has(ref) || !o.content) continue;
    if (!outputCols.has(o.col)) problems.push(`${name}!${ref}: new cell outside the output columns (${JSON.stringify(o.text)})`);
  }
  for (const [r, row] of inRows) {
    const { spans: _a, ...a } = row.attrs;
    const { spans: _b, ...b } = outRows.get(r)?.attrs ?? {};
    if (JSON.stringify(Object.entries(a).sort()) !== JSON.stringify(Object.entries(b).sort())) {
      problems.push(`${name} row ${r + 1}: attributes changed ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
    }
  }
  const inCols = colAttrs(inXml);
  const outCols = colAttrs(outXml);
  for (const col of usedColumns) {
    if ((inCols.get(col) ?? '') !== (outCols.get(col) ?? '')) problems.push(`${name} column ${colLetters(col)}: width/style changed`);
  }

  const outChildren = children(outXml);
  const outStrings = new Set(outChildren.map((c) => c.xml));
  const inChildren = children(inXml);
  for (const c of inChildren) {
    if (REWRITABLE.has(c.name)) continue;
    if (!outStrings.has(c.xml)) problems.push(`${name}: <${c.name}> lost or changed: ${c.xml.slice(0, 160)}`);
  }
  const inStrings = new Set(inChildren.map((c) => c.xml));
  const inNames = new Set(inChildren.map((c) => c.name));
  for (const c of outChildren) {
    if (!inStrings.has(c.xml) && !ADDABLE.has(c.name) && !inNames.has(c.name)) problems.push(`${name}: unexpected new <${c.name}>`);
  }
  return { problems, outputColumns, headerRow };
}

/** Elements of a list part (authors, comments, VML shapes, styles) the output must still hold, in place when `inPlace`. */
function keeps(label: string, before: string[], after: string[], inPlace: boolean): string[] {
  const problems: string[] = [];
  before.forEach((el, i) => {
    if (inPlace ? after[i] !== el : !after.includes(el)) problems.push(`${label}: ${inPlace ? `entry ${i} changed or moved` : 'entry lost or changed'}: ${el.slice(0, 120)}`);
  });
  return problems;
}

const STYLE_LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];
const STYLE_ITEM: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf', cellStyles: 'cellStyle', dxfs: 'dxf' };

export interface PackageCheck {
  problems: string[];
  sheets: Partial<Record<keyof typeof OUTPUT_HEADERS, SheetCheck>>;
  /** Sheets of the output that carry the tool's marker, by kind. */
  toolSheets: { summary?: string; issues?: string };
}

/** The tool's own sheets, by the hidden sheet-scoped CRUSCOTTO_OUTPUT name. */
export function markedSheets(parts: Parts): { summary?: string; issues?: string; people?: string } {
  const sheets = sheetList(parts);
  const out: { summary?: string; issues?: string; people?: string } = {};
  for (const d of elements(text(parts, mainPart(parts)), 'definedName')) {
    const a = attrs(d.slice(0, d.indexOf('>') + 1));
    if (a.name !== 'CRUSCOTTO_OUTPUT' || a.localSheetId === undefined) continue;
    const kind = decode(d.slice(d.indexOf('>') + 1, d.lastIndexOf('<'))).replace(/^=?"|"$/g, '');
    if (kind === 'summary' || kind === 'issues' || kind === 'people') out[kind] = sheets[Number(a.localSheetId)]?.name;
  }
  return out;
}

export function checkPackage(input: Parts, output: Parts): PackageCheck {
  const problems: string[] = [];
  const wb = mainPart(input);
  const inSheets = sheetList(input);
  const outSheets = sheetList(output);
  const touchable = new Set(['[Content_Types].xml', wb, relsPath(wb), 'docProps/app.xml']);
  const wbRels = rels(input, wb);
  const sstPath = wbRels.find((r) => r.Type.endsWith('/sharedStrings'));
  const stylesPath = wbRels.find((r) => r.Type.endsWith('/styles'));
  if (sstPath) touchable.add(resolve(wb, sstPath.Target));
  if (stylesPath) touchable.add(resolve(wb, stylesPath.Target));
  const listParts: { path: string; kind: 'comments' | 'vml' }[] = [];
  for (const name of Object.keys(OUTPUT_HEADERS)) {
    const s = inSheets.find((x) => x.name === name);
    if (!s) continue;
    touchable.add(s.path);
    touchable.add(relsPath(s.path));
    const xml = text(input, s.path);
    const legacy = /<legacyDrawing\b[^>]*r:id="([^"]+)"/.exec(xml)?.[1];
    for (const r of rels(input, s.path)) {
      const target = resolve(s.path, r.Target);
      if (r.Type.endsWith('/comments')) listParts.push({ path: target, kind: 'comments' });
      if (r.Id === legacy) listParts.push({ path: target, kind: 'vml' });
    }
  }
  for (const p of listParts) touchable.add(p.path);

  for (const [path, data] of input) {
    const out = output.get(path);
    if (!out) problems.push(`part lost: ${path}`);
    else if (!touchable.has(path) && Buffer.compare(Buffer.from(data), Buffer.from(out)) !== 0) problems.push(`part changed: ${path}`);
  }

  // Content types and relationships: everything declared before is still declared.
  const ctIn = [...elements(text(input, '[Content_Types].xml'), 'Default'), ...elements(text(input, '[Content_Types].xml'), 'Override')].map((e) => JSON.stringify(Object.entries(attrs(e)).sort()));
  const ctOut = new Set([...elements(text(output, '[Content_Types].xml'), 'Default'), ...elements(text(output, '[Content_Types].xml'), 'Override')].map((e) => JSON.stringify(Object.entries(attrs(e)).sort())));
  for (const c of ctIn) if (!ctOut.has(c)) problems.push(`[Content_Types].xml: lost ${c}`);
  for (const part of [wb, ...Object.keys(OUTPUT_HEADERS).map((n) => inSheets.find((s) => s.name === n)?.path ?? '')].filter(Boolean)) {
    const after = new Set(rels(output, part).map((r) => JSON.stringify([r.Id, r.Type, r.Target, r.TargetMode ?? ''])));
    for (const r of rels(input, part)) {
      const key = JSON.stringify([r.Id, r.Type, r.Target, r.TargetMode ?? '']);
      if (!after.has(key)) problems.push(`${relsPath(part)}: relationship lost or changed ${key}`);
    }
  }

  // The workbook part: every sheet entry and every name as it was, every other element verbatim.
  for (const s of inSheets) {
    const o = outSheets.find((x) => x.name === s.name);
    if (!o) problems.push(`sheet lost: ${s.name}`);
    else if (JSON.stringify(Object.entries(s.attrs).sort()) !== JSON.stringify(Object.entries(o.attrs).sort())) problems.push(`sheet entry changed: ${s.name}`);
  }
  const outNames = definedNames(output);
  for (const d of definedNames(input)) if (!outNames.includes(d)) problems.push(`defined name lost or changed: ${d}`);
  const outWbChildren = new Set(children(text(output, wb)).map((c) => c.xml));
  for (const c of children(text(input, wb))) {
    if (c.name === 'sheets' || c.name === 'definedNames') continue;
    if (!outWbChildren.has(c.xml)) problems.push(`${wb}: <${c.name}> lost or changed: ${c.xml.slice(0, 160)}`);
  }

  // Shared strings and styles are appended to, never renumbered.
  const inSst = sharedStrings(input);
  const outSst = sharedStrings(output);
  problems.push(...keeps('sharedStrings', inSst, outSst, true));
  if (stylesPath) {
    const sin = text(input, resolve(wb, stylesPath.Target));
    const sout = text(output, resolve(wb, stylesPath.Target));
    for (const list of STYLE_LISTS) {
      const block = (xml: string) => new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(xml)?.[1] ?? '';
      problems.push(...keeps(`styles ${list}`, elements(block(sin), STYLE_ITEM[list]), elements(block(sout), STYLE_ITEM[list]), true));
    }
  }
  for (const p of listParts) {
    const a = text(input, p.path);
    const b = text(output, p.path);
    if (p.kind === 'comments') {
      problems.push(...keeps(`${p.path} authors`, elements(a, 'author'), elements(b, 'author'), true));
      problems.push(...keeps(`${p.path} comments`, elements(a, 'comment'), elements(b, 'comment'), false));
    } else problems.push(...keeps(`${p.path} shapes`, elements(a, 'v:shape'), elements(b, 'v:shape'), false));
  }

  const sheets: PackageCheck['sheets'] = {};
  for (const name of Object.keys(OUTPUT_HEADERS) as (keyof typeof OUTPUT_HEADERS)[]) {
    const s = inSheets.find((x) => x.name === name);
    const o = outSheets.find((x) => x.name === name);
    if (!s || !o) continue;
    // A sheet has one comments part and one legacy drawing: new notes go into the existing ones.
    if (rels(output, o.path).filter((r) => r.Type.endsWith('/comments')).length > 1) problems.push(`${name}: more than one comments part`);
    if (elements(text(output, o.path), 'legacyDrawing').length > 1) problems.push(`${name}: more than one <legacyDrawing>`);
    const check = checkScoredSheet(name, text(input, s.path), text(output, o.path), inSst, outSst);
    sheets[name] = check;
    problems.push(...check.problems);
  }
  return { problems, sheets, toolSheets: markedSheets(output) };
}

/** Cell texts of a sheet of the output, by A1 address. */
export function sheetTexts(parts: Parts, sheetName: string): Map<string, string> {
  const s = sheetList(parts).find((x) => x.name === sheetName);
  const out = new Map<string, string>();
  if (!s) return out;
  for (const row of sheetRows(text(parts, s.path), sharedStrings(parts)).values()) for (const c of row.cells) out.set(c.ref, c.text);
  return out;
}

export { text as partText };

export const ROOT = new URL('../../../', import.meta.url).pathname;
/** CRUSCOTTO_BIN runs the same checks against another build (e.g. a worktree of an older commit). */
const BIN = process.env.CRUSCOTTO_BIN ?? new URL('../../../bin/cruscotto.mjs', import.meta.url).pathname;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as users run it: the launcher over dist/node (built by `npm run build:cli`). */
export function cli(args: string[], options: { shell?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((done) => {
    // A shell line runs with the launcher and arguments as "$@" and this Node as $NODE (for ulimit).
    const [file, argv] = options.shell ? ['bash', ['-c', options.shell, 'cruscotto', BIN, ...args]] : [process.execPath, [BIN, ...args]];
    const env = { ...process.env, NODE: process.execPath };
    execFile(file, argv, { cwd: options.cwd ?? ROOT, env, timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** Runs jobs at most `limit` at a time (CI has two cores). */
export async function pool<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await job(items[i]);
      }
    }),
  );
  return results;
}

/** One soffice run for many files: every sheet of each to CSV "as shown" (en-US numbers), into `dir`. */
export function libreofficeCsv(files: string[], dir: string): void {
  // Field 9 "true": cell contents as shown; field 12 "-1": one CSV per sheet, named <file>-<sheet>.csv.
  execFileSync('soffice', [
    '--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`,
    '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1',
    ...files, '--outdir', dir,
  ], { stdio: 'ignore', timeout: 600_000 });
}

export function csvRows(file: string): string[][] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').map((line) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return cells;
  });
}

export interface ScoreJson {
  entity: { score: number | null; rating: string | null };
  objectives: { code: string; score: number | null; achievement: number | null; rating: string | null }[];
  indicators: { code: string; score: number | null; achievement: number | null; status: string }[];
  issues: { severity: string; sheet: string; cell: string; message: string; code: string }[];
}

/** "81.98%" as LibreOffice shows it, against a fraction: equal at the two decimals shown. */
function shownPercent(shown: string | undefined, score: number | null): boolean {
  if (score === null) return shown === undefined || !/\d/.test(shown);
  const m = /^(-?\d+(?:\.\d+)?)%$/.exec(shown ?? '');
  return !!m && Math.abs(Number(m[1]) - score * 100) <= 0.005 + 1e-9;
}

/**
 * What LibreOffice shows in the scored copy (CSVs from `libreofficeCsv`) against the --json: every
 * indicator's Punteggio, every objective's Risultato, and the entity in the tool's summary sheet.
 */
export function libreofficeScores(dir: string, base: string, json: ScoreJson, summarySheet: string): string[] {
  const problems: string[] = [];
  const table = (sheet: string) => {
    const rows = csvRows(join(dir, `${base}-${sheet}.csv`));
    const h = rows.findIndex((r) => r.some((c) => c.trim().toLowerCase() === 'codice'));
    return { header: rows[h] ?? [], rows: rows.slice(h + 1) };
  };
  const ind = table('Indicatori');
  const punteggio = ind.header.indexOf('Punteggio');
  if (punteggio < 0) problems.push(`${base}: LibreOffice shows no Punteggio column in Indicatori`);
  for (const i of json.indicators) {
    const row = ind.rows.find((r) => r[0] === i.code);
    if (!row || !shownPercent(row[punteggio], i.score)) problems.push(`${base}: Indicatori ${i.code} Punteggio shown ${JSON.stringify(row?.[punteggio])}, JSON ${i.score}`);
  }
  const obj = table('Obiettivi');
  const risultato = obj.header.indexOf('Risultato');
  if (risultato < 0) problems.push(`${base}: LibreOffice shows no Risultato column in Obiettivi`);
  for (const o of json.objectives) {
    const row = obj.rows.find((r) => r[0] === o.code);
    if (!row || !shownPercent(row[risultato], o.score)) problems.push(`${base}: Obiettivi ${o.code} Risultato shown ${JSON.stringify(row?.[risultato])}, JSON ${o.score}`);
  }
  const summary = csvRows(join(dir, `${base}-${summarySheet}.csv`));
  const entity = summary.find((r) => r[0] === "Risultato dell'ente");
  if (!entity || !shownPercent(entity[1], json.entity.score)) problems.push(`${base}: ${summarySheet} shows the entity as ${JSON.stringify(entity?.[1])}, JSON ${json.entity.score}`);
  return problems;
}

/**
 * Pages of a printed workbook by sheet. LibreOffice prints the visible sheets in workbook order, each from
 * a new page with its first cell at the top left; a sheet's pages run from the first page (after the
 * previous sheet's start) showing its first non-empty cell's text to the next sheet's start. `cells`
 * gives a sheet's cells as shown (the CSV LibreOffice wrote), so the text matches the print.
 */
export function sheetPages(parts: Parts, pages: string[], cells: (sheet: string) => string[][]): { pages: Map<string, number>; starts: Map<string, number> } {
  const printed = sheetList(parts)
    .filter((s) => s.attrs.state !== 'hidden' && s.attrs.state !== 'veryHidden')
    .map((s) => ({ name: s.name, first: cells(s.name).flat().find((c) => c.trim() !== '') }))
    .filter((s): s is { name: string; first: string } => s.first !== undefined);
  const starts = new Map<string, number>();
  let from = 0;
  for (const s of printed) {
    const page = pages.findIndex((text, i) => i >= from && text.includes(s.first));
    if (page < 0) throw new Error(`no printed page shows the first cell of ${s.name} ("${s.first}")`);
    starts.set(s.name, page);
    from = page + 1;
  }
  const counts = new Map<string, number>();
  printed.forEach((s, i) => counts.set(s.name, (i + 1 < printed.length ? (starts.get(printed[i + 1].name) as number) : pages.length) - (starts.get(s.name) as number)));
  return { pages: counts, starts };
}
