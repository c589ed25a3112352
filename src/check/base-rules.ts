// `check` on the vault's Obsidian Bases: a `.base` file that is not YAML or not of the shape
// Bases reads is `invalid-base` at its line, as build reports it (publish/bases). What the
// supported subset leaves out (other view types, formulas) is build's to say: the file is valid.
import type { Vault } from '../vault/load.js';
import { parseBase } from '../bases/parse.js';
import type { RawProblem } from './rules.js';

export function baseProblems(vault: Pick<Vault, 'texts'>): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const file of vault.texts ?? []) {
    if (!file.path.toLowerCase().endsWith('.base')) continue;
    const parsed = parseBase(file.path, file.source);
    if ('problem' in parsed) problems.push({ ...parsed.problem, rule: 'invalid-base' });
  }
  return problems;
}
