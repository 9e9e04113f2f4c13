/**
 * Stands in for office.js in the browser test: Office.onReady, the ribbon action registry, a stub
 * CustomFunctions, and Excel.run over the in-memory workbook holding the bundled example.
 */
import { FakeWorkbook } from './fake-excel.js';
import pira from '../fixtures/pira-2024.json' with { type: 'json' };

const workbook = new FakeWorkbook();
for (const [name, table] of Object.entries((pira as { sheets: Record<string, unknown[][]> }).sheets)) workbook.load(name, table);

const actions = new Map<string, (event: { completed(): void }) => unknown>();
class CustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

Object.assign(window, {
  __workbook: workbook,
  __actions: actions,
  Office: {
    context: { displayLanguage: 'it-IT' },
    onReady: (callback?: () => void) => {
      const ready = Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
      if (callback) void ready.then(() => setTimeout(callback, 0));
      return ready;
    },
    actions: { associate: (name: string, fn: (event: { completed(): void }) => unknown) => actions.set(name, fn) },
  },
  Excel: { run: workbook.run },
  CustomFunctions: { associate: () => {}, Error: CustomFunctionError, ErrorCode: { invalidValue: '#VALUE!' } },
});
