/**
 * The Excel adapter under the shared conformance suite, through Microsoft's office.js serialiser and the
 * strict fake that executes its requests (test/addin/officejs.ts, test/addin/fake-excel.ts). Every
 * request of every behaviour is also held to Excel on the web's 5 MB limit by the fake itself.
 */
import { expect } from 'vitest';
import { ExcelAdapter } from '../../addin/excel-adapter.js';
import { loadOfficeJs } from '../addin/officejs.js';
import { PAYLOAD_LIMIT } from '../addin/fake-excel.js';
import { describeAdapter, cellIndex, type Harness } from './conformance.js';
import type { CellValue, WorkbookAdapter } from '../../src/core/index.js';

describeAdapter('Excel (office.js serialiser, strict fake)', (sheets) => {
  const runtime = loadOfficeJs();
  const { fake } = runtime;
  for (const [name, table] of Object.entries(sheets)) fake.load(name, table);
  // Each call is its own Excel.run, as the host does it: proxies never outlive their batch.
  const adapter: WorkbookAdapter = {
    read: () => runtime.run((context) => new ExcelAdapter(context, { isSetSupported: runtime.isSetSupported }).read()),
    apply: async (plan) => {
      await runtime.run((context) => new ExcelAdapter(context, { isSetSupported: runtime.isSetSupported }).apply(plan));
      for (const r of fake.requests) expect(r.bytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(fake.requests.filter((r) => r.error)).toEqual([]);
    },
  };
  const harness: Harness = {
    adapter,
    sheetNames: () => fake.sheets.map((s) => s.name),
    cell: (sheet, address) => {
      const { row, col } = cellIndex(address);
      const ws = fake.sheet(sheet);
      const c = ws.peek(row, col);
      return { value: c?.value ?? '', fill: c?.fill ?? null, bold: c?.bold ?? false, note: ws.note(row, col), numberFormat: c?.format ?? 'General' };
    },
    ownerOf: (sheet) => {
      const marker = fake.sheet(sheet).names.get('cruscotto_output');
      if (!marker) return null;
      // The marker is a hidden name holding a string formula, as the contract says.
      expect(marker.visible).toBe(false);
      const kind = /^="(summary|issues)"$/.exec(marker.formula)?.[1];
      if (!kind) throw new Error(`${sheet}: marker formula ${marker.formula}`);
      return kind as 'summary' | 'issues';
    },
    setCell: (sheet, address, value: CellValue) => {
      const { row, col } = cellIndex(address);
      fake.sheet(sheet).cell(row, col).value = value === null || value === undefined ? '' : (value as string | number | boolean);
    },
  };
  return harness;
});
