// `almanac refresh` as users run it (bin/almanac.js on the built dist/), and the sample vault.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as almanacApi from '../src/index.js';
import { refresh, type FeedProgress } from '../src/refresh/index.js';
import { cleanProjects, fixture, makeProject, read, serve, startServer, type TestServer } from './fixtures/refresh/support.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'almanac.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async, so the test's own HTTP server keeps answering while the CLI runs. */
async function almanac(cwd: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});
afterAll(cleanProjects);

function project(source: string): string {
  return makeProject({ 'almanac.yaml': fixture('flows-config.yaml').replace('SOURCE', source), 'notes/XMAG.md': fixture('flows-note.md') });
}

describe('almanac refresh', () => {
  it('refreshes, then --check exits 0; after the served data changes --check prints the diff, exits 1 and touches nothing', async () => {
    let csv = fixture('flows.csv');
    server.routes.set(
      '/flows.csv',
      serve(() => csv),
    );
    const dir = project(`${server.url}/flows.csv`);
    const first = await almanac(dir, 'refresh', '--today', '2026-02-01');
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toBe('refresh: 1 of 1 feeds loaded, 1 notes updated, 0 unchanged\n');
    const refreshed = read(dir, 'notes/XMAG.md');

    expect(await almanac(dir, 'refresh', '--check')).toMatchObject({ code: 0, stdout: '' });

    csv = csv.replace('2025-06,-1000000', '2025-06,-2000000');
    const check = await almanac(dir, 'refresh', '--check', '--today', '2026-02-02');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('-| Jun | ~-$1M | Only outflow month |\n+| Jun | ~-$2M | Only outflow month |');
    expect(check.stderr).toContain('refresh --check: 1 of 1 feeds loaded, 1 notes would change, 0 unchanged');
    expect(read(dir, 'notes/XMAG.md')).toBe(refreshed);
  });

  it('exits 1 naming the note, line and feed when a feed fails', async () => {
    const dir = project(`${server.url}/gone.csv`);
    const run = await almanac(dir, 'refresh');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('notes/XMAG.md:11:1  error    feed xmag-flows: HTTP 404 Not Found; table left as it is  feed-failed\n');
  });

  it('exits 2 on usage and config errors', async () => {
    const dir = project(`${server.url}/flows.csv`);
    const unknown = await almanac(dir, 'refresh', '--feed', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('almanac: unknown feed “nope”; almanac.yaml declares xmag-flows');
    expect((await almanac(dir, 'refresh', '--today', '2026-13-01')).code).toBe(2);
    const broken = makeProject({ 'almanac.yaml': 'feeds:\n  f:\n    source: x.csv\n    format: xls\n', 'notes/A.md': '# A\n' });
    const config = await almanac(broken, 'refresh', '--config', join(broken, 'almanac.yaml'));
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('`feeds.f.format`');
  });
});

describe('the sample vault', () => {
  it('is up to date with its data files: refresh --check exits 0 offline', async () => {
    const run = await almanac(ROOT, 'refresh', '--check', '--offline');
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('reads every feed from data/ and reports progress per feed', async () => {
    const events: FeedProgress[] = [];
    const result = await refresh({ cwd: ROOT, check: true, offline: true, onProgress: (event) => events.push(event) });
    expect(result).toMatchObject({ ok: true, changed: false, problems: [] });
    expect(result.feeds.map((feed) => [feed.name, feed.status, feed.via, feed.tables])).toEqual([
      ['xmag-flows', 'ok', 'file', 2],
      ['mag7-returns', 'ok', 'file', 1],
      ['price-targets', 'ok', 'file', 1],
      ['fed-funds', 'ok', 'file', 1],
    ]);
    expect(events.map((event) => event.total)).toEqual([4, 4, 4, 4]);
    expect(result.notes.map((note) => note.path).sort()).toEqual(['ETFs/XMAG.md', 'Events/Fed easing cycle 2025.md', 'Rotations/Sector Rotation.md']);
  });
});

it('exports refresh’s library API from the package', () => {
  const names = [
    'refresh',
    'refreshProject',
    'refreshNoteText',
    'feedRows',
    'formatCell',
    'escapeCell',
    'decodePayload',
    'formatProblem',
    'DEFAULT_HTTP',
    'FeedError',
    'TableError',
    'ConflictError',
    'feedsSchema',
    'parseCellFormat',
    'parseDuration',
    'addDuration',
    'PAYLOAD_FORMATS',
  ];
  expect(Object.keys(almanacApi)).toEqual(expect.arrayContaining(names));
});
