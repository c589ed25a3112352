// Broken feed markers (issue 12 §8): unclosed, duplicated, stray, malformed or with unknown
// attributes, each is an error at its line (exit 1) and the note is left as it is.
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { openProject } from '../src/project/index.js';
import { formatProblem, refresh } from '../src/refresh/index.js';
import { cleanProjects, fixture, makeProject, read } from './fixtures/refresh/support.js';

afterAll(cleanProjects);

const TABLE = '| Month | Flow | Notes |\n|-------|------|-------|\n| Jan | ~$9M | |\n';

/** A project whose note `notes/Broken.md` has `body`, and a good note `notes/Good.md`. */
function project(body: string): string {
  const config = fixture('flows-config.yaml').replace('SOURCE', 'data/flows.csv');
  return makeProject({ 'almanac.yaml': config, 'data/flows.csv': fixture('flows.csv'), 'notes/Broken.md': body, 'notes/Good.md': fixture('flows-note.md') });
}

async function run(body: string): Promise<{ lines: string[]; ok: boolean; note: string; good: string }> {
  const dir = project(body);
  const result = await refresh({ cwd: dir, today: '2026-02-01' });
  return {
    lines: result.problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, 'notes/')),
    ok: result.ok,
    note: read(dir, 'notes/Broken.md'),
    good: read(dir, 'notes/Good.md'),
  };
}

describe('broken feed markers', () => {
  it('an unclosed start marker', async () => {
    const body = `# Broken\n\n<!-- feed: xmag-flows -->\n${TABLE}\nMore text.\n`;
    const result = await run(body);
    expect(result.ok).toBe(false);
    expect(result.lines).toEqual([expect.stringMatching(/^notes\/Broken\.md:3:1 {2}error {4}feed xmag-flows: the start marker has no `<!-- \/feed -->`/)]);
    expect(result.note).toBe(body);
    expect(result.good).toContain('updated=2026-02-01');
  });

  it('a second start marker before the first region is closed', async () => {
    const body = `<!-- feed: xmag-flows -->\n${TABLE}\n<!-- feed: xmag-flows -->\n${TABLE}<!-- /feed -->\n`;
    const result = await run(body);
    expect(result.lines).toEqual([
      expect.stringMatching(/^notes\/Broken\.md:6:1 {2}error {4}feed xmag-flows: a second start marker before the region opened on line 1/),
    ]);
    expect(result.note).toBe(body);
  });

  it('a start marker with an unknown attribute', async () => {
    const body = `<!-- feed: xmag-flows updatd=2026-01-01 -->\n${TABLE}<!-- /feed -->\n`;
    const result = await run(body);
    expect(result.lines).toEqual([expect.stringMatching(/^notes\/Broken\.md:1:1 {2}error {4}feed xmag-flows: unknown marker attribute `updatd=`/)]);
    expect(result.note).toBe(body);
  });

  it('a malformed marker and a stray end marker', async () => {
    const body = `<!-- feed xmag-flows -->\n${TABLE}<!-- /feed -->\n`;
    const result = await run(body);
    expect(result.lines).toEqual([
      expect.stringMatching(/^notes\/Broken\.md:1:1 {2}error {4}not a feed marker/),
      expect.stringMatching(/^notes\/Broken\.md:5:1 {2}error {4}`<!-- \/feed -->` without a start marker/),
    ]);
    expect(result.note).toBe(body);
  });

  it('check reports each broken marker as feed-marker at its line', async () => {
    const body = `<!-- feed: xmag-flows bogus=1 -->\n${TABLE}<!-- /feed -->\n\n<!-- feed: xmag-flows -->\n${TABLE}`;
    const dir = project(body);
    const opened = await openProject({ cwd: dir, cache: false });
    const result = check(opened.vault, { config: opened.config, today: '2026-02-01' });
    const markers = result.problems.filter((problem) => problem.rule === 'feed-marker');
    expect(markers.map((problem) => `${problem.file}:${problem.line} ${problem.severity}`)).toEqual(['Broken.md:1 error', 'Broken.md:7 error']);
    expect(markers[0]?.message).toContain('unknown marker attribute `bogus=`');
    expect(markers[1]?.message).toContain('has no `<!-- /feed -->`');
    expect(result.problems.filter((problem) => problem.file === 'Good.md' && problem.rule === 'feed-marker')).toEqual([]);
  });

  it('good markers, and comments that only start with the word feed, raise nothing', async () => {
    const result = await run(`<!-- feed the cat before the call -->\n<!-- feedback: none -->\n\n${fixture('flows-note.md')}`);
    expect(result).toMatchObject({ ok: true, lines: [] });
  });
});
