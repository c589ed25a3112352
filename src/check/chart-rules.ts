// `check` on chart comments: a `%% chart: … %%` the site cannot draw is `invalid-chart` at the
// comment's line (the build draws the table without its chart).
import { chartData, chartTable } from '../charts/data.js';
import type { ParsedNote } from '../parse/types.js';
import type { RawProblem } from './rules.js';

export function chartProblems(note: Pick<ParsedNote, 'path' | 'tables' | 'charts'>): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const mark of note.charts) {
    const data = chartData(mark, chartTable(note, mark));
    if ('error' in data)
      problems.push({ rule: 'invalid-chart', file: note.path, line: mark.line, column: mark.column, message: `The chart cannot be drawn: ${data.error}` });
  }
  return problems;
}
