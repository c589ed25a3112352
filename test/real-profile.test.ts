// A 300-note vault from the generator's real profile (notes shaped like people's vaults:
// empty frontmatter list items, unconfigured types, `%%` and HTML comments, raw HTML and
// HTML anchors, block ids on their own line, emoji names, Templater placeholders…): `check`
// must report exactly the planted defects, and none of those shapes as a problem.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault, type Expected } from './support/genvault.js';
import { loadVault } from '../src/vault/load.js';
import { check } from '../src/check/index.js';
import type { CheckResult, Problem } from '../src/check/problem.js';

let dir = '';
let vault = '';
let expected: Expected;
let result: CheckResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'almanac-real-'));
  vault = join(dir, 'vault');
  expected = generateVault({ out: vault, notes: 300, seed: 13, profile: 'real' });
  // Created dates are in 2025 and nothing sets `updated`: no date rule fires.
  result = check(await loadVault(vault), { today: '2026-01-01' });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (p: { file: string; line: number; target?: string }): string => `${p.file}:${p.line}:${p.target ?? ''}`;
const at = (p: { file: string; line: number }): string => `${p.file}:${p.line}`;

/** The real-vault construct a reported line holds, to name a false positive by its cause. */
function construct(p: Problem): string {
  const text = readFileSync(join(vault, p.file), 'utf8').split('\n');
  const line = text[p.line - 1] ?? '';
  const next = text[p.line] ?? '';
  if (p.rule === 'invalid-frontmatter') {
    if (/Unknown note type/.test(p.message)) return 'type: <unconfigured>';
    if (/`type` must be/.test(p.message)) return line.trim() === 'type: []' ? 'type: []' : `type: ${line}`;
    if (/^\s*(tags|aliases|cssclasses):\s*$/.test(line) || /^\s*-\s*$/.test(next)) return `empty list item (${line.trim()})`;
    if (/\{\{/.test(line)) return 'Templater placeholder';
    if (/^tags: \[/.test(line)) return 'numeric tag';
    if (/^permalink:/.test(line)) return 'permalink';
    return `frontmatter: ${p.message}`;
  }
  const target = p.target ?? '';
  if (target.startsWith('#') && /^#(page-|fig-)/.test(target)) return 'link to an HTML anchor';
  if (/\p{Extended_Pictographic}|\uFE0F/u.test(target)) return 'emoji or U+FE0F in a heading or name';
  if (target.includes('#^')) return 'block id (own line, image, callout or list item)';
  if (expected.viaAlias.some((a) => a.target === target)) return 'alias of a note whose frontmatter was rejected';
  if (/<!--/.test(line)) return 'link inside an HTML comment';
  if (/\.(png|jpe?g|pdf)$/i.test(target)) return 'image';
  if (target.includes('/')) return 'path link';
  return `${p.rule}: ${p.message}`;
}

/** Reported problems of `rule` that were not planted, counted by construct. */
function falsePositives(rule: Problem['rule'], planted: readonly string[], keyOf: (p: Problem) => string): Record<string, number> {
  const want = new Set(planted);
  const counts: Record<string, number> = {};
  for (const p of result.problems) {
    if (p.rule !== rule || want.has(keyOf(p))) continue;
    const c = construct(p);
    counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}

describe('real-profile 300-note vault', () => {
  it('is a real-profile vault without almanac.yaml, carrying each real shape', () => {
    expect(result.summary.notes).toBe(expected.notes);
    expect(existsSync(join(vault, 'almanac.yaml'))).toBe(false);
    const shapes = expected.shapes ?? {};
    for (const shape of [
      'emptyListItem',
      'typeEmptyList',
      'typeUnconfigured',
      'blockIdOwnLine',
      'htmlAnchorLink',
      'htmlCommentLink',
      'templater',
      'emojiHeading',
      'permalink',
    ]) {
      expect(shapes[shape] ?? 0, shape).toBeGreaterThan(0);
    }
    expect(expected.unresolved.length).toBeGreaterThan(10);
  });

  it('reports no invalid-frontmatter but the planted lines', () => {
    const planted = expected.invalidFrontmatter.map(at);
    expect(planted.length).toBeGreaterThan(0);
    expect(falsePositives('invalid-frontmatter', planted, at)).toEqual({});
    expect(
      result.problems
        .filter((p) => p.rule === 'invalid-frontmatter')
        .map(at)
        .sort(),
    ).toEqual([...planted].sort());
  });

  it.each([
    ['note', 'unresolved-link'],
    ['heading', 'unresolved-heading'],
    ['block', 'unresolved-block'],
  ] as const)('unresolved %s links are the planted ones, no more', (kind, rule) => {
    const planted = expected.unresolved.filter((u) => u.kind === kind).map(key);
    expect(planted.length).toBeGreaterThan(0);
    expect(falsePositives(rule, planted, key)).toEqual({});
    expect(
      result.problems
        .filter((p) => p.rule === rule)
        .map(key)
        .sort(),
    ).toEqual([...planted].sort());
  });

  it('alias links, missing attachments, ambiguous names and duplicate block ids are the planted ones', () => {
    const of = (rule: Problem['rule'], keyOf: (p: Problem) => string): string[] =>
      result.problems
        .filter((p) => p.rule === rule)
        .map(keyOf)
        .sort();
    expect(of('alias-link', key)).toEqual(expected.viaAlias.map(key).sort());
    expect(of('unresolved-attachment', key)).toEqual(expected.attachments.map(key).sort());
    expect(of('ambiguous-link', key)).toEqual(expected.ambiguous.map(key).sort());
    expect(of('duplicate-block-id', at)).toEqual(expected.duplicateBlocks.map(at).sort());
  });

  it('reports nothing else, and reads every link outside HTML comments', () => {
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
    expect(result.problems.filter((p) => !known.has(p.rule)).map((p) => `${p.rule} ${at(p)}: ${p.message}`)).toEqual([]);
    // Links inside HTML comments are not links, as in Obsidian's metadata cache (README); the rest all are.
    expect(expected.commentLinks ?? 0).toBeGreaterThan(0);
    expect(result.summary.links).toBe(expected.links);
  });
});
