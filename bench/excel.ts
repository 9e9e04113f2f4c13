/**
 * The Excel add-in's requests, measured: the host scores a generated plan of 1k, 10k and 100k indicators
 * through Microsoft's office.js serialiser (excel-web-16.00.js in a Node vm) over the strict fake, which
 * records every request and response as Excel on the web would receive them. Reports syncs, the largest
 * request and response (Excel on the web refuses over 5 MB) and the time on the in-memory model.
 * `--write` replaces this section of BENCHMARKS.md and leaves the others alone. The Chromium test
 * (test/addin/richapi.browser.test.ts) asserts the same limits with the requests captured off the wire.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { largePlan } from '../test/fixtures/large-plan.js';
import { loadOfficeJs } from '../test/addin/officejs.js';
import { scoreWorkbook } from '../addin/host.js';

// Compiled to dist/bench/bench/excel.js: the project root is three levels up.
const ROOT = new URL('../../../', import.meta.url).pathname;
const HEADING = '## Excel add-in: requests and syncs';
const MB = 2 ** 20;

interface Run {
  ms: number;
  syncs: number;
  largestRequest: number;
  largestResponse: number;
  sent: number;
}

async function measure(n: number): Promise<Run> {
  const runtime = loadOfficeJs();
  for (const [name, table] of Object.entries(largePlan(n).sheets)) runtime.fake.load(name, table);
  const t0 = performance.now();
  await scoreWorkbook('it', undefined, { run: runtime.run, isSetSupported: runtime.isSetSupported });
  const ms = performance.now() - t0;
  const requests = runtime.fake.requests;
  const failed = requests.filter((r) => r.error);
  if (failed.length > 0) throw new Error(`${n} indicators: Excel refused ${failed.map((r) => r.error).join(', ')}`);
  let largestRequest = 0;
  let largestResponse = 0;
  let sent = 0;
  for (const r of requests) {
    if (r.bytes > largestRequest) largestRequest = r.bytes;
    if (r.responseBytes > largestResponse) largestResponse = r.responseBytes;
    sent += r.bytes;
  }
  return { ms, syncs: requests.length, largestRequest, largestResponse, sent };
}

const lines: string[] = [];
const log = (l = '') => {
  lines.push(l);
  console.log(l);
};

log(HEADING);
log();
log(`Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: the host reads, scores and writes a generated`);
log('plan through office.js\'s own request serialiser (excel-web-16.00.js) over the strict fake, which records');
log('each request as Excel on the web receives it. One run each (the serialiser dominates the time).');
log();
log('| indicators | context.sync() | largest request | largest response | sent in all | time on the fake |');
log('|---:|---:|---:|---:|---:|---:|');
for (const n of [1_000, 10_000, 100_000]) {
  const r = await measure(n);
  log(`| ${n.toLocaleString('it-IT')} | ${r.syncs} | ${(r.largestRequest / MB).toFixed(2)} MB | ${(r.largestResponse / MB).toFixed(2)} MB | ${(r.sent / MB).toFixed(1)} MB | ${(r.ms / 1000).toFixed(1)} s |`);
}
log();
log('Excel on the web refuses a request or response over 5 MB; the adapter cuts by payload with a 3 MB');
log('estimate per request, so the syncs follow the bytes: a fixed few (sheet list, markers, used ranges,');
log('notes) plus one per ~3 MB of values, formats, fills and notes. The status column\'s fills and weights go');
log('as one setCellProperties per band (ExcelApi 1.9; on older Excel, one operation per run of equal colours,');
log('about twice the bytes). Real Excel adds its own I/O time per sync.');

if (process.argv.includes('--write')) {
  const path = join(ROOT, 'BENCHMARKS.md');
  const current = readFileSync(path, 'utf8');
  const start = current.indexOf(HEADING);
  const section = lines.join('\n') + '\n';
  let next: string;
  if (start < 0) next = current.replace(/\n*$/, '\n\n') + section;
  else {
    const end = current.indexOf('\n## ', start + HEADING.length);
    next = current.slice(0, start) + section + (end < 0 ? '' : current.slice(end));
  }
  writeFileSync(path, next);
}
