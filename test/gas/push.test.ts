/**
 * `npm run push:gas` (scripts/push-gas.mjs) against a stand-in clasp: it never waits at a prompt, pushes
 * with --force (plain `clasp push` stops at the manifest question and prints "Skipping push."), and tells a
 * first-time user what is missing before calling clasp at all.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = new URL('../../scripts/push-gas.mjs', import.meta.url).pathname;
const EXAMPLE = new URL('../../.clasp.json.example', import.meta.url).pathname;
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnopq';

/** A clasp that logs its arguments and whether stdin is a terminal, and answers as told by FAKE_CLASP. */
const FAKE_CLASP = `
import { appendFileSync, fstatSync, statSync } from 'node:fs';
const args = process.argv.slice(2);
let stdin = 'closed';
try { stdin = fstatSync(0).rdev === statSync('/dev/null').rdev && fstatSync(0).isCharacterDevice() ? 'null' : 'open'; } catch { stdin = 'closed'; }
appendFileSync(process.env.FAKE_CLASP_LOG, JSON.stringify({ args, stdin }) + '\\n');
const mode = process.env.FAKE_CLASP ?? 'ok';
if (args[0] === 'show-authorized-user') {
  console.log(JSON.stringify({ loggedIn: mode !== 'logged-out' }));
} else if (args[0] === 'push') {
  if (mode === 'api-off') {
    console.error('User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings');
    process.exit(1);
  }
  if (!args.includes('--force')) { console.log('Manifest file has been updated. Do you want to push and overwrite?'); console.log('Skipping push.'); process.exit(0); }
  console.log('Pushed 3 files.');
}
`;

function project(files: { claspJson?: unknown; built?: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'cruscotto-push-'));
  if (files.claspJson !== undefined) writeFileSync(join(dir, '.clasp.json'), typeof files.claspJson === 'string' ? files.claspJson : JSON.stringify(files.claspJson));
  if (files.built !== false) {
    mkdirSync(join(dir, 'dist', 'gas'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'gas', 'Code.js'), 'function onOpen() {}\n');
  }
  writeFileSync(join(dir, 'fake-clasp.mjs'), FAKE_CLASP);
  return dir;
}

function push(dir: string, mode = 'ok') {
  const log = join(dir, 'clasp.log');
  const r = spawnSync(process.execPath, [SCRIPT], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CRUSCOTTO_CLASP: join(dir, 'fake-clasp.mjs'), FAKE_CLASP: mode, FAKE_CLASP_LOG: log },
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { args: string[]; stdin: string }) : [];
  return { status: r.status, out: `${r.stdout}${r.stderr}`, calls };
}

const FIRST_TIME = [/\.clasp\.json\.example/, /Estensioni > Apps Script/, /Extensions > Apps Script/];

describe('npm run push:gas', () => {
  it('is wired to build and then this script', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['push:gas']).toBe('npm run build:gas && node scripts/push-gas.mjs');
  });

  it('pushes with --force and nothing to answer', () => {
    const dir = project({ claspJson: { scriptId: SCRIPT_ID, rootDir: 'dist/gas' } });
    const r = push(dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Pushed 3 files.');
    expect(r.calls.map((c) => c.args)).toEqual([['show-authorized-user', '--json'], ['push', '--force']]);
    // stdin is /dev/null (not the terminal): a prompt could never wait for an answer.
    expect(r.calls.map((c) => c.stdin)).toEqual(['null', 'null']);
  });

  it('without .clasp.json says how to make it, and calls no clasp', () => {
    const r = push(project({}));
    expect(r.status).toBe(1);
    for (const hint of FIRST_TIME) expect(r.out).toMatch(hint);
    expect(r.calls).toEqual([]);
  });

  it('with the example copied unchanged asks for the script id', () => {
    const dir = project({});
    copyFileSync(EXAMPLE, join(dir, '.clasp.json'));
    const r = push(dir);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/scriptId/);
    expect(r.out).toMatch(/Script ID/);
    expect(r.calls).toEqual([]);
  });

  it('refuses a .clasp.json that would push the whole repository', () => {
    const r = push(project({ claspJson: { scriptId: SCRIPT_ID } }));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/"rootDir": "dist\/gas"/);
    expect(r.calls).toEqual([]);
  });

  it('asks for the build when dist/gas is missing', () => {
    const r = push(project({ claspJson: { scriptId: SCRIPT_ID, rootDir: 'dist/gas' }, built: false }));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/npm run build:gas/);
  });

  it('when not logged in says: npx clasp login, and enable the Apps Script API', () => {
    const r = push(project({ claspJson: { scriptId: SCRIPT_ID, rootDir: 'dist/gas' } }), 'logged-out');
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/npx clasp login/);
    expect(r.out).toContain('https://script.google.com/home/usersettings');
    expect(r.calls.map((c) => c.args[0])).toEqual(['show-authorized-user']);
  });

  it('when the Apps Script API is off says where to turn it on', () => {
    const r = push(project({ claspJson: { scriptId: SCRIPT_ID, rootDir: 'dist/gas' } }), 'api-off');
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/Attiva "Google Apps Script API" in https:\/\/script\.google\.com\/home\/usersettings/);
  });
});
