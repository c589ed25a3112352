// The CLI on a vault large enough (WORKER_THRESHOLD notes) for note workers to parse and render:
// deeply nested notes become parse-error problems and placeholder pages (issue 12 §6), SVG
// attachments are copied sanitised, HTML ones left out, and ids from notes prefixed (§4), as in
// this thread (test/hostile-nesting.test.ts, test/hostile-render.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../src/vault/load.js';
import { listFiles } from './fixtures/publish/crawl.js';
import { runCli, writeVault } from './support/vault.js';
import { EVIL_HTML, EVIL_SVG, expectIds, expectInert, GOOD, HOSTILE, LINES, USER_IDS_NOTE } from './support/hostile-fixtures.js';

describe('hostile notes through the CLI, in note workers', () => {
  it('check and build report them and build the rest', () => {
    const filler: Record<string, string> = {};
    for (let index = 0; index < WORKER_THRESHOLD; index++)
      filler[`filler/Note ${index}.md`] = `# Note ${index}\n\nSee [[Note ${(index + 1) % WORKER_THRESHOLD}]].\n`;
    const attachments = { 'Attachments.md': 'See [[evil.html]] and ![[evil.svg]].\n', 'evil.svg': EVIL_SVG, 'evil.html': EVIL_HTML };
    const notes = Object.entries({ ...HOSTILE, ...GOOD, ...filler, ...attachments, 'Page.md': USER_IDS_NOTE }).map(([path, source]) => [
      `vault/${path}`,
      source,
    ]);
    const project = writeVault({
      ...Object.fromEntries(notes),
      'almanac.yaml': 'vault: vault\noutput: site\nrules: {orphan-note: off, unresolved-heading: off}\n',
    });
    const checked = runCli(['check', '--format', 'json'], project);
    expect(checked.status).toBe(1);
    const problems = (JSON.parse(checked.stdout) as { problems: Array<{ rule: string; file: string; line: number }> }).problems;
    expect(problems.filter((problem) => problem.rule === 'parse-error').map((problem) => [problem.file, problem.line])).toEqual(Object.entries(LINES).sort());
    expect(problems.filter((problem) => problem.rule !== 'parse-error')).toEqual([]);

    const built = runCli(['build'], project);
    expect(built.status).toBe(0);
    for (const file of Object.keys(HOSTILE))
      expect(built.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:${LINES[file] ?? 1}:1 +warning +The note could not be rendered`));
    expect(built.stderr).toMatch(/Attachments\.md:1:5 +warning +Not published: evil\.html/);
    const site = join(project, 'site');
    for (const file of Object.keys(HOSTILE)) expect(readFileSync(join(site, file.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain('class="parse-error"');
    expect(existsSync(join(site, 'filler', 'note-299', 'index.html'))).toBe(true);
    expect(readFileSync(join(site, 'good', 'index.html'), 'utf8')).toContain('href="/other/#part"');

    expect(listFiles(site).filter((file) => file.startsWith('files/'))).toEqual(['files/evil.svg']);
    expectInert(readFileSync(join(site, 'files', 'evil.svg'), 'utf8'));
    expect(readFileSync(join(site, 'attachments', 'index.html'), 'utf8')).not.toMatch(/href="[^"]*evil\.html/);
    expectIds(readFileSync(join(site, 'page', 'index.html'), 'utf8'));
  }, 60_000);
});
