/**
 * No file is ever damaged (issue 9): a write that dies midway leaves the existing target as it was, the
 * input is never the output unless --in-place says so, and runs racing on one --out leave one whole
 * workbook. The CLI runs as users run it (bin/cruscotto.mjs over dist/node), killed for real by the
 * kernel's file-size limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { excelModel, serialize, zipParts } from '../io/corpus/excel.js';
import { ROOT, cli, markedSheets, readParts, type ScoreJson } from '../io/corpus/check.js';
import { largePlan } from '../fixtures/large-plan.js';

const EXAMPLE = join(ROOT, 'examples/pira-2024.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'cruscotto-atomic-'));
const bytes = (file: string) => readFileSync(file);

/** A shell line that runs the CLI ("$@") under a file-size limit of `kb` KiB (bash counts -f in 1024-byte blocks). */
const limited = (kb: number) => `ulimit -f ${kb}; exec "$NODE" "$@"`;

let scoredSize = 0;

beforeAll(async () => {
  // The size of a whole scored copy, so the limit below is sure to cut the write in the middle.
  const probe = join(dir, 'probe.xlsx');
  const run = await cli(['score', EXAMPLE, '--out', probe, '--quiet']);
  if (run.code !== 0) throw new Error(`the example does not score: ${run.stderr}`);
  scoredSize = bytes(probe).length;
}, 120_000);

describe('a write killed by the file-size limit', () => {
  it('leaves the existing --out target byte for byte as it was', async () => {
    const sub = join(dir, 'killed-out');
    mkdirSync(sub);
    const target = join(sub, 'valutato.xlsx');
    // The target already holds last month's scored copy.
    copyFileSync(join(dir, 'probe.xlsx'), target);
    const json = join(sub, 'valutato.json');
    writeFileSync(json, '{"previous": "run"}\n');
    const before = bytes(target);
    const run = await cli(['score', EXAMPLE, '--out', target, '--json', json, '--quiet'], { shell: limited(Math.floor(scoredSize / 2048)) });
    expect(run.code).not.toBe(0);
    expect(bytes(target).equals(before)).toBe(true);
    // A failed run leaves every existing file as it was: the results of last month stay beside their workbook.
    expect(readFileSync(json, 'utf8')).toBe('{"previous": "run"}\n');
    // Node gets EFBIG rather than being killed, so the run can clean up its temporary file.
    expect(readdirSync(sub).sort()).toEqual(['valutato.json', 'valutato.xlsx']);
  });

  it('leaves the input itself unchanged with --in-place', async () => {
    const input = join(dir, 'in-place-killed.xlsx');
    copyFileSync(EXAMPLE, input);
    const before = bytes(input);
    const run = await cli(['score', input, '--in-place', '--quiet'], { shell: limited(Math.floor(scoredSize / 2048)) });
    expect(run.code).not.toBe(0);
    expect(bytes(input).equals(before)).toBe(true);
  });
});

describe('the input as the output', () => {
  it.each([
    ['the same path', (f: string) => f],
    ['another spelling of the path', (f: string) => join(dir, 'sub', '..', f.slice(dir.length + 1))],
  ])('is refused with one sentence naming --in-place when --out is %s, and the file is untouched', async (_, spell) => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const input = join(dir, `same-${Math.random().toString(36).slice(2)}.xlsx`);
    copyFileSync(EXAMPLE, input);
    const run = await cli(['score', input, '--out', spell(input)]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--in-place');
    expect(bytes(input).equals(bytes(EXAMPLE))).toBe(true);
  });

  it('is scored in place with --in-place: the file gains the tool sheets and the scores', async () => {
    const input = join(dir, 'in-place.xlsx');
    const json = join(dir, 'in-place.json');
    copyFileSync(EXAMPLE, input);
    const run = await cli(['score', input, '--in-place', '--json', json, '--quiet']);
    expect(run.code).toBe(0);
    expect(markedSheets(readParts(input))).toEqual({ summary: 'Sintesi', issues: 'Segnalazioni', people: 'Schede individuali' });
  });
});

describe('four runs at once on the same --out', () => {
  it('leave one whole workbook, the result of one of them, exit 0 each, and no stray files', async () => {
    const sub = join(dir, 'race');
    mkdirSync(sub);
    // Four different plans, big enough that the writes overlap: a mix of them cannot pass for one.
    const inputs = [1, 2, 3, 4].map((seed) => {
      const file = join(sub, `piano${seed}.xlsx`);
      writeFileSync(file, zipParts(serialize(excelModel(largePlan(2000, seed)))));
      return file;
    });
    const out = join(sub, 'valutato.xlsx');
    const runs = await Promise.all(inputs.map((input, i) => cli(['score', input, '--out', out, '--json', join(sub, `run${i}.json`), '--quiet'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(() => readParts(out)).not.toThrow();
    expect(markedSheets(readParts(out))).toEqual({ summary: 'Sintesi', issues: 'Segnalazioni' });
    // The survivor reads back as a plan and scores exactly as one of the four runs said.
    const again = await cli(['score', out, '--out', join(sub, 'again.xlsx'), '--json', join(sub, 'again.json'), '--quiet']);
    expect(again.code).toBe(0);
    const scores = (file: string) => {
      const json = JSON.parse(readFileSync(join(sub, file), 'utf8')) as ScoreJson;
      return { entity: json.entity, indicators: json.indicators.map((i) => [i.code, i.score]) };
    };
    const survivor = scores('again.json');
    expect([0, 1, 2, 3].filter((i) => JSON.stringify(scores(`run${i}.json`)) === JSON.stringify(survivor))).toHaveLength(1);
    expect(readdirSync(sub).filter((f) => !/^(piano\d|run\d|again)\./.test(f))).toEqual(['valutato.xlsx']);
  });
});
