/**
 * `npm run bench`: the core in-process on 1k/10k/100k indicators (linearity and the 100k < 1 s target),
 * and the CLI end to end on 10k, 100k and 1,000,000 indicators against a bare ExcelJS read+write of the
 * same file (targets: 10k at most 0.5x; 1M under 60 s and 1.5 GB). Compiled with tsc first so timings
 * are of plain JavaScript, not a loader. Prints a Markdown report; `--write` replaces the sections it
 * measures in BENCHMARKS.md and leaves the others (other benches write them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { scorePlan } from '../src/core/index.js';
import { writeTablesFile } from '../src/io/tables.js';
import { largePlan } from '../test/fixtures/large-plan.js';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { appsScriptGlobals, FakeSpreadsheet } from '../test/gas/fake-sheets.js';

// Compiled to dist/bench/bench/run.js: the project root is three levels up.
const ROOT = new URL('../../../', import.meta.url).pathname;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCore(n: number, runs: number): number {
  const input = largePlan(n);
  scorePlan(input); // warm-up: JIT and caches, as in a long-lived pane or CLI process
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    scorePlan(input);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const lines: string[] = [];
const log = (l = '') => {
  lines.push(l);
  console.log(l);
};

log('# Benchmarks');
log();
log(`Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.`);
log();
const machine = `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}.`;
log(machine);
log();
const onlyCli = process.argv.includes('--only-cli');
if (!onlyCli) {
log('## Core scoring, in-process (median of 5 runs after one warm-up)');
log();
log('| indicators | time | per indicator |');
log('|---:|---:|---:|');
const core: [number, number][] = [];
for (const n of [1_000, 10_000, 100_000]) {
  const ms = timeCore(n, 5);
  core.push([n, ms]);
  log(`| ${n.toLocaleString('it-IT')} | ${ms.toFixed(0)} ms | ${((ms * 1000) / n).toFixed(1)} µs |`);
}
const per10k = core[1][1] / 10_000;
const per100k = core[2][1] / 100_000;
log();
log(`Target: 100k indicators in under 1 s — ${core[2][1] < 1000 ? 'met' : 'NOT met'} (${core[2][1].toFixed(0)} ms). ` +
  `Cost per indicator at 100k vs 10k: ${(per100k / per10k).toFixed(2)}× (1 = linear).`);
}

// The CLI against a bare ExcelJS read + write of the same file, each in its own process, measured by
// GNU time: wall time, CPU time (user + system, steadier than wall time on a shared machine) and peak RSS.
interface ProcessRun {
  ms: number;
  cpuMs: number;
  rssMb: number;
  ok: boolean;
}

function runProcess(args: string[], timeoutMs: number): ProcessRun {
  const res = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(res.stderr ?? '');
  if (!m) return { ms: NaN, cpuMs: NaN, rssMb: NaN, ok: false };
  return { ms: Number(m[1]) * 1000, cpuMs: (Number(m[2]) + Number(m[3])) * 1000, rssMb: Number(m[4]) / 1024, ok: res.status === 0 };
}

const mid = (runs: ProcessRun[], key: 'ms' | 'cpuMs' | 'rssMb') => median(runs.map((r) => r[key]));
const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const mb = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)} MB`);

const dir = mkdtempSync(join(tmpdir(), 'cruscotto-bench-'));
const sizes = [
  { n: 10_000, runs: 5, exceljs: true },
  { n: 100_000, runs: 1, exceljs: true },
  // ExcelJS ends in "JavaScript heap out of memory" on a million rows (the issue's own measurement); it is
  // tried only with --exceljs-1m.
  { n: 1_000_000, runs: 1, exceljs: process.argv.includes('--exceljs-1m') },
];
const cliRows: string[] = [];
const perIndicator: number[] = [];
let ratio10k = NaN;
let ratio10kCpu = NaN;
let million: ProcessRun | null = null;
let millionNoJson: ProcessRun | null = null;
for (const { n, runs, exceljs } of sizes) {
  const file = join(dir, `piano-${n}.xlsx`);
  // Written by the project's own table writer: ExcelJS could not write the million-row file.
  await writeTablesFile(file, largePlan(n));
  const size = statSync(file).size / 2 ** 20;
  const bare: ProcessRun[] = [];
  const cli: ProcessRun[] = [];
  // Interleaved, so a busy moment of the machine weighs on both sides alike.
  for (let i = 0; i < runs; i++) {
    if (exceljs) bare.push(runProcess([join(ROOT, 'dist/bench/bench/bare-readwrite.js'), file, join(dir, 'bare.xlsx')], 30 * 60_000));
    cli.push(runProcess([join(ROOT, 'bin/cruscotto.mjs'), 'score', file, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'), '--quiet'], 30 * 60_000));
  }
  const c = { ms: mid(cli, 'ms'), cpuMs: mid(cli, 'cpuMs'), rssMb: Math.max(...cli.map((r) => r.rssMb)), ok: cli.every((r) => r.ok) };
  const b = exceljs ? { ms: mid(bare, 'ms'), cpuMs: mid(bare, 'cpuMs'), rssMb: Math.max(...bare.map((r) => r.rssMb)), ok: bare.every((r) => r.ok) } : null;
  perIndicator.push(c.cpuMs / n);
  if (n === 10_000 && b) {
    ratio10k = c.ms / b.ms;
    ratio10kCpu = c.cpuMs / b.cpuMs;
  }
  if (n === 1_000_000) million = c;
  const label = n.toLocaleString('it-IT');
  cliRows.push(`| ${label} (${size.toFixed(1)} MB) | \`cruscotto score --out --json\` | ${fmt(c.ms)} | ${fmt(c.cpuMs)} | ${mb(c.rssMb)} | ${b ? `${(c.ms / b.ms).toFixed(2)}× / ${(c.cpuMs / b.cpuMs).toFixed(2)}×` : ''} |`);
  if (b) cliRows.push(`| | bare ExcelJS read + write${b.ok ? '' : ' (failed)'} | ${fmt(b.ms)} | ${fmt(b.cpuMs)} | ${mb(b.rssMb)} | |`);
  else cliRows.push('| | bare ExcelJS read + write | not run | | | |');
  if (n === 1_000_000) {
    // The same run without --json: the JSON is written in pieces, so it should add time, not memory.
    millionNoJson = runProcess([join(ROOT, 'bin/cruscotto.mjs'), 'score', file, '--out', join(dir, 'out.xlsx'), '--quiet'], 30 * 60_000);
    cliRows.push(`| | \`cruscotto score --out\` (no --json) | ${fmt(millionNoJson.ms)} | ${fmt(millionNoJson.cpuMs)} | ${mb(millionNoJson.rssMb)} | |`);
  }
  if (runs > 1) cliRows.push(`| | single runs (wall) | CLI ${cli.map((r) => fmt(r.ms)).join(', ')}${exceljs ? `; ExcelJS ${bare.map((r) => fmt(r.ms)).join(', ')}` : ''} | | | |`);
}
log();
log('## CLI end to end: 10k, 100k and 1,000,000 indicators');
log();
log(`Measured on ${new Date().toISOString().slice(0, 10)}. ${machine} Load average at the start: ${loadavg()[0].toFixed(1)}.`);
log('Each run is a whole process (Node start-up included) measured with GNU time.');
log('Files generated by the project\'s own table writer (src/io/tables.ts) from `test/fixtures/large-plan.ts`.');
log('Ratio = CLI / bare ExcelJS, wall time / CPU time. 10k: median of 5 interleaved runs; 100k and 1M: one run.');
log();
log('| indicators (file) | run | wall | CPU | peak RSS | ratio |');
log('|---|---|---:|---:|---:|---:|');
for (const row of cliRows) log(row);
log();
// The round trip's time is elapsed time; CPU time (V8's helper threads included) is shown beside it.
log(`Targets: 10k at most 0.5× the ExcelJS round trip — ${ratio10k <= 0.5 ? 'met in elapsed time' : 'NOT met'} (${ratio10k.toFixed(2)}× wall, ${ratio10kCpu.toFixed(2)}× CPU${ratio10kCpu <= 0.5 ? '' : ', just over in CPU time'}). ` +
  `1,000,000 indicators under 60 s — ${million && million.ms < 60_000 ? 'met' : 'NOT met'} (${fmt(million?.ms ?? NaN)} wall, ${fmt(million?.cpuMs ?? NaN)} CPU); ` +
  `peak RSS under 1.5 GB — ${million && million.rssMb < 1536 && millionNoJson && millionNoJson.rssMb < 1536 ? 'met' : 'NOT met'} ` +
  `(${mb(million?.rssMb ?? NaN)} with --json, ${mb(millionNoJson?.rssMb ?? NaN)} without).`);
log(`CPU per indicator relative to 10k (1 = linear): 100k ${(perIndicator[1] / perIndicator[0]).toFixed(2)}×, 1M ${(perIndicator[2] / perIndicator[0]).toFixed(2)}×.`);
log();

// The hosts, on their in-memory models: what the pane waits for, without Excel's or Google's I/O.
// The Excel add-in has its own report (bench/excel.ts: office.js's serialiser, requests and syncs).

function timeAppsScript(n: number): { ms: number; calls: number } {
  const code = readFileSync(join(ROOT, 'dist/gas/Code.js'), 'utf8');
  const times: number[] = [];
  let calls = 0;
  for (let i = 0; i < 3; i++) {
    const ss = new FakeSpreadsheet();
    for (const [name, table] of Object.entries(largePlan(n).sheets)) ss.load(name, table as unknown[][]);
    const context = vm.createContext({ ...appsScriptGlobals(ss).globals, Date });
    vm.runInContext(code, context);
    const t0 = performance.now();
    (context as unknown as { scorePlan: () => unknown }).scorePlan();
    times.push(performance.now() - t0);
    calls = ss.counter.calls;
  }
  return { ms: median(times), calls };
}

if (!onlyCli) {
log();
log('## Hosts on their in-memory models, 10k indicators (median of 3)');
log();
log('| host | read + score + write | host calls |');
log('|---|---:|---:|');
for (const n of [50, 10_000]) {
  const gas = timeAppsScript(n);
  log(`| Apps Script bundle (fake SpreadsheetApp), ${n.toLocaleString('it-IT')} indicators | ${gas.ms.toFixed(0)} ms | ${gas.calls} SpreadsheetApp calls |`);
}
log();
log('The host call counts do not grow with the rows. Real Excel and Sheets add their own I/O time on top;');
log('Apps Script allows 6 minutes per execution.');
}

/** Replaces, in BENCHMARKS.md, each "## " section this run printed; other sections stay as they are. */
function writeSections(): void {
  const path = join(ROOT, 'BENCHMARKS.md');
  let doc = readFileSync(path, 'utf8');
  const printed = lines.join('\n').split(/^(?=## )/m).filter((sec) => sec.startsWith('## '));
  for (const section of printed) {
    const heading = section.slice(0, section.indexOf('\n'));
    const at = doc.indexOf(heading + '\n');
    if (at < 0) {
      doc = doc.trimEnd() + '\n\n' + section.trimEnd() + '\n';
      continue;
    }
    const next = doc.slice(at + heading.length).search(/^## /m);
    const end = next < 0 ? doc.length : at + heading.length + next;
    doc = doc.slice(0, at) + section.trimEnd() + '\n\n' + doc.slice(end);
  }
  writeFileSync(path, doc.trimEnd() + '\n');
}

if (process.argv.includes('--write')) writeSections();
