/**
 * The add-in manifest checked offline (office-addin-manifest validate needs a web service): well-formed
 * XML, the right host and requirement sets, one shared runtime, every resid resolves, https URLs
 * (localhost allowed for development), Italian labels with English overrides, and the icons in the build.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

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
    expect(sets).toContain('"@Name":"CustomFunctionsRuntime","@MinVersion":"1.1"');
    const text = source;
    expect(text).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(text).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(text).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(text).toMatch(/<FunctionName>scorePlan<\/FunctionName>/);
    expect(text).toMatch(/<Action xsi:type="ShowTaskpane">/);
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
