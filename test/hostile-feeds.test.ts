// Hostile feed configs (issue 12 §5): secrets never reach messages or other origins, file
// sources stay inside the project, special files never hang a run, and feed values never
// become live Markdown. HTTP is served by real servers on 127.0.0.1.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { formatProblem, refresh, type RefreshOptions, type RefreshResult } from '../src/refresh/index.js';
import { cleanProjects, fixture, makeProject, read, serve, startServer, type TestServer } from './fixtures/refresh/support.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'almanac.js');
const TODAY = '2026-02-01';
const FAST: RefreshOptions['http'] = { retries: 0, retryDelayMs: 5, timeoutMs: 2000 };
const SECRETS = { API_KEY: 'apikey-4f9d1c77e2', SECRET_TOKEN: 'token-b83aa51f09e6' };
const NOTE = 'notes/XMAG.md';

let server: TestServer;
let other: TestServer;
beforeEach(async () => {
  server = await startServer();
  other = await startServer();
});
afterEach(async () => {
  await server.close();
  await other.close();
});
const outsideDirs: string[] = [];
afterAll(() => {
  cleanProjects();
  for (const dir of outsideDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project whose one feed reads `source`; `extra` lines go into the feed's block. */
function project(source: string, extra = '', note = fixture('flows-note.md')): string {
  const config = fixture('flows-config.yaml').replace('source: SOURCE', `source: ${JSON.stringify(source)}${extra}`);
  return makeProject({ 'almanac.yaml': config, [NOTE]: note });
}

/** Everything a user could read from a run: each problem as printed, each feed error, the diff. */
function printed(result: RefreshResult): string {
  return [...result.problems.map((problem) => formatProblem(problem)), ...result.feeds.map((feed) => feed.error ?? ''), result.diff].join('\n');
}

function expectNoSecret(text: string): void {
  for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('configured headers and redirects', () => {
  it('sends configured headers to the feed’s origin but drops every one of them on a redirect to another origin', async () => {
    server.routes.set('/flows.csv', (_request, response) => {
      response.writeHead(302, { location: `${other.url}/moved.csv` }).end();
    });
    other.routes.set('/moved.csv', serve(fixture('flows.csv')));
    const headers = '\n    headers:\n      X-Api-Key: "${SECRET_TOKEN}"\n      Authorization: "Bearer ${API_KEY}"\n      Cookie: "session=${API_KEY}"';
    const dir = project(`${server.url}/flows.csv`, headers);
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, env: SECRETS });
    expect(result.ok).toBe(true);
    expect(server.requests[0]?.headers['x-api-key']).toBe(SECRETS.SECRET_TOKEN);
    const moved = other.requests.find((request) => request.path === '/moved.csv');
    expect(moved).toBeDefined();
    expect(moved?.headers['x-api-key']).toBeUndefined();
    expect(moved?.headers.authorization).toBeUndefined();
    expect(moved?.headers.cookie).toBeUndefined();
    expectNoSecret(JSON.stringify(other.requests));
  });

  it('keeps configured headers on a redirect within the same origin', async () => {
    server.routes.set('/flows.csv', (_request, response) => {
      response.writeHead(301, { location: '/v2/flows.csv' }).end();
    });
    server.routes.set('/v2/flows.csv', serve(fixture('flows.csv')));
    const dir = project(`${server.url}/flows.csv`, '\n    headers:\n      X-Api-Key: "${SECRET_TOKEN}"');
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, env: SECRETS });
    expect(result.ok).toBe(true);
    expect(server.requests.find((request) => request.path === '/v2/flows.csv')?.headers['x-api-key']).toBe(SECRETS.SECRET_TOKEN);
  });

  it('stops a redirect loop with a message', async () => {
    server.routes.set('/flows.csv', (_request, response) => {
      response.writeHead(302, { location: '/flows.csv' }).end();
    });
    const dir = project(`${server.url}/flows.csv`);
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(result.ok).toBe(false);
    expect(result.feeds[0]?.error).toMatch(/redirect/i);
  });
});

describe('secrets never appear in messages', () => {
  it('credentials in the URL are sent as Basic auth and never printed, even when the request fails', async () => {
    server.routes.set('/flows.csv', (request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' }).end(`denied ${request.headers.authorization ?? ''}`);
    });
    const port = new URL(server.url).port;
    const dir = project(`http://\${API_KEY}:\${SECRET_TOKEN}@127.0.0.1:${port}/flows.csv`);
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, env: SECRETS });
    expect(result.ok).toBe(false);
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${SECRETS.API_KEY}:${SECRETS.SECRET_TOKEN}`).toString('base64')}`);
    expect(printed(result)).toContain('HTTP 503');
    expectNoSecret(printed(result));
  });

  it('an unreachable host named with credentials prints the source as written', async () => {
    const port = new URL(server.url).port;
    await server.close();
    server = await startServer();
    const dir = project(`http://\${API_KEY}:\${SECRET_TOKEN}@127.0.0.1:${port}/flows.csv`);
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, env: SECRETS });
    expect(result.ok).toBe(false);
    expectNoSecret(printed(result));
  });

  it('an invalid header value is reported without its value', async () => {
    server.routes.set('/flows.csv', serve(fixture('flows.csv')));
    const dir = project(`${server.url}/flows.csv`, '\n    headers:\n      X-Api-Key: "${SECRET_TOKEN}"');
    const result = await refresh({ cwd: dir, today: TODAY, http: FAST, env: { SECRET_TOKEN: `${SECRETS.SECRET_TOKEN}\nInjected: yes` } });
    expect(result.ok).toBe(false);
    expect(result.feeds[0]?.error).toContain('X-Api-Key');
    expectNoSecret(printed(result));
    expect(server.requests).toEqual([]);
  });

  it('a source that is a variable prints the variable, not its value, when the file is missing', async () => {
    const dir = project('${API_KEY}');
    const result = await refresh({ cwd: dir, today: TODAY, env: SECRETS });
    expect(result.ok).toBe(false);
    expect(result.feeds[0]?.error).toContain('data file not found: ${API_KEY}');
    expectNoSecret(printed(result));
  });

  it('the CLI prints no secret on stdout or stderr', async () => {
    const port = new URL(server.url).port;
    server.routes.set('/flows.csv', (_request, response) => {
      response.writeHead(302, { location: `${other.url}/x` }).end();
    });
    const dir = project(`http://\${API_KEY}:\${SECRET_TOKEN}@127.0.0.1:${port}/flows.csv`, '\n    retries: 0');
    const run = await cli(dir, SECRETS, 'refresh', '--today', TODAY);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('notes/XMAG.md');
    expectNoSecret(run.stdout + run.stderr);
    const missing = project('data/${API_KEY}.csv');
    const second = await cli(missing, SECRETS, 'refresh', '--today', TODAY);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('data/${API_KEY}.csv');
    expectNoSecret(second.stdout + second.stderr);
  });
});

/** A folder outside every project, holding `secret.csv` (removed after the tests). */
function outsideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-outside-'));
  outsideDirs.push(dir);
  writeFileSync(join(dir, 'secret.csv'), 'month,flow\nroot:x:0:0:root:/root:/bin/bash,1\n');
  return dir;
}

describe('file sources stay inside the project', () => {
  it('refuses an absolute path outside the project and shows none of its bytes', async () => {
    const dir = project('/etc/passwd');
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.feeds[0]?.error).toContain('outside the project');
    expect(printed(result)).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  it('refuses ../ out of the project, and a symlink inside it that points out', async () => {
    const outside = outsideFolder();
    const relative = project(join('..', outside.split('/').pop() ?? '', 'secret.csv'));
    const result = await refresh({ cwd: relative, today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.feeds[0]?.error).toContain('outside the project');
    expect(printed(result)).not.toContain('root:x');
    expect(read(relative, NOTE)).toBe(fixture('flows-note.md'));
    const linked = project('data/link.csv');
    mkdirSync(join(linked, 'data'));
    symlinkSync(join(outside, 'secret.csv'), join(linked, 'data', 'link.csv'));
    const viaLink = await refresh({ cwd: linked, today: TODAY });
    expect(viaLink.feeds[0]?.error).toContain('outside the project');
    expect(printed(viaLink)).not.toContain('root:x');
    expect(read(linked, NOTE)).toBe(fixture('flows-note.md'));
  });

  it('reads an outside file with allow-outside: true, but never shows its bytes in an error', async () => {
    const outside = outsideFolder();
    const allowed = project(join(outside, 'secret.csv'), '\n    allow-outside: true');
    const result = await refresh({ cwd: allowed, today: TODAY });
    expect(result.feeds[0]?.status).toBe('failed');
    expect(result.feeds[0]?.error).toBeTruthy();
    expect(printed(result)).not.toContain('root:x');
    writeFileSync(join(outside, 'secret.csv'), fixture('flows.csv'));
    const good = await refresh({ cwd: allowed, today: TODAY });
    expect(good.ok).toBe(true);
    expect(good.notes).toEqual([{ path: 'XMAG.md', status: 'updated' }]);
  });

  it('cuts a payload excerpt from a file inside the project', async () => {
    const dir = project('data/page.csv');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'page.csv'), `<!doctype html><html>${'x'.repeat(5000)}</html>`);
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.feeds[0]?.error).toContain('HTML page');
    expect((result.feeds[0]?.error ?? '').length).toBeLessThan(200);
  });
});

describe('special files', () => {
  it('a FIFO as a source fails at once with a clear message instead of hanging', async () => {
    const dir = project('data/pipe.csv', '\n    timeout: 2s');
    mkdirSync(join(dir, 'data'));
    execFileSync('mkfifo', [join(dir, 'data', 'pipe.csv')]);
    const started = Date.now();
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.ok).toBe(false);
    expect(result.feeds[0]?.error).toContain('not a regular file');
  }, 10_000);

  it('a file source over max-size fails and names the source as written', async () => {
    const dir = project('data/big.csv', '\n    max-size: 1KB');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'big.csv'), `month,flow\n${'2025-01,1\n'.repeat(200)}`);
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.feeds[0]?.error).toBe('data/big.csv is larger than the 1024-byte cap');
  });

  it('a folder as a source is not a regular file', async () => {
    const dir = project('data');
    mkdirSync(join(dir, 'data'));
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.feeds[0]?.error).toContain('not a regular file');
  });
});

const HOSTILE_KEYS = [
  '[[Secret]]',
  '![[Private.png]]',
  '#secret-tag',
  '%%hidden%%',
  '==marked==',
  '<!-- open',
  'close -->',
  'a | b',
  '\\#tag',
  '\\[[Escaped]]',
];

describe('feed values never become live Markdown', () => {
  it('escapes links, embeds, tags, comments, highlights and HTML comments in cells, and a second refresh changes nothing', async () => {
    const csv = ['name,flow', ...HOSTILE_KEYS.map((key, index) => `"${key.replace(/"/g, '""')}",${index + 1}000000`)].join('\n');
    server.routes.set('/hostile.csv', serve(csv));
    const config = [
      'vault: notes',
      'feeds:',
      '  hostile:',
      `    source: ${server.url}/hostile.csv`,
      '    format: csv',
      '    key: Name',
      '    columns:',
      '      Name: name',
      '      Flow: { field: flow, format: "~$M" }',
      '',
    ].join('\n');
    const note = '# Hostile\n\n<!-- feed: hostile -->\n<!-- /feed -->\n';
    const dir = makeProject({ 'almanac.yaml': config, 'notes/Hostile.md': note });
    const first = await refresh({ cwd: dir, today: TODAY, http: FAST });
    expect(first.problems).toEqual([]);
    const text = read(dir, 'notes/Hostile.md');
    const parsed = parseNote('Hostile.md', text);
    expect(parsed.links).toEqual([]);
    // Obsidian finds tags in the source: no `#` is left there outside a character reference.
    // (Almanac's own parser reads tags from decoded text, so it still sees one: reported.)
    const table = text.split('\n').filter((line) => line.startsWith('|'));
    expect(table.join('\n').replace(/&#\d+;/g, '')).not.toContain('#');
    expect(parsed.feedRegions).toHaveLength(1);
    const tree = JSON.stringify(parsed.tree);
    expect(tree).not.toContain('"obsidianComment"');
    expect(tree).not.toContain('"highlight"');
    // Every value reads back as itself: the table's cells hold the keys as text.
    for (const key of HOSTILE_KEYS) expect(tree).toContain(JSON.stringify(key).slice(1, -1));
    const second = await refresh({ cwd: dir, today: '2026-03-01', http: FAST });
    expect(second.notes).toEqual([{ path: 'Hostile.md', status: 'unchanged' }]);
    expect(second.diff).toBe('');
    expect(read(dir, 'notes/Hostile.md')).toBe(text);
  });

  it('a link-formatted column still writes a working wikilink', async () => {
    server.routes.set('/names.csv', serve('name,flow\nNVIDIA,1000000\n'));
    const config = [
      'vault: notes',
      'feeds:',
      '  names:',
      `    source: ${server.url}/names.csv`,
      '    format: csv',
      '    key: Name',
      '    columns:',
      '      Name: { field: name, format: link }',
      '      Flow: { field: flow, format: "~$M" }',
      '',
    ].join('\n');
    const dir = makeProject({ 'almanac.yaml': config, 'notes/Names.md': '<!-- feed: names -->\n<!-- /feed -->\n' });
    await refresh({ cwd: dir, today: TODAY, http: FAST });
    const parsed = parseNote('Names.md', read(dir, 'notes/Names.md'));
    expect(parsed.links.map((link) => link.target)).toEqual(['NVIDIA']);
  });
});
