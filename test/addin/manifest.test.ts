/**
 * The add-in manifest checked offline (office-addin-manifest validate needs a web service): well-formed
 * XML, the right host and requirement sets, one shared runtime, every resid resolves, https URLs
 * (localhost allowed for development), Italian labels with English overrides, and the icons in the build.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';

const { manifestFor } = createRequire(import.meta.url)('../../addin/manifest-url.cjs') as { manifestFor(source: string, base: string): string };

const ROOT = new URL('../../', import.meta.url).pathname;
const source = readFileSync(`${ROOT}manifest.xml`, 'utf8');
const built = `${ROOT}dist/addin/manifest.xml`;

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (key: string, value: unknown, parent: Node) => void) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Node)) {
      visit(k, v, node as Node);
      walk(v, visit);
    }
  }
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: () => false });

describe('manifest.xml', () => {
  it('is well-formed', () => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(XMLValidator.validate(readFileSync(built, 'utf8'))).toBe(true);
  });

  const doc = parser.parse(source).OfficeApp as Node;

  it('is a task pane add-in for Excel with the shared runtime and custom functions sets', () => {
    expect(doc['@type']).toBe('TaskPaneApp');
    expect(JSON.stringify(doc.Hosts)).toContain('"@Name":"Workbook"');
    const sets = JSON.stringify(doc.Requirements);
    expect(sets).toContain('"@Name":"SharedRuntime","@MinVersion":"1.1"');
    expect(sets).toContain('"@Name":"CustomFunctionsRuntime","@MinVersion":"1.2"');
    const text = source;
    expect(text).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(text).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(text).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(text).toMatch(/<FunctionName>scorePlan<\/FunctionName>/);
    expect(text).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it('declares every requirement set the code needs, and checks the others at run time', () => {
    const declared = new Map<string, string>();
    walk(doc.Requirements, (key, value) => {
      if (key === 'Set') for (const set of [value].flat() as Node[]) declared.set(String(set['@Name']), String(set['@MinVersion']));
    });
    const code = readdirSync(`${ROOT}addin`).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`${ROOT}addin/${f}`, 'utf8')).join('\n');
    const version = (v: string) => v.split('.').map(Number).reduce((a, b) => a * 1000 + b);
    // API -> the ExcelApi version that introduced it (Microsoft's requirement-set tables).
    const EXCEL_API: [RegExp, string][] = [
      [/\.names\.(add|getItemOrNullObject)\(/, '1.4'], [/getUsedRangeOrNullObject\(/, '1.4'], [/\.formula\b/, '1.7'],
      [/freezePanes\.freezeRows\(/, '1.7'], [/dataValidation\./, '1.8'], [/\.pageLayout\b/, '1.9'], [/\.notes\b/, '1.18'],
    ];
    const guarded = new Set([...code.matchAll(/'ExcelApi', '(\d+\.\d+)'/g)].map((m) => m[1]));
    for (const [api, needs] of EXCEL_API) {
      if (!api.test(code)) continue;
      const ok = version(declared.get('ExcelApi') ?? '0.0') >= version(needs) || guarded.has(needs);
      expect(ok, `${api} needs ExcelApi ${needs}: declare it or guard it with isSetSupported`).toBe(true);
    }
    expect(guarded).toEqual(new Set(['1.9', '1.18']));
    // CustomFunctions.Error with a message is CustomFunctionsRuntime 1.2.
    if (/new CustomFunctions\.Error\(/.test(readFileSync(`${ROOT}addin/functions.ts`, 'utf8'))) expect(declared.get('CustomFunctionsRuntime')).toBe('1.2');
    if (/displayDialogAsync/.test(code)) expect(code).toMatch(/isSetSupported\?\.\('DialogApi', '1\.1'\)/);
  });

  it('has one task pane with its TaskpaneId on the shared runtime\'s page, as the shared-runtime guide requires', () => {
    const panes = [...source.matchAll(/<Action xsi:type="ShowTaskpane">([\s\S]*?)<\/Action>/g)].map((m) => m[1]);
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatch(/<TaskpaneId>Cruscotto\.Taskpane<\/TaskpaneId>/);
    expect(panes[0]).toMatch(/<SourceLocation resid="Taskpane\.Url"\/>/);
  });

  it('puts only the origin of a custom ADDIN_BASE_URL in AppDomain, the full address everywhere else', () => {
    const custom = manifestFor(source, 'https://intranet.ente.it/cruscotto/');
    expect([...custom.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://intranet.ente.it']);
    expect(custom).toContain('DefaultValue="https://intranet.ente.it/cruscotto/taskpane.html"');
    expect(custom).not.toContain('localhost');
    expect(XMLValidator.validate(custom)).toBe(true);
    expect(() => manifestFor(source, 'http://intranet.ente.it')).toThrow(/https/);
    const built2 = readFileSync(built, 'utf8');
    expect([...built2.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://localhost:3000']);
  });

  it('resolves every resid, and every resource is used', () => {
    const defined = new Map<string, string>();
    const used = new Set<string>();
    walk(doc, (key, value, parent) => {
      if (key === '@resid') used.add(String(value));
      if (key === '@id' && parent['@DefaultValue'] !== undefined) defined.set(String(value), String(parent['@DefaultValue']));
    });
    expect(used.size).toBeGreaterThan(8);
    for (const id of used) expect(defined.has(id), id).toBe(true);
    for (const id of defined.keys()) expect(used.has(id), `${id} unused`).toBe(true);
    expect(defined.get('Functions.Namespace')).toBe('CRUSCOTTO');
    expect(defined.get('Score.Label')).toBe('Calcola punteggi');
    expect(defined.get('Open.Label')).toBe('Apri cruscotto');
    expect(source).toMatch(/<bt:String id="Score.Label" DefaultValue="Calcola punteggi">\s*<bt:Override Locale="en-US" Value="Score plan"\/>/);
    expect(source).toMatch(/<bt:String id="People.Label" DefaultValue="Calcola schede">\s*<bt:Override Locale="en-US" Value="Score scorecards"\/>/);
  });

  it('has a ribbon function for every button that runs one, each registered by the runtime\'s page', () => {
    const functions = [...source.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functions).toEqual(['scorePlan', 'scorePeople']);
    const page = readFileSync(`${ROOT}addin/taskpane.ts`, 'utf8');
    const associated = [...page.matchAll(/Office\.actions\.associate\('(\w+)'/g)].map((m) => m[1]);
    expect(associated.sort()).toEqual([...functions].sort());
    // Labels of at most 125 characters, tooltips of at most 250, as the manifest schema allows.
    for (const m of source.matchAll(/<bt:String id="[^"]+\.Label" DefaultValue="([^"]*)">\s*<bt:Override Locale="en-US" Value="([^"]*)"/g)) {
      for (const label of [m[1], m[2]]) expect(label.length).toBeLessThanOrEqual(125);
    }
    for (const m of source.matchAll(/<bt:String id="[^"]+\.Tooltip" DefaultValue="([^"]*)">\s*<bt:Override Locale="en-US" Value="([^"]*)"/g)) {
      for (const tip of [m[1], m[2]]) expect(tip.length).toBeLessThanOrEqual(250);
    }
  });

  it('uses https URLs only (localhost for development)', () => {
    const urls = [...source.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('points at files that exist in the build, icons at 16, 32 and 80 px', () => {
    const files = [...readFileSync(built, 'utf8').matchAll(/https:\/\/localhost:3000\/([^"<]+)/g)].map((m) => m[1]);
    for (const file of new Set(files)) expect(existsSync(`${ROOT}dist/addin/${file}`), file).toBe(true);
    for (const size of [16, 32, 80]) {
      const png = readFileSync(`${ROOT}dist/addin/assets/icon-${size}.png`);
      // PNG signature, then IHDR width and height.
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
