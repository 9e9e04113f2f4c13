/**
 * The built dist/addin/functions.js in a plain V8 context with a stub CustomFunctions: the same answers
 * as the core for the fixture shared with the Apps Script tests; bad arguments become #VALUE! errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { functionTable } from '../../src/core/index.js';

const DIST = new URL('../../dist/addin/', import.meta.url).pathname;

class CustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

const registered = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(() => {
  if (!existsSync(`${DIST}functions.js`)) throw new Error('dist/addin/functions.js missing: run `npm run build` first');
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      Error: CustomFunctionError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    },
  });
  vm.runInContext(readFileSync(`${DIST}functions.js`, 'utf8'), context, { filename: 'functions.js' });
});

const calls = JSON.parse(readFileSync(new URL('../fixtures/function-calls.json', import.meta.url), 'utf8')) as
  { fn: string; args: unknown[]; expected?: unknown; error?: boolean; message?: string }[];

describe('Excel custom functions bundle', () => {
  it('registers the four functions of the core table', () => {
    expect([...registered.keys()].sort()).toEqual(functionTable.map((f) => f.name).sort());
  });

  it.each(calls.map((c) => [`${c.fn}(${JSON.stringify(c.args).slice(1, -1)})`, c] as const))('%s', (_, call) => {
    const fn = registered.get(call.fn) as (...args: unknown[]) => unknown;
    if (call.error) {
      let thrown: unknown;
      try {
        fn(...call.args);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(CustomFunctionError);
      expect((thrown as CustomFunctionError).code).toBe('#VALUE!');
      expect((thrown as CustomFunctionError).message).toBe(call.message);
    } else {
      expect(fn(...call.args)).toBe(call.expected);
    }
  });

  it('describes the functions in functions.json, generated from the JSDoc', () => {
    const metadata = JSON.parse(readFileSync(`${DIST}functions.json`, 'utf8')) as { functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[] };
    for (const spec of functionTable) {
      const f = metadata.functions.find((x) => x.id === spec.name);
      expect(f, spec.name).toBeDefined();
      expect(f?.parameters.map((p) => [p.name, !!p.optional])).toEqual(spec.params.map((p) => [p.name, p.optional]));
    }
  });
});
