// `npm run demo`: scores the bundled example plan and writes everything under out/.
import { mkdirSync } from 'node:fs';
import { main } from '../dist/node/cli/main.js';

mkdirSync('out', { recursive: true });
const steps = [
  ['score', 'examples/pira-2024.xlsx', '--out', 'out/pira-2024-valutato.xlsx', '--json', 'out/pira-2024-risultati.json'],
  ['report', 'examples/pira-2024.xlsx', '--html', 'out/pira-2024-relazione.html', '--schede', 'out/pira-2024-schede.html'],
  // Monitoring during the year: the same plan at 30/06 (illustrative actuals), progress and year-end estimates.
  ['report', 'examples/pira-2024.xlsx', '--period', '30/06', '--html', 'out/pira-2024-monitoraggio-30-06.html'],
];
for (const argv of steps) {
  // Printed as it can be typed in the clone; `npx cruscotto` would ask the public registry instead.
  console.log(`\n$ node bin/cruscotto.mjs ${argv.join(' ')}`);
  const code = await main(argv);
  if (code !== 0) process.exit(code);
}
