#!/usr/bin/env node
/**
 * `npm run push:gas`: pushes dist/gas to the Apps Script project named in .clasp.json, never stopping at a
 * prompt (`clasp push` without --force stops at "Manifest file has been updated. Do you want to push and
 * overwrite?" and prints "Skipping push."). Before pushing it checks what a first-time user lacks and says
 * how to fix it: the .clasp.json with the script id, the clasp login, the Apps Script API switch.
 *
 * CRUSCOTTO_CLASP names another clasp executable (tests use a stand-in; a .mjs/.js file runs with node).
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.cwd();
const repo = fileURLToPath(new URL('..', import.meta.url));
const clasp = process.env.CRUSCOTTO_CLASP ?? join(repo, 'node_modules', '.bin', 'clasp');
const API_SETTINGS = 'https://script.google.com/home/usersettings';

const STEPS = {
  project: [
    'Manca .clasp.json: copia .clasp.json.example in .clasp.json e scrivi in "scriptId" l\'ID dello script del tuo foglio',
    '(nel foglio: Estensioni > Apps Script > Impostazioni progetto > ID script).',
    'Missing .clasp.json: copy .clasp.json.example to .clasp.json and put your spreadsheet\'s script ID in "scriptId"',
    '(in the spreadsheet: Extensions > Apps Script > Project settings > Script ID).',
  ],
  scriptId: [
    '.clasp.json non contiene ancora l\'ID dello script: sostituisci il segnaposto in "scriptId"',
    '(Estensioni > Apps Script > Impostazioni progetto > ID script).',
    '.clasp.json does not hold your script ID yet: replace the placeholder in "scriptId"',
    '(Extensions > Apps Script > Project settings > Script ID).',
  ],
  rootDir: [
    '.clasp.json deve avere "rootDir": "dist/gas" (si invia solo il pacchetto costruito).',
    '.clasp.json must have "rootDir": "dist/gas" (only the built bundle is pushed).',
  ],
  build: ['Manca dist/gas/Code.js: esegui npm run build:gas.', 'dist/gas/Code.js is missing: run npm run build:gas.'],
  login: [
    'Non hai ancora fatto l\'accesso a Google con clasp: esegui una volta  npx clasp login',
    `e attiva "Google Apps Script API" in ${API_SETTINGS}`,
    'You are not logged in to Google with clasp: run  npx clasp login  once,',
    `and turn on "Google Apps Script API" at ${API_SETTINGS}`,
  ],
  api: [
    `Attiva "Google Apps Script API" in ${API_SETTINGS} (serve una volta per account), poi riprova.`,
    `Turn on "Google Apps Script API" at ${API_SETTINGS} (once per account), then try again.`,
  ],
};

function stop(key, code = 1) {
  console.error(`\n${STEPS[key].join('\n')}\n`);
  process.exit(code);
}

function run(args) {
  const viaNode = /\.(m?js|cjs)$/.test(clasp);
  const result = spawnSync(viaNode ? process.execPath : clasp, viaNode ? [clasp, ...args] : args, {
    cwd: root,
    encoding: 'utf8',
    // Nothing may wait for an answer: the script runs unattended.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, out: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

const projectFile = join(root, '.clasp.json');
if (!existsSync(projectFile)) stop('project');
let project;
try {
  project = JSON.parse(readFileSync(projectFile, 'utf8'));
} catch {
  stop('project');
}
if (typeof project.scriptId !== 'string' || !/^[\w-]{20,}$/.test(project.scriptId)) stop('scriptId');
if (String(project.rootDir ?? '').replace(/\/+$/, '') !== 'dist/gas') stop('rootDir');
if (!existsSync(join(root, 'dist', 'gas', 'Code.js'))) stop('build');

const who = run(['show-authorized-user', '--json']);
let loggedIn = false;
try {
  loggedIn = JSON.parse(who.out.slice(who.out.indexOf('{'))).loggedIn === true;
} catch {
  loggedIn = false;
}
if (!loggedIn) stop('login');

const push = run(['push', '--force']);
process.stdout.write(push.out);
if (push.status !== 0 || /Skipping push/i.test(push.out)) {
  if (/Apps Script API|usersettings|has not been used|is disabled|not enabled/i.test(push.out)) stop('api', push.status || 1);
  if (/No credentials|not logged in|invalid_grant/i.test(push.out)) stop('login', push.status || 1);
  process.exit(push.status || 1);
}
