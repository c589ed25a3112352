// Issue 12 §1: an output folder a build must never clear. Every case runs in a throwaway
// folder; each checks the vault, the config and the folders around it survive.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { ConfigError } from '../src/errors.js';
import { OUTPUT_MARKER } from '../src/publish/emit/output-dir.js';
import { runCli, tempDir } from './support/vault.js';

const NOTE = '---\ntitle: Alpha\n---\n# Alpha\n\nSee [[Beta]].\n';

/** A project folder (almanac.yaml, notes/) inside a fresh root, with a sibling file beside it. */
function project(config: string): { root: string; dir: string; vault: string; files: string[] } {
  const root = tempDir('almanac-hostile-');
  const dir = join(root, 'project');
  const vault = join(dir, 'notes');
  mkdirSync(vault, { recursive: true });
  writeFileSync(join(dir, 'almanac.yaml'), config);
  writeFileSync(join(vault, 'Alpha.md'), NOTE);
  writeFileSync(join(vault, 'Beta.md'), '# Beta\n');
  writeFileSync(join(root, 'neighbour.txt'), 'keep me\n');
  return { root, dir, vault, files: [join(dir, 'almanac.yaml'), join(vault, 'Alpha.md'), join(vault, 'Beta.md'), join(root, 'neighbour.txt')] };
}

function expectAllThere(files: string[]): void {
  for (const file of files) expect(existsSync(file), file).toBe(true);
  expect(readFileSync(files[1] ?? '', 'utf8')).toBe(NOTE);
}

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error instanceof Error ? error.message : '';
}

describe('an output folder that holds what the build must not delete is refused', () => {
  let home: string | undefined;
  beforeEach(() => {
    home = process.env.HOME;
    // homedir() reads HOME: a throwaway one, so no case can come near the real home folder.
    process.env.HOME = tempDir('almanac-home-');
  });
  afterEach(() => {
    process.env.HOME = home;
  });

  it('`output: ..` with the vault elsewhere (the parent of the project)', async () => {
    const elsewhere = project('vault: notes\n');
    const p = project(`vault: ${elsewhere.vault}\noutput: ..\n`);
    const message = await refusal(build({ config: join(p.dir, 'almanac.yaml'), cwd: p.dir, cache: false }));
    expect(message).toContain('contains the config file’s folder');
    expectAllThere(p.files);
    expectAllThere(elsewhere.files);
    const cli = runCli(['build'], p.dir);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^almanac: Output folder .* contains the config file’s folder/);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    expectAllThere(p.files);
  });

  it.each([
    ['.', 'contains the vault'],
    ['..', 'contains the vault'],
    ['notes', 'is the vault'],
  ])('`output: sitelink` with sitelink → %s, also with --force', async (target, said) => {
    const p = project('vault: notes\noutput: sitelink\n');
    symlinkSync(target, join(p.dir, 'sitelink'));
    for (const force of [false, true]) {
      const message = await refusal(build({ config: join(p.dir, 'almanac.yaml'), cwd: p.dir, cache: false, force }));
      expect(message).toContain(force ? said : 'is a symlink');
      expectAllThere(p.files);
    }
    const cli = runCli(['build', '--force'], p.dir);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain(said);
    expect(cli.stdout).toBe('');
    expectAllThere(p.files);
    expect(lstatSync(join(p.dir, 'sitelink')).isSymbolicLink()).toBe(true);
  });

  it('an output that is the current folder, contains it, or is the home folder or /', async () => {
    const p = project('vault: notes\n');
    const cwd = join(p.root, 'work', 'here');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'draft.txt'), 'mine\n');
    const config = join(p.dir, 'almanac.yaml');
    expect(await refusal(build({ config, cwd, out: '.', cache: false }))).toContain('is the current folder');
    expect(await refusal(build({ config, cwd, out: '..', cache: false, force: true }))).toContain('contains the current folder');
    expect(await refusal(build({ config, out: process.env.HOME, cache: false, force: true }))).toContain('is the home folder');
    expect(await refusal(build({ config, out: '/', cache: false, force: true }))).toContain('Refusing to build into /');
    expect(readFileSync(join(cwd, 'draft.txt'), 'utf8')).toBe('mine\n');
    expectAllThere(p.files);
  });

  it('an output inside the vault', async () => {
    const p = project('vault: notes\noutput: notes/site\n');
    expect(await refusal(build({ config: join(p.dir, 'almanac.yaml'), cache: false }))).toContain('is inside the vault');
    expect(existsSync(join(p.vault, 'site'))).toBe(false);
  });

  it('`--out` naming an existing file: a clear error, exit 2, the file untouched', async () => {
    const p = project('vault: notes\n');
    const file = join(p.root, 'report.pdf');
    writeFileSync(file, 'not a folder\n');
    expect(await refusal(build({ config: join(p.dir, 'almanac.yaml'), out: file, cache: false }))).toContain('is a file, not a folder');
    const cli = runCli(['build', '--out', file], p.dir);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe(`almanac: Output ${file} is a file, not a folder; choose another --out\n`);
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
  });
});

describe('a folder holding files Almanac did not write', () => {
  it('is refused unless --force; an empty one, one with dotfiles only, and an earlier output are built into', async () => {
    const p = project('vault: notes\n');
    const config = join(p.dir, 'almanac.yaml');
    const foreign = join(p.root, 'photos');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'holiday.jpg'), 'jpeg bytes');
    const message = await refusal(build({ config, out: foreign, cache: false }));
    expect(message).toContain('holds files Almanac did not write ("holiday.jpg")');
    expect(readdirSync(foreign)).toEqual(['holiday.jpg']);
    const cli = runCli(['build', '--out', foreign], p.dir);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('pass --force');
    expect(readdirSync(foreign)).toEqual(['holiday.jpg']);

    const dotfiles = join(p.root, 'gh-pages');
    mkdirSync(join(dotfiles, '.git'), { recursive: true });
    writeFileSync(join(dotfiles, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    await build({ config, out: dotfiles, cache: false });
    expect(readFileSync(join(dotfiles, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(existsSync(join(dotfiles, OUTPUT_MARKER))).toBe(true);
    expect(existsSync(join(dotfiles, 'alpha', 'index.html'))).toBe(true);
    // Built once, it carries the marker: the next build replaces it, whatever is added there.
    writeFileSync(join(dotfiles, 'stray.html'), 'left by hand');
    await build({ config, out: dotfiles, cache: false });
    expect(existsSync(join(dotfiles, 'stray.html'))).toBe(false);
    expect(readFileSync(join(dotfiles, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');

    // An output of an Almanac from before the marker (its script and graph.json) is one too.
    const legacy = join(p.root, 'legacy');
    mkdirSync(join(legacy, 'assets'), { recursive: true });
    writeFileSync(join(legacy, 'assets', 'almanac.js'), '');
    writeFileSync(join(legacy, 'graph.json'), '{}');
    writeFileSync(join(legacy, 'old-page.html'), '');
    await build({ config, out: legacy, cache: false });
    expect(existsSync(join(legacy, 'old-page.html'))).toBe(false);
    expect(existsSync(join(legacy, OUTPUT_MARKER))).toBe(true);

    const result = await build({ config, out: foreign, cache: false, force: true });
    expect(result.pages).toBeGreaterThan(0);
    expect(existsSync(join(foreign, 'holiday.jpg'))).toBe(false);
    expect(existsSync(join(foreign, OUTPUT_MARKER))).toBe(true);
  });

  it('a symlinked output folder is refused unless --force, which builds into its target and keeps the link', async () => {
    const p = project('vault: notes\noutput: public\n');
    const target = join(p.root, 'deploy');
    mkdirSync(target);
    symlinkSync(target, join(p.dir, 'public'));
    const config = join(p.dir, 'almanac.yaml');
    expect(await refusal(build({ config, cache: false }))).toContain('is a symlink');
    expect(readdirSync(target)).toEqual([]);
    const cli = runCli(['build', '--force'], p.dir);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(lstatSync(join(p.dir, 'public')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(target, 'alpha', 'index.html'))).toBe(true);
    expectAllThere(p.files);
  });
});
