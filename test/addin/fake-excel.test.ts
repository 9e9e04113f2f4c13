/**
 * The strict fake refuses what Excel refuses. Each case is code a lenient fake would let pass and real
 * Excel would not: if one of these stopped failing, the adapter's tests would stop meaning anything.
 */
import { describe, expect, it } from 'vitest';
import { loadOfficeJs } from './officejs.js';
import { PAYLOAD_LIMIT } from './fake-excel.js';

function workbook() {
  const runtime = loadOfficeJs();
  runtime.fake.load('Sintesi', [['Titolo', 1]]);
  return runtime;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return String((e as { code?: unknown }).code);
  }
  return 'no error';
}

describe('strict Excel fake behind office.js', () => {
  it('throws PropertyNotLoaded for a property that was not loaded, even when another one was', async () => {
    const { run } = workbook();
    const code = await codeOf(run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sintesi').getUsedRange(true);
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([['Titolo', 1]]);
      return range.rowIndex;
    }));
    expect(code).toBe('PropertyNotLoaded');
  });

  it('does nothing before sync, and the error surfaces at sync with earlier actions applied', async () => {
    const { run, fake } = workbook();
    let queued = 'no error';
    const code = await codeOf(run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sintesi');
      ws.getRange('C1').values = [['prima']];
      try {
        context.workbook.worksheets.add('sintesi');
      } catch (e) {
        queued = String(e);
      }
      expect(fake.sheet('Sintesi').peek(0, 2)).toBeUndefined();
      await context.sync();
    }));
    expect(queued).toBe('no error');
    expect(code).toBe('ItemAlreadyExists');
    expect(fake.sheet('Sintesi').peek(0, 2)?.value).toBe('prima');
    expect(fake.sheets.map((s) => s.name)).toEqual(['Sintesi']);
  });

  it('finds sheets by name in any case, as Excel does', async () => {
    const { run } = workbook();
    const name = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem('SINTESI');
      ws.load('name');
      await context.sync();
      return ws.name;
    });
    expect(name).toBe('Sintesi');
  });

  it('refuses a JavaScript Date in range values', async () => {
    const { run, fake } = workbook();
    const code = await codeOf(run(async (context) => {
      context.workbook.worksheets.getItem('Sintesi').getRange('A2').values = [[new Date(Date.UTC(2025, 0, 31)) as unknown as string]];
      await context.sync();
    }));
    expect(code).toBe('InvalidArgument');
    expect(fake.requests.at(-1)?.error).toBe('InvalidArgument');
  });

  it('checks getRangeByIndexes against the 0-based grid and grids against the range', async () => {
    const { run } = workbook();
    for (const [row, col, rows, cols] of [[-1, 0, 1, 1], [0, 0, 0, 1], [1_048_575, 0, 2, 1], [0, 16_383, 1, 2]]) {
      const code = await codeOf(run(async (context) => {
        context.workbook.worksheets.getItem('Sintesi').getRangeByIndexes(row, col, rows, cols).values = [['x']];
        await context.sync();
      }));
      expect(code, `${row},${col},${rows},${cols}`).toBe('InvalidArgument');
    }
    const code = await codeOf(run(async (context) => {
      context.workbook.worksheets.getItem('Sintesi').getRangeByIndexes(0, 0, 2, 2).values = [['a', 'b'], ['c']];
      await context.sync();
    }));
    expect(code).toBe('InvalidArgument');
  });

  it('refuses a request over 5 MB, as Excel on the web does', async () => {
    const { run, fake } = workbook();
    const big = Array.from({ length: 60_000 }, (_, i) => [`riga ${i} `.padEnd(100, '.')]);
    const code = await codeOf(run(async (context) => {
      context.workbook.worksheets.getItem('Sintesi').getRangeByIndexes(0, 3, big.length, 1).values = big;
      await context.sync();
    }));
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.requests.at(-1)!.bytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.sheet('Sintesi').peek(0, 3)).toBeUndefined();
  });

  it('leaves a cell unchanged for null in a values grid (clearing takes "")', async () => {
    const { run, fake } = workbook();
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sintesi').getRange('A1:B1').values = [[null as unknown as string, '']];
      await context.sync();
    });
    expect(fake.sheet('Sintesi').table()).toEqual([['Titolo']]);
  });

  it('refuses a proxy that outlived its request, and APIs it does not know', async () => {
    const { run } = workbook();
    const stale = await codeOf(run(async (context) => {
      const ws = context.workbook.worksheets.add('Nuovo');
      await context.sync();
      ws.getRange('A1').values = [['x']];
      await context.sync();
    }));
    expect(stale).toBe('InvalidObjectPath');
    const unknown = await codeOf(run(async (context) => {
      context.workbook.worksheets.getItem('Sintesi').getRange('A1').format.font.italic = true;
      await context.sync();
    }));
    expect(unknown).toBe('ApiNotFound');
  });
});
