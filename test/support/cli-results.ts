/**
 * What the CLI reports for a workbook (its --json), so host tests can compare against the CLI itself,
 * not only against the core it shares.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliJson {
  entity: { score: number | null; rating: string | null };
  objectives: { code: string; score: number | null; achievement: number | null; rating: string | null }[];
  indicators: { code: string; achievement: number | null; score: number | null; status: string }[];
}

export async function cliResults(xlsx: string): Promise<CliJson> {
  const dir = mkdtempSync(join(tmpdir(), 'cruscotto-cli-json-'));
  const json = join(dir, 'risultati.json');
  const code = await main(['score', xlsx, '--out', join(dir, 'out.xlsx'), '--json', json, '--quiet'], { out: () => {}, err: () => {} });
  if (code !== 0) throw new Error(`cruscotto score exited ${code}`);
  return JSON.parse(readFileSync(json, 'utf8')) as CliJson;
}
