// A 2,000-note vault generated at test time: problems must equal the planted ones exactly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault, type Expected } from './support/genvault.js';
import { loadVault } from '../src/vault/load.js';
import { check } from '../src/check/index.js';
import type { CheckResult, Problem } from '../src/check/problem.js';

let dir = '';
let expected: Expected;
let result: CheckResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'almanac-gen-'));
  expected = generateVault({ out: join(dir, 'vault'), notes: 2000, seed: 11 });
  // Notes are dated within 2026; before then none is stale, so only planted defects show.
  result = check(await loadVault(join(dir, 'vault')), { today: '2026-01-01' });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (p: { file: string; line: number; target?: string }): string => `${p.file}:${p.line}:${p.target ?? ''}`;
const of = (rule: Problem['rule']): string[] =>
  result.problems
    .filter((p) => p.rule === rule)
    .map(key)
    .sort();

describe('generated 2,000-note vault', () => {
  it('has the planted defects of every kind', () => {
    expect(expected.unresolved.length).toBeGreaterThan(100);
    expect(expected.viaAlias.length).toBeGreaterThan(100);
    expect(result.summary.notes).toBe(expected.notes);
  });

  it.each([
    ['note', 'unresolved-link'],
    ['heading', 'unresolved-heading'],
    ['block', 'unresolved-block'],
  ] as const)('unresolved %s links equal the planted ones (file, line, target)', (kind, rule) => {
    const planted = expected.unresolved
      .filter((u) => u.kind === kind)
      .map(key)
      .sort();
    expect(planted.length).toBeGreaterThan(0);
    expect(of(rule)).toEqual(planted);
  });

  it('bare alias links come out as alias-link, with a [[Note|alias]] suggestion', () => {
    expect(of('alias-link')).toEqual(expected.viaAlias.map(key).sort());
    const sample = result.problems.find((p) => p.rule === 'alias-link');
    expect(sample?.suggestion).toMatch(/^\[\[[^|\]]+\|[^\]]+\]\]$/);
  });

  it('missing attachments, ambiguous names, duplicate block ids and broken frontmatter match too', () => {
    expect(of('unresolved-attachment')).toEqual(expected.attachments.map(key).sort());
    expect(of('ambiguous-link')).toEqual(expected.ambiguous.map(key).sort());
    expect(
      result.problems
        .filter((p) => p.rule === 'duplicate-block-id')
        .map((p) => `${p.file}:${p.line}`)
        .sort(),
    ).toEqual(expected.duplicateBlocks.map((d) => `${d.file}:${d.line}`).sort());
    expect(
      result.problems
        .filter((p) => p.rule === 'invalid-frontmatter')
        .map((p) => `${p.file}:${p.line}`)
        .sort(),
    ).toEqual(expected.invalidFrontmatter.map((d) => `${d.file}:${d.line}`).sort());
  });

  it('reports nothing else', () => {
    const known = new Set([
      'unresolved-link',
      'unresolved-heading',
      'unresolved-block',
      'alias-link',
      'unresolved-attachment',
      'ambiguous-link',
      'duplicate-block-id',
      'invalid-frontmatter',
      'orphan-note',
    ]);
    expect(result.problems.filter((p) => !known.has(p.rule))).toEqual([]);
    expect(result.summary.links).toBe(expected.links);
  });
});
