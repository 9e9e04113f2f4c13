/**
 * The built Apps Script bundle must get past the Apps Script editor's parser, which refuses some syntax V8
 * itself runs (node --check and the vm tests cannot see it). dist/gas/Code.js is tokenised and parsed with
 * TypeScript's scanner; see apps-script-syntax.ts for what is refused and where that is documented.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { rejectedSyntax } from './apps-script-syntax.js';

const CODE = new URL('../../dist/gas/Code.js', import.meta.url).pathname;

describe('the checker is a tokenizer, not a search', () => {
  it.each([
    ['const a = 10n;', ['BigInt literal']],
    ['const a = 0x1Fn + 0b1n;', ['BigInt literal', 'BigInt literal']],
    ['let d = x < 0n ? -1n : 1n;', ['BigInt literal', 'BigInt literal', 'BigInt literal']],
    ['export function f() {}', ['module syntax']],
    ['export { f };', ['module syntax']],
    ['import x from "y";', ['module syntax']],
    ['const m = import("y");', ['module syntax']],
    ['class A { x = 1; static y = 2; m() {} }', ['class field', 'class field']],
    ['class A { #p = 1; }', ['class field']],
    ['const a = (;', ['syntax error']],
  ])('%s', (source, expected) => {
    expect(rejectedSyntax(source).map((r) => r.what)).toEqual(expected);
  });

  it.each([
    'const s = "10n"; const t = \'0n\';',
    '// 10n in a comment\n/* and 1n here */ const a = 1;',
    'const r = /10n/g.test(x);',
    'const t = `${a}10n${b} 2n`;',
    'const a = BigInt(10); const b = BigInt("12345678901234567890");',
    'const o = { export: 1, import: 2 }; o.export = o.import;',
    'class A { constructor() { this.x = 1; } get y() { return 2; } static z() {} }',
  ])('accepts %s', (source) => {
    expect(rejectedSyntax(source)).toEqual([]);
  });
});

describe('dist/gas/Code.js', () => {
  let code: string;
  beforeAll(() => {
    if (!existsSync(CODE)) throw new Error('dist/gas/Code.js missing: run `npm run build:gas` first');
    code = readFileSync(CODE, 'utf8');
  });

  it('has no syntax the Apps Script editor refuses', () => {
    const found = rejectedSyntax(code);
    expect(found.map((r) => `${r.line}:${r.column} ${r.what}: ${r.text}`)).toEqual([]);
  });

  it('still computes with BigInt (through the constructor), so the check is not vacuous', () => {
    expect(code).toMatch(/\bBigInt\(/);
  });
});
