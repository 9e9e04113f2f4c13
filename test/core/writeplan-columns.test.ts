import { describe, expect, it } from 'vitest';
import { normalizeBlock, PERCENT_FORMAT, scorePlan, STATUS_FILLS } from '../../src/core/index.js';
import { HEADER_TEXT_FILL, statusText } from '../../src/core/writeplan.js';
import { largePlan } from '../fixtures/large-plan.js';

// The output columns share their one-cell rows and grids; read normalised, every cell must still be its own row's.
describe('output columns read cell by cell', () => {
  const result = scorePlan(largePlan(400));
  const sheet = result.writePlan.sheets.find((s) => s.sheet === 'Indicatori')!;
  const byHeader = (h: string) => normalizeBlock(sheet.blocks.find((b) => b.values[0][0] === h)!);

  it('has every indicator\'s own achievement, score, status and contribution, scores of exactly 0 and 1 included', () => {
    const cols = { achievement: byHeader('Raggiungimento'), score: byHeader('Punteggio'), status: byHeader('Stato'), contribution: byHeader('Contributo') };
    expect(result.indicators.some((i) => i.score === 1)).toBe(true);
    expect(result.indicators.some((i) => i.score === 0)).toBe(true);
    for (const ind of result.indicators) {
      const r = ind.row - cols.score.row;
      expect(cols.achievement.values[r][0]).toBe(ind.achievement ?? '');
      expect(cols.score.values[r][0]).toBe(ind.score ?? '');
      expect(cols.status.values[r][0]).toBe(statusText(ind, 'it'));
      expect(cols.status.fills[r][0]).toBe(STATUS_FILLS[ind.status]);
      expect(cols.contribution.values[r][0]).toBe(ind.contribution ?? '');
    }
  });

  it('has a bold header with the header fill on top of plain rows, in every column', () => {
    for (const block of sheet.blocks.map(normalizeBlock)) {
      expect(block.bold[0][0]).toBe(true);
      expect(block.fills[0][0]).toBe(HEADER_TEXT_FILL);
      expect(block.numberFormats[0][0]).toBe('General');
      for (let r = 1; r < block.rows; r++) {
        expect(block.bold[r][0]).toBe(false);
        expect([PERCENT_FORMAT, 'General']).toContain(block.numberFormats[r][0]);
      }
    }
    expect(byHeader('Punteggio').numberFormats[1][0]).toBe(PERCENT_FORMAT);
    expect(byHeader('Stato').numberFormats[1][0]).toBe('General');
  });
});
