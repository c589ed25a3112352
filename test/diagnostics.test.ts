// Issue 13 §7: one diagnostic shape. check, build and build --strict report the same broken
// links, frontmatter links included, in the same words; every command prints them one way.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { check } from '../src/check/index.js';
import { parseConfig } from '../src/config/load.js';
import { build, BuildError, type BuildWarning } from '../src/publish/index.js';
import { formatDiagnostic, formatDiagnosticsAs } from '../src/report/index.js';
import type { Diagnostic } from '../src/diagnostic.js';
import { runCli, tempDir, writeVault } from './support/vault.js';
import { formatProblem, refresh } from '../src/refresh/index.js';
import { openProject } from '../src/project/index.js';
import { cleanProjects, fixture, makeProject } from './fixtures/refresh/support.js';

afterAll(cleanProjects);

const VAULT: Record<string, string> = {
  'almanac.yaml': 'vault: .\nrules: {orphan-note: off}\n',
  'Target.md': '# Target\n\n## Setup\n\nA paragraph. ^real\n',
  'Home.md': [
    '---',
    'related: "[[Nowhere in frontmatter]]"',
    'up: "[[Target#No such section]]"',
    '---',
    '# Home',
    '',
    'A missing note [[Nowhere]], a heading [[Target#Setpu]], a block [[Target#^nope]].',
    '',
    '![[missing-picture.png]] and [a Markdown link](Targte.md).',
    '',
    '%% almanac-ignore unresolved-link %%',
    '[[Silenced]]',
    '',
  ].join('\n'),
  'Private.md': '---\npublish: false\n---\nA private note links to [[Nowhere else]].\n',
};

type Key = Pick<Diagnostic, 'file' | 'line' | 'column' | 'rule' | 'message'>;
const key = ({ file, line, column, rule, message }: Key): string => `${file}:${line}:${column} ${rule} ${message}`;
const BROKEN = new Set(['unresolved-link', 'unresolved-heading', 'unresolved-block', 'unresolved-attachment']);

async function checked(dir: string): Promise<Diagnostic[]> {
  const result = check(await loadVault(dir), { config: parseConfig('rules: {orphan-note: off}') });
  return result.problems;
}

describe('one diagnostic shape for check and build', () => {
  it('build warns about every broken link check reports in published notes, frontmatter links included, in check’s words', async () => {
    const dir = writeVault(VAULT);
    const problems = await checked(dir);
    const published = problems.filter((problem) => BROKEN.has(problem.rule) && problem.file !== 'Private.md');
    // Every kind is there: note, heading, block, attachment, Markdown and frontmatter links.
    expect(new Set(published.map((problem) => problem.rule))).toEqual(BROKEN);
    expect(published.filter((problem) => problem.line <= 3).map((problem) => problem.line)).toEqual([2, 3]);
    expect(problems.some((problem) => problem.file === 'Private.md')).toBe(true);

    const site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir(), search: false });
    const warned = site.warnings.filter((warning: BuildWarning) => BROKEN.has(warning.rule));
    expect(warned.map(key)).toEqual(published.map(key));
    expect(warned.map((warning) => warning.suggestion)).toEqual(published.map((problem) => problem.suggestion));

    const failed = await build({ config: join(dir, 'almanac.yaml'), out: tempDir(), search: false, strict: true }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(BuildError);
    const strict = failed instanceof BuildError ? failed.warnings : [];
    expect(strict.filter((warning) => BROKEN.has(warning.rule)).map(key)).toEqual(published.map(key));
    // The error's text lists them as check prints them.
    for (const problem of published)
      expect(failed instanceof BuildError ? failed.message : '').toContain(formatDiagnostic({ ...problem, severity: 'warning' }));
  });

  it('a rule set to off or silenced in the note is not a build warning either', async () => {
    const dir = writeVault({ ...VAULT, 'almanac.yaml': 'vault: .\nrules: {orphan-note: off, unresolved-block: off}\n' });
    const site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir(), search: false });
    const rules = site.warnings.map((warning) => warning.rule);
    expect(rules).not.toContain('unresolved-block');
    expect(site.warnings.map((warning) => warning.message).join('\n')).not.toContain('Silenced');
    expect(rules).toContain('unresolved-heading');
  });

  it('the CLI prints check’s lines for build warnings, and build --strict fails with them', () => {
    const dir = writeVault(VAULT);
    const config = join(dir, 'almanac.yaml');
    const checkRun = runCli(['check', '--config', config]);
    const linesOf = (text: string): string[] =>
      text
        .split('\n')
        .filter((line) => /^\s+Home\.md:\d+:\d+ /.test(line))
        .map((line) => line.trim().replace(/ {2}(error|warning) {2,}/, '  SEVERITY  '));
    const fromCheck = linesOf(checkRun.stdout);
    expect(fromCheck.length).toBe(7);
    const buildRun = runCli(['build', '--config', config, '--out', tempDir(), '--no-search']);
    expect(buildRun.status).toBe(0);
    expect(linesOf(buildRun.stderr)).toEqual(fromCheck);
    const strictRun = runCli(['build', '--config', config, '--out', tempDir(), '--no-search', '--strict']);
    expect(strictRun.status).toBe(1);
    expect(linesOf(strictRun.stderr)).toEqual(fromCheck);
  });
});

describe('refresh prints its problems as check does', () => {
  it('a broken feed marker: the same line, words and rule from check and refresh', async () => {
    const config = fixture('flows-config.yaml').replace('SOURCE', 'data/flows.csv');
    const dir = makeProject({
      'almanac.yaml': config,
      'data/flows.csv': fixture('flows.csv'),
      'notes/Broken.md': '# Broken\n\n<!-- feed: xmag-flows bogus=1 -->\n| a |\n|---|\n<!-- /feed -->\n',
    });
    const opened = await openProject({ cwd: dir, cache: false });
    const fromCheck = check(opened.vault, { config: opened.config, today: '2026-02-01' }).problems.filter((problem) => problem.rule === 'feed-marker');
    const result = await refresh({ cwd: dir, today: '2026-02-01' });
    expect(fromCheck).toHaveLength(1);
    expect(result.problems.filter((problem) => problem.rule === 'feed-marker').map((problem) => formatProblem(problem, 'notes/'))).toEqual(
      fromCheck.map((problem) => formatDiagnostic({ ...problem, file: `notes/${problem.file}` })),
    );
  });
});

describe('formatters', () => {
  const diagnostics: Diagnostic[] = [
    { rule: 'unresolved-link', severity: 'error', file: 'A.md', line: 3, column: 5, target: 'B', message: 'No note or file named “B”', suggestion: '[[C]]' },
    { rule: 'feed-failed', severity: 'error', file: 'B.md', line: 9, column: 1, message: 'feed x: HTTP 503; table left as it is' },
  ];

  it('pretty: file:line:col  severity  message → suggestion  rule, grouped by file', () => {
    expect(formatDiagnosticsAs(diagnostics, 'pretty', { pathPrefix: 'notes/' })).toBe(
      'notes/A.md\n  notes/A.md:3:5  error    No note or file named “B” → [[C]]  unresolved-link\n\nnotes/B.md\n  notes/B.md:9:1  error    feed x: HTTP 503; table left as it is  feed-failed\n',
    );
  });

  it('json, github and sarif take any diagnostics, rules outside check’s included', () => {
    expect(JSON.parse(formatDiagnosticsAs(diagnostics, 'json'))).toEqual({ problems: diagnostics });
    expect(formatDiagnosticsAs(diagnostics, 'github', { pathPrefix: 'notes/' })).toContain(
      '::error file=notes/B.md,line=9,col=1,title=feed-failed::feed x: HTTP 503; table left as it is',
    );
    const sarif = JSON.parse(formatDiagnosticsAs(diagnostics, 'sarif')) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
    };
    const run = sarif.runs[0];
    const result = run?.results[1];
    expect(result?.ruleId).toBe('feed-failed');
    expect(run?.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe('feed-failed');
  });
});
