// Refresh write faults (issue 12 §8): a full disk or an unwritable folder, read-only notes,
// temp files a killed run left, symlinked and hard-linked notes. Tests run as root, which
// bypasses permissions, so write faults are injected through node:fs/promises.
import { chmodSync, linkSync, lstatSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runRefreshCommand } from '../src/cli/refresh.js';
import { refresh } from '../src/refresh/index.js';
import { cleanProjects, fixture, makeProject, read } from './fixtures/refresh/support.js';

/** Path substring → errno code thrown by the matching fs call. */
const faults = vi.hoisted(() => ({ writeFile: new Map<string, string>(), rename: new Map<string, string>() }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const failing =
    (name: keyof typeof faults) =>
    (path: unknown): void => {
      for (const [part, code] of faults[name]) {
        if (String(path).includes(part)) throw Object.assign(new Error(`${code}: injected fault, ${name} '${String(path)}'`), { code });
      }
    };
  const writeFile: typeof real.writeFile = async (path, ...rest) => {
    failing('writeFile')(path);
    return real.writeFile(path, ...rest);
  };
  const rename: typeof real.rename = async (from, to) => {
    failing('rename')(from);
    return real.rename(from, to);
  };
  return { ...real, writeFile, rename, default: { ...real, writeFile, rename } };
});

const TODAY = '2026-02-01';

afterEach(() => {
  faults.writeFile.clear();
  faults.rename.clear();
  vi.restoreAllMocks();
});
afterAll(cleanProjects);

/** Two notes on one file feed: `notes/A.md` and `notes/B.md`. */
function twoNotes(): string {
  const config = fixture('flows-config.yaml').replace('SOURCE', 'data/flows.csv');
  const note = fixture('flows-note.md');
  return makeProject({ 'almanac.yaml': config, 'data/flows.csv': fixture('flows.csv'), 'notes/A.md': note, 'notes/B.md': note });
}

function temps(dir: string): string[] {
  return readdirSync(join(dir, 'notes')).filter((name) => name.includes('.almanac-'));
}

/** Run the CLI adapter in-process (so the injected faults apply); stdout and stderr captured. */
async function cli(dir: string): Promise<{ code: number; output: string }> {
  let output = '';
  const capture = (chunk: string | Uint8Array): boolean => {
    output += String(chunk);
    return true;
  };
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await runRefreshCommand({ today: TODAY });
    return { code, output };
  } finally {
    process.chdir(cwd);
    vi.restoreAllMocks();
  }
}

describe('a write that fails', () => {
  it('disk full: reports the note and the reason, leaves no temp file, still writes the other note, exits 1', async () => {
    const dir = twoNotes();
    faults.writeFile.set('.A.md.almanac-', 'ENOSPC');
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.notes).toEqual([
      { path: 'A.md', status: 'failed' },
      { path: 'B.md', status: 'updated' },
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'error', path: 'A.md', line: 11, message: expect.stringContaining('disk is full (ENOSPC)') }),
    ]);
    expect(read(dir, 'notes/A.md')).toBe(fixture('flows-note.md'));
    expect(read(dir, 'notes/B.md')).not.toBe(fixture('flows-note.md'));
    expect(temps(dir)).toEqual([]);
  });

  it('a folder that refuses the rename (EACCES): same, and the CLI prints one line per note, no stack trace', async () => {
    const dir = twoNotes();
    faults.rename.set('.B.md.almanac-', 'EACCES');
    const run = await cli(dir);
    expect(run.code).toBe(1);
    expect(run.output).toContain('notes/B.md:11:1  error    permission denied (EACCES)');
    expect(run.output).toContain('1 notes updated');
    expect(run.output).toContain('1 not written');
    expect(run.output).not.toMatch(/\n\s+at /);
    expect(read(dir, 'notes/B.md')).toBe(fixture('flows-note.md'));
    expect(temps(dir)).toEqual([]);
  });
});

describe('notes refresh will not write', () => {
  it('a read-only note (0444) is left alone and reported; the other note is written', async () => {
    const dir = twoNotes();
    chmodSync(join(dir, 'notes', 'A.md'), 0o444);
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ path: 'A.md', message: expect.stringContaining('read-only') })]);
    expect(read(dir, 'notes/A.md')).toBe(fixture('flows-note.md'));
    expect(statSync(join(dir, 'notes', 'A.md')).mode & 0o777).toBe(0o444);
    expect(result.notes).toContainEqual({ path: 'B.md', status: 'updated' });
  });

  it('a hard-linked note is refused with a clear message and both names keep one file', async () => {
    const config = fixture('flows-config.yaml').replace('SOURCE', 'data/flows.csv');
    const dir = makeProject({ 'almanac.yaml': config, 'data/flows.csv': fixture('flows.csv'), 'notes/A.md': fixture('flows-note.md') });
    linkSync(join(dir, 'notes', 'A.md'), join(dir, 'other-name.md'));
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ path: 'A.md', message: expect.stringContaining('2 hard links') })]);
    expect(statSync(join(dir, 'notes', 'A.md')).ino).toBe(statSync(join(dir, 'other-name.md')).ino);
    expect(read(dir, 'other-name.md')).toBe(fixture('flows-note.md'));
  });
});

describe('symlinked notes', () => {
  it('writes through a symlink to its target: the link stays a link, the target is refreshed', async () => {
    const config = fixture('flows-config.yaml').replace('SOURCE', 'data/flows.csv');
    const dir = makeProject({ 'almanac.yaml': config, 'data/flows.csv': fixture('flows.csv'), 'notes/Data/Target.md': fixture('flows-note.md') });
    symlinkSync(join('Data', 'Target.md'), join(dir, 'notes', 'Link.md'));
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.problems).toEqual([]);
    expect(lstatSync(join(dir, 'notes', 'Link.md')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'notes/Data/Target.md')).toContain('updated=2026-02-01');
    expect(read(dir, 'notes/Link.md')).toBe(read(dir, 'notes/Data/Target.md'));
    expect(readdirSync(join(dir, 'notes', 'Data')).filter((name) => name.includes('.almanac-'))).toEqual([]);
  });
});

describe('temp files a killed run left', () => {
  it('removes stale temp files of the notes it refreshes, and nothing else', async () => {
    const dir = twoNotes();
    writeFileSync(join(dir, 'notes', 'Other.md'), '# no feed here\n');
    const notes = join(dir, 'notes');
    const past = new Date(Date.now() - 3600_000);
    const future = new Date(Date.now() + 3600_000);
    const files = {
      stale: '.A.md.almanac-0badc0de.tmp',
      inFlight: '.B.md.almanac-12345678.tmp',
      otherNote: '.Other.md.almanac-0badc0de.tmp',
      notOurs: '.A.md.almanac-backup.tmp',
      userFile: 'A.md.almanac-0badc0de.tmp',
    };
    for (const name of Object.values(files)) {
      writeFileSync(join(notes, name), 'half a note');
      utimesSync(join(notes, name), past, past);
    }
    utimesSync(join(notes, files.inFlight), future, future);
    mkdirSync(join(dir, 'keep'));
    const result = await refresh({ cwd: dir, today: TODAY });
    expect(result.ok).toBe(true);
    expect(temps(dir).sort()).toEqual([files.inFlight, files.otherNote, files.notOurs, files.userFile].sort());
  });

  it('refresh --check removes nothing', async () => {
    const dir = twoNotes();
    const stale = join(dir, 'notes', '.A.md.almanac-0badc0de.tmp');
    writeFileSync(stale, 'half a note');
    const past = new Date(Date.now() - 3600_000);
    utimesSync(stale, past, past);
    await refresh({ cwd: dir, today: TODAY, check: true });
    expect(temps(dir)).toEqual(['.A.md.almanac-0badc0de.tmp']);
  });
});
