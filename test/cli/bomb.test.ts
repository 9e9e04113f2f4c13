/**
 * Issue 9's "6 MB file that expands to 300 MB": small packages whose plan parts expand to hundreds of MB,
 * each scored by the CLI as users run it (bin/cruscotto.mjs over dist/node) in a child process whose heap
 * is bounded well below what the expanded text would take, so running out of memory would show.
 * The CLI must refuse with one sentence naming the limit (exit 2), or score within that heap.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTablesFile } from '../../src/io/tables.js';
import { atomicWrite } from '../../src/io/write.js';
import { ZipReader, ZipWriter } from '../../src/io/zip.js';
import { largePlan } from '../fixtures/large-plan.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cruscotto-bomb-'));
const BASE = join(dir, 'base.xlsx');
/** Far below the ~300 MB each package expands to. */
const HEAP_MB = 192;

/** `times` repetitions of `unit`, in pieces of about 1 MB. */
function* repeat(unit: string, times: number): Generator<string> {
  const perPiece = Math.max(1, Math.floor(2 ** 20 / unit.length));
  const piece = unit.repeat(perPiece);
  for (let done = 0; done < times; done += perPiece) yield times - done >= perPiece ? piece : unit.repeat(times - done);
}

/** The base workbook with some parts' XML replaced (streamed: the expanded text never exists whole here either). */
async function bomb(name: string, parts: Record<string, () => Iterable<string>>): Promise<string> {
  const file = join(dir, name);
  const src = ZipReader.open(BASE);
  try {
    await atomicWrite(file, async (fd) => {
      const zip = new ZipWriter(fd);
      for (const entry of src.entries) {
        const make = parts[entry.name];
        if (make) await zip.add(entry.name, make());
        else zip.copy(src, entry);
      }
      zip.finish();
    });
  } finally {
    src.close();
  }
  return file;
}

function score(file: string, lang: 'it' | 'en') {
  const out = join(dir, `${lang}-out.xlsx`);
  const res = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, 'bin/cruscotto.mjs'), 'score', file, '--out', out, '--lang', lang, '--quiet'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stderr: res.stderr, out };
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const EXPANDED = 300 * 2 ** 20;

let sheetPart = '';

beforeAll(async () => {
  await writeTablesFile(BASE, largePlan(40));
  const zip = ZipReader.open(BASE);
  // writeTablesFile writes the sheets in the plan's order: Obiettivi, Indicatori, ...
  sheetPart = zip.entries.map((e) => e.name).filter((n) => n.startsWith('xl/worksheets/'))[1];
  zip.close();
}, 60_000);

describe('a small package that expands to ~300 MB', () => {
  const cases: [string, () => Record<string, () => Iterable<string>>, { it: RegExp; en: RegExp }][] = [
    [
      'one shared string of 300 MB',
      () => ({
        'xl/sharedStrings.xml': function* () {
          yield `${HEAD}<sst xmlns="${MAIN}"><si><t>`;
          yield* repeat('A', EXPANDED);
          yield '</t></si></sst>';
        },
      }),
      { it: /le stringhe condivise contiene un testo di oltre 32\.767 caratteri, il limite di Excel per una cella/, en: /the shared strings holds a text of more than 32,767 characters, Excel's limit for one cell/ },
    ],
    [
      'one shared string of 300 MB in rich-text runs',
      () => ({
        'xl/sharedStrings.xml': function* () {
          yield `${HEAD}<sst xmlns="${MAIN}"><si>`;
          yield* repeat('<r><t>AAAAAAAAAA</t></r>', Math.floor(EXPANDED / 24));
          yield '</si></sst>';
        },
      }),
      { it: /le stringhe condivise contiene un testo di oltre 32\.767/, en: /the shared strings holds a text of more than 32,767/ },
    ],
    [
      'Indicatori repeating one long inline text on more rows than Excel has',
      () => ({
        [sheetPart]: function* () {
          yield `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row><c t="inlineStr"><is><t>Codice</t></is></c></row>`;
          const cell = `<row><c t="inlineStr"><is><t>${'Indicatore ripetuto '.repeat(12)}</t></is></c></row>`;
          yield* repeat(cell, Math.floor(EXPANDED / cell.length));
          yield '</sheetData></worksheet>';
        },
      }),
      { it: /il foglio Indicatori supera 1\.048\.576 righe/, en: /sheet Indicatori has more than 1,048,576 rows/ },
    ],
  ];

  it.each(cases)('%s: refused in one sentence naming the limit, within a bounded heap', async (name, parts, expected) => {
    const file = await bomb(`${name.replace(/\W+/g, '-')}.xlsx`, parts());
    // A few MB on disk at most: the expansion is the point.
    expect(statSync(file).size).toBeLessThan(8 * 2 ** 20);
    for (const lang of ['it', 'en'] as const) {
      const { code, stderr, out } = score(file, lang);
      expect(stderr).not.toMatch(/heap out of memory|FATAL|at .*\.js:\d+/);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(expected[lang]);
      expect(existsSync(out)).toBe(false);
    }
  }, 240_000);
});
