// refresh() end to end against a real HTTP server on 127.0.0.1: merge, check, failures,
// in-flight edits, conditional requests, retries, offline and secret headers.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem, refresh, type RefreshOptions } from '../src/refresh/index.js';
import { contentHash, writeIfUnchanged } from '../src/refresh/write.js';
import { cleanProjects, fixture, makeProject, read, serve, startServer, type TestServer } from './fixtures/refresh/support.js';

const NOTE = 'notes/XMAG.md';
const TODAY = '2026-02-01';
const FAST: RefreshOptions['http'] = { retries: 0, retryDelayMs: 5, timeoutMs: 2000 };

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});
afterAll(cleanProjects);

function flowsProject(source: string, note = fixture('flows-note.md'), feedExtra = ''): string {
  const config = fixture('flows-config.yaml').replace('SOURCE', source) + feedExtra;
  return makeProject({ 'almanac.yaml': config, [NOTE]: note });
}

/** Text before the start marker's line and from the end marker's line on. */
function outside(text: string): { before: string; after: string } {
  const start = text.indexOf('<!-- feed:');
  const end = text.indexOf('<!-- /feed -->');
  return { before: text.slice(0, start), after: text.slice(end) };
}

function row(text: string, month: string): string | undefined {
  return text.split(/\r?\n/).find((line) => new RegExp(`^\\| (\\*\\*)?${month}(\\*\\*)? \\|`).test(line));
}

describe('refresh from CSV over HTTP', () => {
  it('updates the Flow column, keeps Notes with their months and every byte outside the markers', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv')));
    const dir = flowsProject(`${server.url}/flows.csv`);
    const before = read(dir, NOTE);
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([{ path: 'XMAG.md', status: 'updated' }]);
    expect(result.feeds[0]).toMatchObject({ name: 'xmag-flows', status: 'ok', via: 'network', rows: 12 });
    const after = read(dir, NOTE);
    expect(outside(after)).toEqual(outside(before));
    expect(after).toContain('<!-- feed: xmag-flows updated=2026-02-01 -->');
    expect(row(after, 'Jan')).toBe('| Jan | ~$10M | |');
    expect(row(after, 'Jun')).toBe('| Jun | ~-$1M | Only outflow month |');
    expect(row(after, 'Oct')).toBe('| Oct | ~$10M | Post-record pivot |');
    // The researcher's bold survives a changed value.
    expect(row(after, 'Dec')).toBe('| **Dec** | **~$38M** | 4x November |');
  });

  it('follows the feed’s row order and the Notes cells move with their months', async () => {
    const [header = '', ...lines] = fixture('flows.csv').trim().split('\n');
    server.routes.set('/flows.csv', serve([header, ...lines.reverse()].join('\n')));
    const dir = flowsProject(`${server.url}/flows.csv`);
    await refresh({ cwd: dir, today: TODAY, http: FAST });
    const after = read(dir, NOTE);
    const months = after
      .split('\n')
      .filter((line) => /^\| (\*\*)?[A-Z][a-z]{2}(\*\*)? \|/.test(line))
      .map((line) => line.split('|')[1]?.replace(/\*/g, '').trim());
    expect(months).toEqual(['Dec', 'Nov', 'Oct', 'Sep', 'Aug', 'Jul', 'Jun', 'May', 'Apr', 'Mar', 'Feb', 'Jan']);
    expect(row(after, 'Jul')).toBe('| Jul | ~$1M | 6-month streak starts |');
    expect(row(after, 'Dec')).toBe('| **Dec** | **~$38M** | 4x November |');
  });

  it('keeps a CRLF note CRLF, its BOM and its missing final newline', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv').replace(/\n/g, '\r\n')));
    const note = `\uFEFF${fixture('flows-note.md').trimEnd().replace(/\n/g, '\r\n')}`;
    const dir = flowsProject(`${server.url}/flows.csv`, note);
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(result.ok).toBe(true);
    const after = read(dir, NOTE);
    expect(after.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(after.endsWith('*Updated 2026-01-14*')).toBe(true);
    expect(outside(after)).toEqual(outside(note));
    expect(after).toContain('| Jan | ~$10M | |\r\n');
  });

  it('leaves the file byte-identical when run twice against the same data', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv')));
    const dir = flowsProject(`${server.url}/flows.csv`);
    await refresh({ cwd: dir, today: TODAY, http: FAST });
    const once = read(dir, NOTE);
    const again = await refresh({ cwd: dir, today: '2026-03-01', http: FAST });
    expect(again.notes).toEqual([{ path: 'XMAG.md', status: 'unchanged' }]);
    expect(read(dir, NOTE)).toBe(once);
  });
});

describe('refresh --check (library)', () => {
  it('reports nothing after a refresh and a diff after the served data changes, touching nothing', async () => {
    let csv = fixture('flows.csv');
    server.routes.set(
      '/flows.csv',
      serve(() => csv),
    );
    const dir = flowsProject(`${server.url}/flows.csv`);
    await refresh({ cwd: dir, today: TODAY, http: FAST });
    const refreshed = read(dir, NOTE);

    const clean = await refresh({ cwd: dir, today: TODAY, http: FAST, check: true });
    expect(clean).toMatchObject({ ok: true, changed: false, diff: '' });

    csv = csv.replace('2025-12,38000000', '2025-12,41000000');
    const dirty = await refresh({ cwd: dir, today: '2026-02-02', http: FAST, check: true });
    expect(dirty.ok).toBe(true);
    expect(dirty.changed).toBe(true);
    expect(dirty.notes).toEqual([{ path: 'XMAG.md', status: 'would-update' }]);
    expect(dirty.diff).toContain('--- a/notes/XMAG.md');
    expect(dirty.diff).toContain('-| **Dec** | **~$38M** | 4x November |');
    expect(dirty.diff).toContain('+| **Dec** | **~$41M** | 4x November |');
    expect(dirty.diff).toContain('+<!-- feed: xmag-flows updated=2026-02-02 -->');
    expect(read(dir, NOTE)).toBe(refreshed);
  });
});

describe('a failing feed names the feed and the note and leaves the note alone', () => {
  let downUrl = '';
  beforeAll(async () => {
    const gone = await startServer();
    downUrl = gone.url;
    await gone.close();
  });
  const jsonFeed = (format: string, path = ''): string =>
    `    format: ${format}\n${path}    columns:\n      Month: { field: date, format: "date:MMM" }\n      Flow: { field: value, format: "~$M" }\n`;
  const cases: Array<{ name: string; setup: (url: string) => string; feed?: string; http?: RefreshOptions['http']; message: RegExp }> = [
    { name: 'server down', setup: () => `${downUrl}/flows.csv`, message: /could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/ },
    {
      name: 'HTML with status 200',
      setup: (url) => (
        server.routes.set('/flows.csv', serve('<!DOCTYPE html><html><body>Sign in</body></html>', 'text/html; charset=utf-8')), `${url}/flows.csv`
      ),
      message: /expected data but got an HTML page \(text\/html\)/,
    },
    {
      name: 'HTML with status 200 and a data content type',
      setup: (url) => (server.routes.set('/flows.csv', serve('<html><body>Sign in</body></html>', 'text/csv')), `${url}/flows.csv`),
      message: /HTML page/,
    },
    {
      name: 'malformed JSON',
      setup: (url) => (server.routes.set('/flows.json', serve('{"rows": [{"date": "2025-01", ', 'application/json')), `${url}/flows.json`),
      feed: jsonFeed('json', '    path: rows\n'),
      message: /malformed JSON/,
    },
    {
      name: 'FRED "." values',
      setup: (url) => (server.routes.set('/fred', serve(fixture('fred-missing.json'), 'application/json')), `${url}/fred`),
      feed: jsonFeed('fred'),
      message: /record 2 \(2025-02-01\) has no value for `value` \(FRED "\."\)/,
    },
    {
      name: 'a body over the size cap (Content-Length)',
      setup: (url) => (server.routes.set('/flows.csv', serve(fixture('flows.csv').repeat(20))), `${url}/flows.csv`),
      http: { maxBytes: 1024 },
      message: /larger than the 1 KB cap/,
    },
    {
      name: 'a body over the size cap (chunked, no Content-Length)',
      setup: (url) => {
        server.routes.set('/flows.csv', (_request, response) => {
          response.writeHead(200, { 'content-type': 'text/csv' });
          for (let index = 0; index < 20; index++) response.write(fixture('flows.csv'));
          response.end();
        });
        return `${url}/flows.csv`;
      },
      http: { maxBytes: 1024 },
      message: /larger than the 1 KB cap/,
    },
    {
      name: 'a server slower than the timeout',
      setup: (url) => {
        server.routes.set('/flows.csv', (_request, response) => {
          setTimeout(() => response.writeHead(200).end(fixture('flows.csv')), 1500).unref();
        });
        return `${url}/flows.csv`;
      },
      http: { timeoutMs: 200 },
      message: /no complete response within 200 ms/,
    },
  ];

  it.each(cases)('$name', async ({ setup, feed, http, message }) => {
    const source = setup(server.url);
    const config =
      feed === undefined
        ? fixture('flows-config.yaml').replace('SOURCE', source)
        : `vault: notes\nfeeds:\n  xmag-flows:\n    source: ${source}\n    key: Month\n${feed}`;
    const dir = makeProject({ 'almanac.yaml': config, [NOTE]: fixture('flows-note.md') });
    const before = read(dir, NOTE);
    const result = await refresh({ cwd: dir, today: TODAY, http: { ...FAST, ...http } });
    expect(result.ok).toBe(false);
    expect(result.feeds[0]).toMatchObject({ name: 'xmag-flows', status: 'failed' });
    const [problem] = result.problems;
    expect(result.problems).toHaveLength(1);
    expect(problem).toMatchObject({ severity: 'error', path: 'XMAG.md', line: 11, feed: 'xmag-flows' });
    expect(problem?.message).toMatch(message);
    expect(formatProblem(problem ?? { rule: '', severity: 'error', path: null, line: null, feed: null, message: '' }, 'notes/')).toMatch(
      /^notes\/XMAG\.md:11:1 {2}error {4}feed xmag-flows: .*table left as it is {2}feed-failed$/,
    );
    expect(read(dir, NOTE)).toBe(before);
  });
});

describe('edits and other feeds', () => {
  it('keeps an edit made while the refresh is in flight and reports a conflict', async () => {
    let dir = '';
    const edited = `${fixture('flows-note.md')}\nA line typed in Obsidian mid-refresh.\n`;
    server.routes.set('/flows.csv', (_request, response) => {
      writeFileSync(join(dir, NOTE), edited);
      response.writeHead(200, { 'content-type': 'text/csv' }).end(fixture('flows.csv'));
    });
    dir = flowsProject(`${server.url}/flows.csv`);
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(result.ok).toBe(false);
    expect(result.notes).toEqual([{ path: 'XMAG.md', status: 'conflict' }]);
    expect(result.problems[0]?.message).toMatch(/changed on disk while refresh ran/);
    expect(read(dir, NOTE)).toBe(edited);
  });

  it('does not rename over a file that changed after it was read (checked just before the rename)', async () => {
    const dir = makeProject({ 'notes/A.md': 'original\n' });
    const file = join(dir, 'notes/A.md');
    const stale = contentHash('what refresh read\n');
    expect(await writeIfUnchanged(file, stale, 'refreshed\n')).toBe(false);
    expect(read(dir, 'notes/A.md')).toBe('original\n');
    expect(readdirSync(join(dir, 'notes'))).toEqual(['A.md']);
    expect(await writeIfUnchanged(file, contentHash('original\n'), 'refreshed\n')).toBe(true);
    expect(read(dir, 'notes/A.md')).toBe('refreshed\n');
    expect(readdirSync(join(dir, 'notes'))).toEqual(['A.md']);
  });

  it('reports a region naming an undeclared feed, and a declared feed no note uses', async () => {
    const config = `vault: notes\nfeeds:\n  spare:\n    source: ${server.url}/spare.csv\n    format: csv\n    key: A\n    columns: { A: a }\n`;
    const dir = makeProject({ 'almanac.yaml': config, 'notes/A.md': '# A\n\n<!-- feed: typo -->\n<!-- /feed -->\n' });
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(result.problems.map((problem) => formatProblem(problem))).toEqual([
      'A.md:3:1  error    feed typo: not declared under `feeds:` in almanac.yaml  feed-undeclared',
      'almanac.yaml:1:1  warning  feed spare: no note has a `<!-- feed: spare -->` table  feed-unused',
    ]);
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('refreshes the other feeds when one fails, and exits non-ok', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv')));
    const config = `${fixture('flows-config.yaml').replace('SOURCE', `${server.url}/flows.csv`)}  broken:\n    source: ${server.url}/missing.csv\n    format: csv\n    key: A\n    columns: { A: a }\n`;
    const note = `${fixture('flows-note.md')}\n<!-- feed: broken -->\n| A |\n|---|\n| x |\n<!-- /feed -->\n`;
    const dir = makeProject({ 'almanac.yaml': config, [NOTE]: note });
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.message)).toEqual(['feed broken: HTTP 404 Not Found; table left as it is']);
    expect(row(read(dir, NOTE), 'Jan')).toBe('| Jan | ~$10M | |');
    expect(read(dir, NOTE)).toContain('| x |\n<!-- /feed -->');
  });

  it('--feed limits the run to one feed; an unknown name is a usage error', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv')));
    const config = `${fixture('flows-config.yaml').replace('SOURCE', `${server.url}/flows.csv`)}  other:\n    source: ${server.url}/other.csv\n    format: csv\n    key: A\n    columns: { A: a }\n`;
    const note = `${fixture('flows-note.md')}\n<!-- feed: other -->\n<!-- /feed -->\n`;
    const dir = makeProject({ 'almanac.yaml': config, [NOTE]: note });
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, feed: 'xmag-flows' });
    expect(result.ok).toBe(true);
    expect(result.feeds.map((feed) => feed.name)).toEqual(['xmag-flows']);
    expect(server.requests.map((request) => request.path)).toEqual(['/flows.csv']);
    await expect(refresh({ cwd: dir, feed: 'nope' })).rejects.toThrow(/unknown feed “nope”; almanac.yaml declares xmag-flows, other/);
  });
});

describe('HTTP behaviour', () => {
  it('sends conditional requests and reuses the cache under .almanac/ on 304 (ETag)', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv'), 'text/csv', '"v1"'));
    const dir = flowsProject(`${server.url}/flows.csv`);
    const first = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(first.feeds[0]?.via).toBe('network');
    expect(existsSync(join(dir, '.almanac', 'feeds', 'xmag-flows.body'))).toBe(true);
    const second = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(second.feeds[0]).toMatchObject({ status: 'ok', via: 'not-modified', rows: 12 });
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(second.notes).toEqual([{ path: 'XMAG.md', status: 'unchanged' }]);
  });

  it('sends If-Modified-Since from Last-Modified', async () => {
    const stamp = 'Wed, 14 Jan 2026 10:00:00 GMT';
    server.routes.set('/flows.csv', (request, response) => {
      if (request.headers['if-modified-since'] === stamp) response.writeHead(304).end();
      else response.writeHead(200, { 'content-type': 'text/csv', 'last-modified': stamp }).end(fixture('flows.csv'));
    });
    const dir = flowsProject(`${server.url}/flows.csv`);
    await refresh({ cwd: dir, today: TODAY, http: FAST });
    const second = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(second.feeds[0]?.via).toBe('not-modified');
  });

  it('retries 5xx and 429 with backoff, then succeeds', async () => {
    const statuses = [503, 429, 200];
    server.routes.set('/flows.csv', (_request, response) => {
      const status = statuses.shift() ?? 200;
      if (status === 200) response.writeHead(200, { 'content-type': 'text/csv' }).end(fixture('flows.csv'));
      else response.writeHead(status, { 'retry-after': '0' }).end('busy');
    });
    const dir = flowsProject(`${server.url}/flows.csv`);
    const result = await refresh({ cwd: dir, today: TODAY, http: { retries: 2, retryDelayMs: 5 } });
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the retries, and never retries a 404', async () => {
    server.routes.set('/flows.csv', (_request, response) => {
      response.writeHead(502).end();
    });
    const dir = flowsProject(`${server.url}/flows.csv`);
    const result = await refresh({ cwd: dir, today: TODAY, http: { retries: 2, retryDelayMs: 5 } });
    expect(result.problems[0]?.message).toBe('feed xmag-flows: HTTP 502 Bad Gateway (gave up after 3 attempts); table left as it is');
    expect(server.requests).toHaveLength(3);
    const missing = flowsProject(`${server.url}/nothing.csv`);
    await refresh({ cwd: missing, today: TODAY, http: { retries: 2, retryDelayMs: 5 } });
    expect(server.requests).toHaveLength(4);
  });

  it('--offline reads only the cache, and says so when there is none', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv')));
    const dir = flowsProject(`${server.url}/flows.csv`);
    const cold = await refresh({ cwd: dir, today: TODAY, offline: true });
    expect(cold.problems[0]?.message).toMatch(/offline, and there is no cached copy yet/);
    expect(server.requests).toHaveLength(0);
    await refresh({ cwd: dir, today: TODAY, http: FAST, check: true });
    const warm = await refresh({ cwd: dir, today: TODAY, offline: true });
    expect(warm.feeds[0]).toMatchObject({ status: 'ok', via: 'cache' });
    expect(server.requests).toHaveLength(1);
    expect(row(read(dir, NOTE), 'Jan')).toBe('| Jan | ~$10M | |');
  });

  it('sends headers from environment variables, a User-Agent, and writes no secret to the cache or messages', async () => {
    const secret = 'sk-test-5f0c2a';
    server.routes.set(`/flows.csv?key=${secret}`, serve(fixture('flows.csv'), 'text/csv', '"v1"'));
    const extra = '    headers:\n      Authorization: "Bearer ${ALMANAC_TEST_TOKEN}"\n';
    const dir = flowsProject(`"${server.url}/flows.csv?key=\${ALMANAC_TEST_KEY}"`, undefined, extra);
    const env = { ALMANAC_TEST_TOKEN: secret, ALMANAC_TEST_KEY: secret };
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, env });
    expect(result.ok).toBe(true);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`);
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^almanac\//);
    const cached = readdirSync(join(dir, '.almanac', 'feeds')).map((file) => readFileSync(join(dir, '.almanac', 'feeds', file), 'utf8'));
    expect(cached.join('\n')).not.toContain(secret);
    expect(cached.join('\n')).toContain('${ALMANAC_TEST_KEY}');
    const unset = await refresh({ cwd: dir, today: TODAY, http: FAST, env: {} });
    expect(unset.problems[0]?.message).toMatch(/environment variable ALMANAC_TEST_KEY is not set \(used in source\)/);
    expect(JSON.stringify(unset)).not.toContain(secret);
  });

  it('fetches at most `concurrency` feeds at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = (): ((request: unknown, response: import('node:http').ServerResponse) => Promise<void>) => async (_request, response) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      response.writeHead(200, { 'content-type': 'text/csv' }).end('a\nx\n');
    };
    let config = 'vault: notes\nfeeds:\n';
    let note = '# Many\n';
    for (const name of ['f1', 'f2', 'f3']) {
      server.routes.set(`/${name}.csv`, slow());
      config += `  ${name}:\n    source: ${server.url}/${name}.csv\n    format: csv\n    key: A\n    columns: { A: a }\n`;
      note += `\n<!-- feed: ${name} -->\n<!-- /feed -->\n`;
    }
    const dir = makeProject({ 'almanac.yaml': config, 'notes/Many.md': note });
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, concurrency: 1 });
    expect(result.ok).toBe(true);
    expect(peak).toBe(1);
    expect(read(dir, 'notes/Many.md')).toContain('<!-- feed: f3 updated=2026-02-01 -->\n| A |\n|---|\n| x |\n<!-- /feed -->');
  });
});
