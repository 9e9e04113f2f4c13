import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LARGE_WORKBOOK_BYTES, collectAsUsual, collectEarly } from '../../src/cli/commands/score.js';

const dir = mkdtempSync(join(tmpdir(), 'cruscotto-memory-'));

function fileOf(name: string, bytes: number): string {
  const file = join(dir, name);
  writeFileSync(file, '');
  // Sparse: the size is what is checked, nothing is read.
  truncateSync(file, bytes);
  return file;
}

describe('early garbage collection for large workbooks', () => {
  const saved = process.env.NODE_OPTIONS;
  afterEach(() => {
    collectAsUsual();
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  });

  it('is asked for a workbook of the large size, not for a smaller one or a missing one', () => {
    expect(collectEarly(fileOf('small.xlsx', LARGE_WORKBOOK_BYTES - 1))).toBe(false);
    expect(collectEarly(join(dir, 'missing.xlsx'))).toBe(false);
    expect(collectEarly(fileOf('large.xlsx', LARGE_WORKBOOK_BYTES))).toBe(true);
  });

  it('leaves a growth the user set in NODE_OPTIONS alone', () => {
    process.env.NODE_OPTIONS = '--heap-growing-percent=80';
    expect(collectEarly(fileOf('large2.xlsx', LARGE_WORKBOOK_BYTES + 1))).toBe(false);
  });
});
