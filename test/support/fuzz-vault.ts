// Random small vaults for the fuzz suite (test/fuzz-vault.test.ts): fast-check arbitraries for
// hostile file names, frontmatter, Obsidian-flavoured Markdown and bytes, and a writer that lays
// one vault out in a throwaway folder:
//
//   {root}/project/almanac.yaml     (sometimes; otherwise the run passes --vault)
//   {root}/project/notes/…          the vault
//   {root}/outside/…                files outside the vault that symlinks in the vault point at
//   {root}/out (or another out)     the build's output folder
//
// Bodies of notes that must stay private carry PRIVATE_CANARY, files outside the vault carry
// OUTSIDE_CANARY: neither may ever reach the output.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { OBSIDIAN_PIECES } from './property.js';
import { AlmanacError, ConfigError, UsageError } from '../../src/errors.js';
import { openProject } from '../../src/project/index.js';
import { check } from '../../src/check/index.js';
import { build, BuildError, formatWarning } from '../../src/publish/index.js';

export const PRIVATE_CANARY = 'zqxprivatecanary';
export const OUTSIDE_CANARY = 'zqxoutsidecanary';

export interface FuzzFile {
  /** Vault-relative path, forward slashes. */
  path: string;
  content: string | Uint8Array;
}

export type SymlinkKind = 'outside-note' | 'outside-attachment' | 'outside-folder' | 'vault-loop';

export interface FuzzSymlink {
  /** Vault-relative path of the link. */
  path: string;
  kind: SymlinkKind;
}

/** Where the build writes, relative to {root}. The hostile ones must be refused (issue 12 §1). */
export type OutKind = 'sibling' | 'in-project' | 'vault' | 'in-vault' | 'project' | 'link-to-vault' | 'link-to-project' | 'existing-file' | 'foreign-files';

export interface FuzzVault {
  files: FuzzFile[];
  symlinks: FuzzSymlink[];
  /** almanac.yaml text, or null: the run passes `vault` instead. */
  config: string | null;
  out: OutKind;
}

// ---------------------------------------------------------------------------------------------
// Names

const RESERVED = ['stale', 'tags', 'search', 'graph', 'types', '404', 'index', 'feed', 'sitemap', 'assets', 'files', 'rss', 'robots'];
const PLAIN = [
  'A',
  'a',
  'Note',
  'note',
  'NOTE',
  'Secret',
  'Company',
  'Ünïcödé',
  'ünïcödé',
  'naïve café',
  '日本語',
  'emoji 🎉',
  'with space',
  'dots.in.name',
  '-',
  '_',
  'CON',
  'x#y',
  'a|b',
  'a^b',
  '%20',
  "quote's",
  'Ω',
];
const FOLDERS = ['Private', 'private', 'Folder', 'folder', 'A', 'sub dir', 'files', 'assets', 'tags', '日本', 'deep/er', '.obsidian', '.hidden'];

const stem = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...RESERVED, ...PLAIN) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  // Names near the file system's 255-byte limit, some whose slug is longer than the name
  // (lowercase İ takes 3 bytes, not 2): ENAMETOOLONG in issue 12 §6.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', '日', 'İ'), fc.integer({ min: 60, max: 250 }))
      .map(([ch, n]) => ch.repeat(Math.min(n, Math.floor(250 / Buffer.byteLength(ch))))),
  },
);

const noteExt = fc.constantFrom('.md', '.md', '.md', '.md', '.MD');
const attachmentName = fc.oneof(
  fc.tuple(stem, fc.constantFrom('.png', '.svg', '.html', '.xhtml', '.xml', '.pdf', '.canvas', '.txt', '')).map(([s, e]) => `${fitName(s, e)}${e}`),
  fc.constantFrom('feed.xml', 'sitemap.xml', '404.html', 'index.html', 'graph.json', 'evil.svg', 'pic.png'),
);

const folder = fc.array(fc.constantFrom(...FOLDERS), { maxLength: 2 }).map((parts) => parts.join('/'));

/** A path no component of which is empty, `.` or `..`, and that contains no NUL or slash in a name. */
function cleanName(name: string): string {
  const cleaned = name.replace(/[/\\\0]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

/** `stem` cut (by whole code points) so that stem + ext fits in a 255-byte file name. */
function fitName(stem: string, ext: string): string {
  let cut = stem;
  while (Buffer.byteLength(cut) + Buffer.byteLength(ext) > 255) cut = [...cut].slice(0, -1).join('');
  return cut;
}

function joinPath(dir: string, name: string): string {
  const file = cleanName(name);
  return dir === '' ? file : `${dir}/${file}`;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

const FRONTMATTER_LINES = [
  'publish: true',
  'publish: false',
  'publish: "false"',
  'publish: no',
  'publish: off',
  'publish: 0',
  'publish: n',
  'publish: [false]',
  'publish:',
  'publish: !!str false',
  'Publish: false',
  'tags: [a]',
  'tags: [a, b/c, "#d"]',
  'tags: 5',
  'tags: {a: 1}',
  'tags:\n  - x\n  - 7',
  'aliases: Alias',
  'aliases: [A, a, Secret]',
  'aliases: [[A]]',
  'aliases: 12',
  'aliases: [null, ~, {}]',
  'type: company',
  'type: 7',
  'type: [company]',
  'type: nonsense',
  'updated: 2026-01-14',
  'updated: 1999-01-01',
  'updated: not a date',
  'updated: 2026-13-45',
  'title: A title',
  `aliases: [${'long alias '.repeat(30)}]`,
  'title: "unclosed',
  "title: 'single",
  'title: [[Secret]]',
  'z: *undefined',
  'a: &a {b: 1, <<: *a}',
  'x: &x [*x]',
  'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\na1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\na2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\na3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\na4: [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]',
  'dup: 1\ndup: 2',
  '\tindented: tab',
  '  over: indented',
  '? complex key\n: value',
  '!!binary aGVsbG8=',
  'fn: !!js/function "function () {}"',
  'date: !!timestamp 2001-12-14',
  '__proto__: {polluted: true}',
  'constructor: x',
  'deep: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  '- a list, not a map',
  'just text',
  '"quoted": key',
  'key: value # comment',
  'multi: |\n  block\n  scalar',
  '%YAML 1.2',
  '...',
];

const frontmatterLine = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRONTMATTER_LINES) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });

interface Frontmatter {
  text: string;
  /** It opens at byte 0 with `publish: false` as its first line: by issue 12 §2's rule (a note is
   * public only when Almanac can tell for sure) the note is private, whatever follows. */
  private: boolean;
}

const frontmatter: fc.Arbitrary<Frontmatter> = fc
  .record({
    // `publish: false` first, so no earlier line (an unclosed quote, a block scalar) can swallow it.
    hidden: fc.boolean(),
    lines: fc.array(frontmatterLine, { maxLength: 6 }),
    eol: fc.constantFrom('\n', '\r\n', '\n', '\r'),
    closing: fc.constantFrom('---', '---', '---', '...', ''),
    bom: fc.boolean(),
  })
  .map(({ hidden, lines, eol, closing, bom }) => {
    const all = hidden ? ['publish: false', ...lines] : lines;
    const body = all.join('\n').split('\n').join(eol);
    const text = `${bom ? '\uFEFF' : ''}---${eol}${body}${body === '' ? '' : eol}${closing}${closing === '' ? '' : eol}`;
    // A lone CR does not end a line for Obsidian, and a BOM before `---` is arguable: neither is
    // counted as a private note (the canary is not added).
    return { text, private: hidden && !bom && eol !== '\r' };
  });

// ---------------------------------------------------------------------------------------------
// Bodies

const MARKDOWN_PIECES = [
  ...OBSIDIAN_PIECES,
  '#tag',
  '#a/b',
  '[[A]]',
  '[[a]]',
  '[[Note]]',
  '[[note]]',
  '[[Secret]]',
  '[[Secret Plans]]',
  '[[stale]]',
  '[[tags]]',
  '[[index]]',
  '[[404]]',
  '[[Ünïcödé]]',
  '[[A#Heading]]',
  '[[A#^block]]',
  '[[#local]]',
  '[[Missing]]',
  '[[A|shown]]',
  '![[A]]',
  '![[pic.png]]',
  '![[evil.svg]]',
  '[[evil.html]]',
  '![[Passwd.md]]',
  '![[pw.png]]',
  '[[linkdir/secret]]',
  '![[loop/A]]',
  '[x](A.md)',
  '[y](<sub dir/a.md>)',
  '![z](pic.png)',
  '# Heading',
  '## Heading',
  '### ',
  '<div>',
  '</div>',
  '<a id="search">x</a>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg><script>1</script></svg>',
  '<div>\n[[Secret Plans]]\n</div>',
  '$$x$$',
  '$x$',
  '[^1]',
  '[^1]: note',
  '~~s~~',
  '**b**',
  '_i_',
  'https://example.com',
  '<https://example.com>',
  '\u0000',
  '\uFFFD',
  '\u202E',
  '\u00A0',
];

/** Deep nesting that overflowed the stack in issue 12 §6 (sizes kept small enough to fail fast). */
const DEEP = fc.oneof(
  fc.integer({ min: 100, max: 1200 }).map((n) => `${'- '.repeat(n)}x`),
  fc.integer({ min: 100, max: 3000 }).map((n) => '> '.repeat(n)),
  fc.integer({ min: 100, max: 3000 }).map((n) => `${'<div>'.repeat(n)}x`),
  fc.integer({ min: 100, max: 3000 }).map((n) => `${'['.repeat(n)}x${']'.repeat(n)}`),
  fc.integer({ min: 100, max: 3000 }).map((n) => '*'.repeat(n)),
);

const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...MARKDOWN_PIECES) },
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\n\n', '\r') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

const markdown = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

const body = fc.oneof({ weight: 12, arbitrary: markdown }, { weight: 1, arbitrary: fc.tuple(markdown, DEEP).map(([text, deep]) => `${text}\n${deep}\n`) });

/** A note's bytes: Markdown with or without frontmatter, or something that is not UTF-8 text. */
const noteContent: fc.Arbitrary<{ content: string | Uint8Array; private: boolean }> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.option(frontmatter, { freq: 2 }), body)
      .map(([fm, text]) => ({ content: `${fm?.text ?? ''}${text}`, private: fm?.private ?? false })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ content: bytes, private: false })) },
  // UTF-16 with a BOM (published as mojibake in issue 12 §6); invalid UTF-8 sequences.
  {
    weight: 1,
    arbitrary: markdown.map((text) => ({ content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`# UTF-16\n${text}`, 'utf16le')]), private: false })),
  },
  {
    weight: 1,
    arbitrary: markdown.map((text) => ({
      content: Buffer.concat([Buffer.from(`# Bytes\n${text}`), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])]),
      private: false,
    })),
  },
);

const attachmentContent: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
    '<html><script>alert(1)</script></html>',
    '\x89PNG\r\n\x1a\n',
  ),
);

// ---------------------------------------------------------------------------------------------
// Config

const CONFIG_LINES = [
  'rules: {orphan-note: off}',
  'rules: {unresolved-link: warning}',
  'rules: {nonsense-rule: off}',
  'rules: {ambiguous-link: error}',
  'site:\n  exclude: [Private]',
  'site:\n  exclude: [Private/]',
  'site:\n  exclude: [./Private]',
  'site:\n  exclude: ["Priv*"]',
  'site:\n  exclude: ["**/Private"]',
  'site:\n  exclude: [Nothing]',
  'site:\n  title: Fuzz',
  'site:\n  title: "<script>alert(1)</script>"',
  'site:\n  url: https://example.com',
  'site:\n  url: javascript:alert(1)',
  'site:\n  feedSize: -1',
  'ignore: ["**/*.png"]',
  'ignore: [A.md]',
  'ignore: 7',
  'base: /sub/',
  'base: nope',
  'types: {company: {required: [updated]}}',
  'types: []',
  'stale: {default: 30d}',
  'feedz: 1',
  'output: site',
  'z: *undefined',
  'a: &a {b: 1, <<: *a}',
  'a0: &a0 [x, x, x, x, x, x, x, x, x]\na1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\na2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\na3: [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]',
  'dup: 1\ndup: 2',
  '\trules: {}',
  'vault: notes',
  '- not a map',
  '',
];

const config: fc.Arbitrary<string | null> = fc.option(
  fc
    .tuple(fc.array(fc.constantFrom(...CONFIG_LINES), { maxLength: 4 }), fc.constantFrom('\n', '\r\n'))
    .map(([lines, eol]) => ['vault: notes', ...lines].join('\n').split('\n').join(eol)),
  { freq: 2 },
);

// ---------------------------------------------------------------------------------------------
// A vault

/** Exclude entries (from CONFIG_LINES) under which a top-level `Private/` note must stay private. */
const EXCLUDES_PRIVATE = /exclude: \[(Private|Private\/|\.\/Private|"Priv\*"|"\*\*\/Private")\]/;

interface NoteSpec {
  path: string;
  content: string | Uint8Array;
  private: boolean;
}

const note: fc.Arbitrary<NoteSpec> = fc
  .record({ dir: folder, name: stem, ext: noteExt, content: noteContent })
  .map(({ dir, name, ext, content }) => ({ path: joinPath(dir, `${fitName(name, ext)}${ext}`), ...content }));

const attachment: fc.Arbitrary<FuzzFile> = fc
  .record({ dir: folder, name: attachmentName, content: attachmentContent })
  .map(({ dir, name, content }) => ({ path: joinPath(dir, name), content }));

const symlink: fc.Arbitrary<FuzzSymlink> = fc.oneof(
  fc.constant<FuzzSymlink>({ path: 'Passwd.md', kind: 'outside-note' }),
  fc.constant<FuzzSymlink>({ path: 'pw.png', kind: 'outside-attachment' }),
  fc.constant<FuzzSymlink>({ path: 'linkdir', kind: 'outside-folder' }),
  fc.constant<FuzzSymlink>({ path: 'loop', kind: 'vault-loop' }),
);

const outKind: fc.Arbitrary<OutKind> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<OutKind>('sibling') },
  { weight: 2, arbitrary: fc.constant<OutKind>('in-project') },
  { weight: 1, arbitrary: fc.constantFrom<OutKind>('vault', 'in-vault', 'project', 'link-to-vault', 'link-to-project', 'existing-file', 'foreign-files') },
);

function toggleCase(path: string): string {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const toggled = [...name].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
  // Lowercase İ grows by a byte: a twin too long for the file system is no twin.
  return Buffer.byteLength(toggled) > 255 ? path : `${path.slice(0, slash + 1)}${toggled}`;
}

export const fuzzVault: fc.Arbitrary<FuzzVault> = fc
  .record({
    notes: fc.array(note, { minLength: 1, maxLength: 8 }),
    attachments: fc.array(attachment, { maxLength: 3 }),
    twins: fc.array(fc.nat(), { maxLength: 2 }),
    symlinks: fc.uniqueArray(symlink, { maxLength: 2, selector: (link) => link.kind }),
    config,
    out: outKind,
  })
  .map(({ notes, attachments, twins, symlinks, config, out }) => {
    const excludesPrivate = config !== null && EXCLUDES_PRIVATE.test(config);
    const byPath = new Map<string, FuzzFile>();
    const add = (path: string, content: string | Uint8Array, isPrivate: boolean): void => {
      // A file and a folder of the same name cannot both exist: the first one wins.
      const clashes = [...byPath.keys()].some((other) => other === path || other.startsWith(`${path}/`) || path.startsWith(`${other}/`));
      if (clashes) return;
      const canary = typeof content === 'string' && (isPrivate || (excludesPrivate && path.startsWith('Private/')));
      byPath.set(path, { path, content: canary ? `${content}\n\n${PRIVATE_CANARY} ${path}\n` : content });
    };
    for (const spec of notes) add(spec.path, spec.content, spec.private);
    // Case twins: A.md beside a.md (Obsidian's vault breaks on a case-insensitive disk).
    for (const index of twins) {
      const spec = notes[index % notes.length];
      if (spec) add(toggleCase(spec.path), spec.content, spec.private);
    }
    for (const file of attachments) add(file.path, file.content, false);
    const links = symlinks.filter((link) => ![...byPath.keys()].some((path) => path === link.path || path.startsWith(`${link.path}/`)));
    return { files: [...byPath.values()], symlinks: links, config, out };
  });

// ---------------------------------------------------------------------------------------------
// Writing it

export interface WrittenVault {
  root: string;
  project: string;
  vaultDir: string;
  /** The build's output folder (absolute, inside root). */
  outDir: string;
  configPath: string | null;
}

/** Lay `vault` out under `root` (an empty throwaway folder). */
export function writeFuzzVault(root: string, vault: FuzzVault): WrittenVault {
  const project = join(root, 'project');
  const vaultDir = join(project, 'notes');
  const outside = join(root, 'outside');
  mkdirSync(vaultDir, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.md'), `# Outside\n\n${OUTSIDE_CANARY} note\n`);
  writeFileSync(join(outside, 'pw.png'), `${OUTSIDE_CANARY} attachment\n`);
  for (const file of vault.files) {
    const target = join(vaultDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  for (const link of vault.symlinks) {
    const at = join(vaultDir, link.path);
    const target = { 'outside-note': join(outside, 'secret.md'), 'outside-attachment': join(outside, 'pw.png'), 'outside-folder': outside, 'vault-loop': '.' }[
      link.kind
    ];
    symlinkSync(target, at);
  }
  let configPath: string | null = null;
  if (vault.config !== null) {
    configPath = join(project, 'almanac.yaml');
    writeFileSync(configPath, vault.config);
  }
  return { root, project, vaultDir, outDir: prepareOut(root, project, vaultDir, vault.out), configPath };
}

/** Make the output folder's surroundings for `kind` and return its path (never above root). */
function prepareOut(root: string, project: string, vaultDir: string, kind: OutKind): string {
  switch (kind) {
    case 'sibling':
      return join(root, 'out');
    case 'in-project':
      return join(project, 'site');
    case 'vault':
      return vaultDir;
    case 'in-vault':
      return join(vaultDir, 'site');
    case 'project':
      return project;
    case 'link-to-vault':
      symlinkSync(vaultDir, join(root, 'out'));
      return join(root, 'out');
    case 'link-to-project':
      symlinkSync(project, join(root, 'out'));
      return join(root, 'out');
    case 'existing-file':
      writeFileSync(join(root, 'out'), 'a file, not a folder\n');
      return join(root, 'out');
    case 'foreign-files':
      mkdirSync(join(root, 'out', 'mine'), { recursive: true });
      writeFileSync(join(root, 'out', 'mine', 'thesis.docx'), 'a file Almanac did not write\n');
      return join(root, 'out');
  }
}

// ---------------------------------------------------------------------------------------------
// Running one vault: check and build in-process, and every property the suite holds them to

export interface RunOptions {
  strict: boolean;
  cache: boolean;
}

/** One broken property. `kind` is stable across vaults (paths and numbers taken out), for grouping. */
export interface Violation {
  kind: string;
  detail: string;
  stack?: string | undefined;
}

export interface RunOutcome {
  /** What the CLI would exit with: check's, then build's. */
  checkExit: number | null;
  buildExit: number | null;
  violations: Violation[];
  ms: number;
}

export const TODAY = '2026-02-01';

/** Output folders a build must refuse (ConfigError, exit 2) without touching anything. */
const MUST_REFUSE: ReadonlySet<OutKind> = new Set<OutKind>(['vault', 'in-vault', 'project', 'link-to-vault', 'link-to-project', 'existing-file']);
const NOW = new Date(`${TODAY}T00:00:00Z`);

/** The CLI's mapping (src/cli/index.ts): usage and config errors exit 2, other Almanac errors 1; anything else is a crash. */
export function exitCodeOf(error: unknown): 1 | 2 | null {
  if (error instanceof ConfigError || error instanceof UsageError) return 2;
  if (error instanceof AlmanacError) return 1;
  return null;
}

/** Write `vault` into a fresh temp folder, run check and build on it, remove the folder. */
export async function runFuzzVault(vault: FuzzVault, options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'almanac-fuzz-'));
  try {
    const written = writeFuzzVault(root, vault);
    const outcome = await runWritten(written, vault, options);
    return { ...outcome, ms: performance.now() - started };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function runWritten(written: WrittenVault, vault: FuzzVault, options: RunOptions): Promise<Omit<RunOutcome, 'ms'>> {
  const violations: Violation[] = [];
  const where = written.configPath ? { config: written.configPath, cwd: written.project } : { vault: written.vaultDir, cwd: written.project };
  const unexpected = (step: string, error: unknown): void => {
    const name = error instanceof Error ? error.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    violations.push({
      kind: `${step} threw ${name}: ${normalise(message, written.root)}`,
      detail: message.slice(0, 500),
      stack: error instanceof Error ? error.stack : undefined,
    });
  };

  let checkExit: number | null = null;
  try {
    const project = await openProject({ ...where, cache: options.cache, trees: false });
    const result = check(project.vault, { config: project.config, graph: project.graph, today: TODAY });
    for (const problem of result.problems) {
      // Config problems (an unmatched site.exclude entry) name almanac.yaml, relative to the vault.
      const namesConfig = written.configPath !== null && resolve(written.vaultDir, problem.file) === resolve(written.configPath);
      const issue = namesConfig ? null : locationIssue(problem.file, problem.line, written.vaultDir);
      if (issue)
        violations.push({ kind: `check problem ${issue} [${problem.rule}]`, detail: `${problem.file}:${problem.line}: ${problem.message} [${problem.rule}]` });
    }
    checkExit = result.summary.errors > 0 ? 1 : 0;
  } catch (error) {
    checkExit = exitCodeOf(error);
    if (checkExit === null) unexpected('check', error);
    else if (checkExit === 2) configErrorIssue(error, written, violations);
  }

  // An output folder that must be refused is no output folder: nothing anywhere may change.
  const refused = MUST_REFUSE.has(vault.out);
  const skip = refused ? [join(written.project, '.almanac')] : [written.outDir, join(written.project, '.almanac')];
  const before = snapshot(written.root, skip);
  let buildExit: number | null = null;
  try {
    const result = await build({ ...where, out: written.outDir, strict: options.strict, cache: options.cache, today: TODAY, now: NOW });
    for (const warning of result.warnings) {
      // Judged against the vault as it was (a build that wrongly cleared it is reported apart).
      const existed = before.has(relative(written.root, join(written.vaultDir, warning.file)));
      const issue = existed ? null : locationIssue(warning.file, warning.line, written.vaultDir);
      if (issue) violations.push({ kind: `build warning ${issue} [${warning.rule}]`, detail: formatWarning(warning) });
    }
    buildExit = 0;
  } catch (error) {
    buildExit = exitCodeOf(error);
    if (buildExit === null) unexpected('build', error);
    else if (buildExit === 1 && !(error instanceof BuildError && options.strict)) unexpected('build (not strict)', error);
    else if (buildExit === 2) configErrorIssue(error, written, violations);
  }
  if (checkExit === 2 && buildExit !== 2 && buildExit !== null)
    violations.push({ kind: 'check refused the config but build did not', detail: `build exit ${buildExit}` });

  if (refused && buildExit !== 2 && buildExit !== null)
    violations.push({ kind: `build did not refuse the output folder (out: ${vault.out})`, detail: `build exit ${String(buildExit)}` });
  const after = snapshot(written.root, skip);
  for (const change of diffSnapshots(before, after))
    violations.push({ kind: `build changed a path outside its output folder (out: ${vault.out})`, detail: change });
  if (!refused) violations.push(...outputIssues(written, vault));
  return { checkExit, buildExit, violations };
}

/** A problem must name an existing file of the vault, by a vault-relative path, at a line ≥ 1. */
function locationIssue(file: string, line: number, vaultDir: string): string | null {
  if (file === '' || isAbsolute(file) || file.split('/').includes('..') || file.includes('\\')) return 'names no vault-relative path';
  if (!existsSync(join(vaultDir, file))) return 'names a file that does not exist';
  if (!Number.isInteger(line) || line < 1) return 'has no line';
  return null;
}

/** A config error must say which file or folder it is about, without a stack trace. */
function configErrorIssue(error: unknown, written: WrittenVault, violations: Violation[]): void {
  const message = error instanceof Error ? error.message : String(error);
  const named = message.includes('almanac.yaml') || message.includes(written.outDir) || message.includes('out');
  if (!named) violations.push({ kind: `config error names no file: ${normalise(message, written.root)}`, detail: message });
  if (/\n\s+at .+:\d+:\d+/.test(message)) violations.push({ kind: 'config error message holds a stack trace', detail: message });
}

/** What the output holds: no symlink, no canary, no file lost that Almanac did not write. */
function outputIssues(written: WrittenVault, vault: FuzzVault): Violation[] {
  const issues: Violation[] = [];
  if (vault.out === 'foreign-files' && !existsSync(join(written.outDir, 'mine', 'thesis.docx'))) {
    issues.push({ kind: 'build deleted a file it did not write from the output folder', detail: 'out/mine/thesis.docx' });
  }
  if (!existsSync(written.outDir) || !lstatSync(written.outDir).isDirectory()) return issues;
  for (const entry of walk(written.outDir)) {
    if (entry.symlink) {
      issues.push({ kind: 'output holds a symlink', detail: `${entry.path} → ${readlinkSync(join(written.outDir, entry.path))}` });
      continue;
    }
    const bytes = readFileSync(join(written.outDir, entry.path));
    const text = bytes.toString('latin1').toLowerCase();
    if (text.includes(PRIVATE_CANARY)) {
      const at = text.indexOf(PRIVATE_CANARY);
      const note = unescapeShown(
        bytes
          .toString('utf8', at, at + 400)
          .split('\n')[0]
          ?.slice(PRIVATE_CANARY.length + 1) ?? '',
      );
      // A note reached through the `loop` symlink (loop → .) is the same file under `loop/`.
      const looped = /^(loop\/)+/.exec(note)?.[0] ?? '';
      const source = vault.files.filter((file) => note.slice(looped.length).startsWith(file.path)).sort((a, b) => b.path.length - a.path.length)[0];
      issues.push({
        kind: `private note's text published (${privacyReason(source, vault)}${looped ? ', through the loop symlink' : ''})`,
        detail: `${entry.path} holds the body of ${note.slice(0, 120)}`,
      });
    }
    if (text.includes(OUTSIDE_CANARY)) issues.push({ kind: 'a file outside the vault published', detail: entry.path });
  }
  return issues;
}

/** Why the generator made this note private, and what its frontmatter is, for grouping. */
function privacyReason(file: FuzzFile | undefined, vault: FuzzVault): string {
  if (file === undefined || typeof file.content !== 'string') return 'unknown note';
  if (!/^---\r?\npublish: false/.test(file.content)) return `site.exclude ${/exclude: \[([^\]]*)\]/.exec(vault.config ?? '')?.[1] ?? '?'}`;
  const lines = file.content.split(/\r?\n/);
  const close = lines.findIndex((line, index) => index > 0 && (line === '---' || line === '...'));
  if (close < 0) return 'publish: false, frontmatter never closed';
  const doc = parseDocument(lines.slice(1, close).join('\n'), { uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) return `publish: false, then a YAML error (${error.code})`;
  try {
    doc.toJS();
  } catch (thrown) {
    return `publish: false, then a YAML alias error (${thrown instanceof Error ? thrown.name : 'error'})`;
  }
  return file.content.startsWith('---\r\n') ? 'publish: false, CRLF' : 'publish: false, valid frontmatter';
}

/** The vault path after a canary as the output shows it (HTML- or JSON-escaped). */
function unescapeShown(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;|\\"/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Stable grouping key: the fuzz folder, numbers and quoted names taken out of a message. */
export function normalise(message: string, root: string): string {
  return (message.split('\n')[0] ?? '')
    .split(root)
    .join('{root}')
    .replace(/[“"'`][^”"'`]*[”"'`]/g, '…')
    .replace(/\/tmp\/[^\s:'"]+/g, '{tmp}')
    .replace(/\d+/g, 'N')
    .replace(/…(, …)+/g, '…')
    .slice(0, 160);
}

interface Entry {
  path: string;
  symlink: boolean;
}

/** Every file under `dir` (relative paths), symlinks reported, not followed. */
function walk(dir: string, prefix = ''): Entry[] {
  const entries: Entry[] = [];
  for (const dirent of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? dirent.name : `${prefix}/${dirent.name}`;
    if (dirent.isSymbolicLink()) entries.push({ path, symlink: true });
    else if (dirent.isDirectory()) entries.push(...walk(dir, path));
    else entries.push({ path, symlink: false });
  }
  return entries;
}

/** Path → type, size, mtime and a hash of every file under `root`, not descending into `skip`. */
function snapshot(root: string, skip: string[]): Map<string, string> {
  const result = new Map<string, string>();
  const visit = (path: string): void => {
    if (skip.includes(path)) return;
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    const rel = relative(root, path);
    if (stat.isSymbolicLink()) result.set(rel, `link ${readlinkSync(path)}`);
    else if (stat.isDirectory()) {
      result.set(rel, 'dir');
      for (const name of readdirSync(path)) visit(join(path, name));
    } else result.set(rel, `file ${stat.size} ${createHash('sha1').update(readFileSync(path)).digest('hex')}`);
  };
  visit(root);
  return result;
}

function diffSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [path, was] of before) {
    const now = after.get(path);
    if (now === undefined) changes.push(`deleted ${path || '.'}`);
    else if (now !== was) changes.push(`changed ${path}`);
  }
  for (const path of after.keys()) if (!before.has(path)) changes.push(`created ${path}`);
  return changes;
}
