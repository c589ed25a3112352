// The build's progress bar (issue 17, item 13): a terminal that reports 0 columns (some CI
// pseudo-terminals, `script`) must not cut the count.
import { describe, expect, it } from 'vitest';
import { renderBar } from '../src/cli/progress.js';

describe('renderBar', () => {
  const progress = { phase: 'write' as const, done: 13, total: 13 };

  it('keeps the whole line when the terminal reports 0 or no columns', () => {
    expect(renderBar(progress, 0)).toBe('[########################] 100% Writing pages 13/13');
    expect(renderBar(progress, Number.NaN)).toBe('[########################] 100% Writing pages 13/13');
  });

  it('fits a narrow terminal, leaving the last column free', () => {
    expect(renderBar(progress, 40)).toHaveLength(39);
    expect(renderBar({ phase: 'load', done: 0, total: 0 }, 0)).toBe('Reading the vault…');
  });
});
