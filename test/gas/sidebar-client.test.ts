/**
 * The sidebar's typed google.script.run: each call reaches the server function of that name with its
 * arguments and settles with its answer or failure. The @ts-expect-error lines are the typing's test: the
 * type check (npm run typecheck) fails if a wrong name or argument ever compiles.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../gas/sidebar-client.js';

type Answer = { ok: unknown } | { fail: string };

function stub(answers: Record<string, Answer>) {
  const calls: unknown[][] = [];
  const runner = (ok?: (v: unknown) => void, ko?: (e: Error) => void): unknown => new Proxy({}, {
    get: (_, name: string) => {
      if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, ko);
      if (name === 'withFailureHandler') return (f: (e: Error) => void) => runner(ok, f);
      return (...args: unknown[]) => {
        calls.push([name, ...args]);
        const a = answers[name];
        queueMicrotask(() => ('fail' in a ? ko?.(new Error(a.fail)) : ok?.(a.ok)));
      };
    },
  });
  (globalThis as unknown as { google: unknown }).google = { script: { get run() { return runner(); } } };
  return calls;
}

afterEach(() => {
  delete (globalThis as unknown as { google?: unknown }).google;
});

describe('typed google.script.run', () => {
  it('calls the named server function with its arguments and resolves with its answer', async () => {
    const calls = stub({ sidebarSelectCell: { ok: null }, sidebarLoadSettings: { ok: { year: 2025, method: 'bands' } } });
    await server('sidebarSelectCell', 'Indicatori', 'J7');
    const settings = await server('sidebarLoadSettings');
    expect(settings.year).toBe(2025);
    expect(calls).toEqual([['sidebarSelectCell', 'Indicatori', 'J7'], ['sidebarLoadSettings']]);
  });

  it('rejects with the server\'s message', async () => {
    stub({ sidebarScore: { fail: 'Un altro utente sta calcolando i punteggi di questo file.' } });
    await expect(server('sidebarScore')).rejects.toThrow('Un altro utente sta calcolando');
  });
});

/** Never run: it only has to type-check, each line failing to compile without its directive. */
export function typingChecks(): void {
  // @ts-expect-error a server function that does not exist
  void server('sidebarDelete');
  // @ts-expect-error a missing argument
  void server('sidebarSelectCell', 'Indicatori');
  // @ts-expect-error an argument of the wrong type
  void server('sidebarSaveSettings', { year: '2025', method: null });
  // @ts-expect-error the answer is a Summary, not a string
  void server('sidebarScore').then((s): string => s);
}
