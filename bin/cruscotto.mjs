#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/node by `npm ci` (prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/node/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('cruscotto: CLI non compilata; eseguire "npm ci" o "npm run build:cli" / CLI not built; run "npm ci" or "npm run build:cli"');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
