// Staleness: every date source, every policy level, stale tables; all with a fixed today.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { check } from '../src/check/index.js';
import { parseConfig } from '../src/config/load.js';
import { lastCommitDates, changedSince } from '../src/stale/index.js';
import { formatGithub } from '../src/report/github.js';
import { formatStepSummary } from '../src/report/step-summary.js';
import { type checkFiles, lines, runCli, writeVault } from './support/vault.js';

const POLICY = 'rules: {orphan-note: off}\nstale:\n  default: 180d\n  types:\n    rotation: 30d\n    etf: 30d\n  severity: error\n';
const stale = (result: Awaited<ReturnType<typeof checkFiles>>) =>
  lines(result).filter((line) => /\[(stale-note|stale-table|undated-note|invalid-frontmatter)\]$/.test(line));

describe('date sources', () => {
  async function checkAt(files: Record<string, string>, today: string, config = POLICY) {
    return check(await loadVault(writeVault(files)), { config: parseConfig(config), today });
  }

  it('frontmatter `updated`: a YAML date or a quoted string; annotation on its line', async () => {
    const result = await checkAt(
      { 'a.md': '---\ntype: rotation\nupdated: 2026-01-14\n---\n# A\n', 'b.md': '---\ntype: rotation\nupdated: "2026-01-14"\n---\n# B\n' },
      '2026-11-22',
    );
    expect(stale(result)).toEqual([
      'a.md:3:1 error updated 2026-01-14 (312 days ago); rotation notes go stale after 30 days (282 days overdue) [stale-note]',
      'b.md:3:1 error updated 2026-01-14 (312 days ago); rotation notes go stale after 30 days (282 days overdue) [stale-note]',
    ]);
  });

  it('else the last `*Updated YYYY-MM-DD*` line of the body (seed 003 convention)', async () => {
    const result = await checkAt(
      { 'r.md': '#concept #rotation\n\n# Sector Rotation\n\n*Updated 2025-12-01*\n\ntext\n\n*Updated 2026-01-14*\n' },
      '2026-03-01',
      'stale: {default: 30d}\n',
    );
    expect(stale(result)).toEqual(['r.md:9:1 warning updated 2026-01-14 (46 days ago); notes go stale after 30 days (16 days overdue) [stale-note]']);
  });

  it('frontmatter wins over the body line', async () => {
    const result = await checkAt({ 'r.md': '---\nupdated: 2026-02-20\n---\n*Updated 2025-01-01*\n' }, '2026-03-01', 'stale: {default: 30d}\n');
    expect(stale(result)).toEqual([]);
  });

  it('else the last git commit date', async () => {
    const dir = writeVault({ 'notes/g.md': '# No date here\n', 'notes/h.md': '# Nor here\n' });
    const env = {
      ...process.env,
      GIT_AUTHOR_DATE: '2025-06-01T12:00:00Z',
      GIT_COMMITTER_DATE: '2025-06-01T12:00:00Z',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    };
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', 'notes/g.md'], { cwd: dir });
    execFileSync('git', ['commit', '-qm', 'g'], { cwd: dir, env });
    const vaultDir = join(dir, 'notes');
    const gitDates = lastCommitDates(vaultDir);
    expect([...gitDates]).toEqual([['g.md', '2025-06-01']]);
    const result = check(await loadVault(vaultDir), {
      config: parseConfig('stale: {default: 90d}\nrules: {undated-note: warning, orphan-note: off}\n'),
      today: '2026-01-20',
      gitDates,
    });
    expect(stale(result)).toEqual([
      'g.md:1:1 warning last committed 2025-06-01 (233 days ago); notes go stale after 90 days (143 days overdue) [stale-note]',
      'h.md:1:1 warning No date: add `updated: YYYY-MM-DD` to the frontmatter or an `*Updated YYYY-MM-DD*` line [undated-note]',
    ]);
    expect([...changedSince(vaultDir, 'HEAD')]).toEqual(['h.md']);
  });

  it('else undated: undated-note is off by default', async () => {
    expect(stale(await checkAt({ 'u.md': '# U\n' }, '2026-03-01'))).toEqual([]);
  });

  it('a malformed `updated` is invalid-frontmatter and the next source is used', async () => {
    const result = await checkAt({ 'm.md': '---\nupdated: last week\n---\n*Updated 2026-01-01*\n' }, '2026-03-01', 'stale: {default: 30d}\n');
    expect(stale(result)).toEqual([
      'm.md:2:1 error Frontmatter `updated` must be a date like 2026-01-14 (got “last week”) [invalid-frontmatter]',
      'm.md:4:1 warning updated 2026-01-01 (59 days ago); notes go stale after 30 days (29 days overdue) [stale-note]',
    ]);
  });
});

describe('policy levels', () => {
  const files = {
    'default.md': '---\ntype: concept\nupdated: 2025-07-01\n---\n',
    'typed.md': '---\ntype: etf\nupdated: 2025-12-01\n---\n',
    'fresh-type.md': '---\ntype: concept\nupdated: 2025-12-01\n---\n',
    'review.md': '---\ntype: concept\nupdated: 2026-01-01\nreview-every: 14d\n---\n',
    'evergreen.md': '---\ntype: event\nupdated: 2001-01-01\nstale: false\n---\n',
    'bad-review.md': '---\ntype: concept\nupdated: 2026-01-10\nreview-every: soon\n---\n',
  };

  it('default, per type, per note (review-every) and evergreen (stale: false)', async () => {
    const result = check(await loadVault(writeVault(files)), { config: parseConfig(POLICY), today: '2026-01-20' });
    expect(stale(result)).toEqual([
      'bad-review.md:4:1 error Frontmatter `review-every` must be a duration like 14d, 8w, 6m or 1y (got “soon”) [invalid-frontmatter]',
      'default.md:3:1 error updated 2025-07-01 (203 days ago); notes go stale after 180 days (23 days overdue) [stale-note]',
      'review.md:3:1 error updated 2026-01-01 (19 days ago); this note asks for review every 14 days (5 days overdue) [stale-note]',
      'typed.md:3:1 error updated 2025-12-01 (50 days ago); etf notes go stale after 30 days (20 days overdue) [stale-note]',
    ]);
    expect(result.stale?.map((entry) => entry.path)).toEqual(['default.md', 'typed.md', 'review.md']);
  });

  it('severity: warning in the policy, and a rules entry overrides it', async () => {
    const warning = check(await loadVault(writeVault(files)), {
      config: parseConfig(POLICY.replace('severity: error', 'severity: warning')),
      today: '2026-01-20',
    });
    expect(warning.problems.filter((p) => p.rule === 'stale-note').map((p) => p.severity)).toEqual(['warning', 'warning', 'warning']);
    const off = check(await loadVault(writeVault(files)), {
      config: parseConfig(`${POLICY.replace('rules: {orphan-note: off}\n', '')}rules: {stale-note: off, orphan-note: off}\n`),
      today: '2026-01-20',
    });
    expect(off.problems.filter((p) => p.rule === 'stale-note')).toEqual([]);
    expect(off.stale).toEqual([]);
  });

  it('an unknown duration in the config is a config error naming the key', () => {
    expect(() => parseConfig('stale:\n  types:\n    etf: monthly\n')).toThrow(
      'almanac.yaml:3: `stale.types.etf`: “monthly” is not a duration like 30d, 12w, 6m or 1y',
    );
  });
});

describe('stale-table', () => {
  const config = `feeds:\n  xmag-flows:\n    source: data/x.csv\n    format: csv\n    key: Month\n    columns:\n      Month: month\n      Flow: flow\n    max-age: 45d\n  no-limit:\n    source: data/y.csv\n    format: csv\n    key: A\n    columns:\n      A: a\nrules: {orphan-note: off}\n`;
  const table = (attrs: string, feed = 'xmag-flows') => `<!-- feed: ${feed}${attrs} -->\n| Month | Flow |\n|---|---|\n| Jan | 1 |\n<!-- /feed -->\n`;

  it('a table refreshed longer ago than its max-age is stale, at the marker line', async () => {
    const result = check(
      await loadVault(writeVault({ 'x.md': `# X\n\n${table(' updated=2025-12-01')}\n${table(' updated=2026-01-10')}\n${table('', 'no-limit')}` })),
      { config: parseConfig(config), today: '2026-01-20' },
    );
    expect(stale(result)).toEqual([
      'x.md:3:1 warning table from feed “xmag-flows” refreshed 2025-12-01 (50 days ago); the feed’s max-age is 45 days (5 days overdue) [stale-table]',
    ]);
    expect(result.staleTables?.map((t) => [t.path, t.feed, t.daysOverdue])).toEqual([['x.md', 'xmag-flows', 5]]);
  });

  it('a table never refreshed (no updated=) is stale too', async () => {
    const result = check(await loadVault(writeVault({ 'x.md': table('') })), { config: parseConfig(config), today: '2026-01-20' });
    expect(stale(result)).toEqual([
      'x.md:1:1 warning table from feed “xmag-flows” has no refresh date (updated=); its max-age is 45 days. Run almanac refresh [stale-table]',
    ]);
  });
});

describe('CI output', () => {
  it('github annotations point at the date line; step summary lists stale notes by days overdue', async () => {
    const files = {
      'Rotations/Sector Rotation.md': '#concept #markets #rotation #macro\n\n# Sector Rotation\n\n*Updated 2026-01-14*\n',
      'ETFs/XMAG.md': '---\ntype: etf\nupdated: 2025-11-30\n---\n# XMAG\n\n[[Sector Rotation]]\n',
      'Concepts/Fresh.md': '---\ntype: concept\nupdated: 2026-11-01\n---\n[[XMAG]]\n',
    };
    const config = POLICY.replace('types:\n    rotation: 30d', 'types:\n    concept: 30d\n    rotation: 30d');
    const result = check(await loadVault(writeVault(files)), { config: parseConfig(`${config}`), today: '2026-11-22' });
    expect(formatGithub(result, { pathPrefix: 'notes/' })).toMatchSnapshot();
    expect(formatStepSummary(result, { pathPrefix: 'notes/' })).toMatchSnapshot();
  });

  it('the CLI appends the summary to $GITHUB_STEP_SUMMARY and --changed-since needs git', () => {
    const dir = writeVault({ 'a.md': '---\nupdated: 2020-01-01\n---\n[[a]]\n' });
    const summary = join(writeVault({ 'summary.md': 'before\n' }), 'summary.md');
    const run = runCli(['check', '--vault', dir, '--today', '2026-01-20', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(run.stdout).toContain('title=stale-note::updated 2020-01-01');
    expect(run.status).toBe(0);
    expect(execFileSync('cat', [summary], { encoding: 'utf8' })).toMatch(/^before\n## Almanac check\n/);
    const nogit = runCli(['check', '--vault', dir, '--changed-since', 'main'], '/');
    expect(nogit.status).toBe(2);
  });
});

describe('sample vault', () => {
  it('has no stale notes on 2026-01-20 and reports the January notes later', () => {
    const early = runCli(['check', '--today', '2026-01-20', '--format', 'json']);
    expect(JSON.parse(early.stdout).problems.filter((p: { rule: string }) => p.rule.startsWith('stale'))).toEqual([]);
    const late = runCli(['check', '--today', '2026-03-01', '--format', 'json']);
    const stalePaths: string[] = JSON.parse(late.stdout)
      .problems.filter((p: { rule: string }) => p.rule === 'stale-note')
      .map((p: { file: string }) => p.file);
    expect(stalePaths).toContain('Rotations/Sector Rotation.md');
    expect(stalePaths.length).toBeGreaterThan(3);
    expect(late.status).toBe(1);
  });
});
