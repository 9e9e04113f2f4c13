/**
 * `help` and `parse-target` must start without the file libraries: the modules each command resolves
 * are recorded by a loader hook in a child process, and compared with a command that reads a file (which
 * must load them, or the probe proves nothing). No timing is asserted; BENCHMARKS.md has the times.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).href;
const EXAMPLE = new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname;
let dir: string;

/** The modules a command line resolves, as file URLs. */
function modulesLoaded(argv: string[]): string[] {
  const log = join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.MODULE_LOG, result.url + '\\n');
  return result;
}
`);
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const probe = join(dir, 'probe.mjs');
  writeFileSync(probe, `const { main } = await import(process.argv[2]);
process.exitCode = await main(JSON.parse(process.argv[3]), { out() {}, err() {}, stdin: async function* () {} });
`);
  // tsx first (to run the TypeScript sources), then the recorder, so it sees what tsx resolves.
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, probe, MAIN, JSON.stringify(argv)], {
    env: { ...process.env, MODULE_LOG: log },
    encoding: 'utf8',
  });
  // A mistake exits 2 with its sentence; anything else on stderr (a crash) fails the test here.
  expect(child.stderr, child.stderr).not.toMatch(/\n\s+at /);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const FILE_LIBRARIES = /node_modules\/exceljs\/|\/src\/io\/|\/src\/report\//;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruscotto-startup-'));
});

describe('start-up', () => {
  it('a command that reads a workbook loads the file libraries (the probe sees them)', () => {
    const loaded = modulesLoaded(['score', EXAMPLE, '--out', join(dir, 'out.xlsx'), '--quiet']);
    expect(loaded.some((url) => /\/src\/io\//.test(url))).toBe(true);
    expect(loaded.some((url) => /\/src\/core\//.test(url))).toBe(true);
  });

  it.each([
    [['help']],
    [['--lang', 'en', 'help']],
    [['parse-target', '>= 45,00 %']],
    [['frobnicate']],
  ])('%j loads only the core and the CLI', (argv) => {
    const loaded = modulesLoaded(argv);
    expect(loaded.some((url) => /\/src\/cli\/main\.ts$/.test(url))).toBe(true);
    expect(loaded.filter((url) => FILE_LIBRARIES.test(url))).toEqual([]);
  });
});
