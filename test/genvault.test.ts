import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateVault, type Expected } from './support/genvault.js';
import { tempDir } from './support/vault.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GENVAULT = join(ROOT, 'test', 'support', 'genvault.ts');

const scratch = (): string => tempDir('almanac-genvault-');

/** All files under dir, vault-relative with forward slashes, sorted. */
function listFiles(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

function readNotes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of listFiles(dir)) if (f.endsWith('.md')) out.set(f, readFileSync(join(dir, f), 'utf8'));
  return out;
}

function lineOf(notes: Map<string, string>, file: string, line: number): string {
  const text = notes.get(file);
  if (text === undefined) throw new Error(`no such note: ${file}`);
  const l = text.split('\n')[line - 1];
  if (l === undefined) throw new Error(`${file} has no line ${line}`);
  return l;
}

/** Frontmatter YAML (without fences) or undefined; the YAML starts on file line 2. */
function frontmatterOf(text: string): string | undefined {
  const lines = text.split('\n');
  if (lines[0] !== '---') return undefined;
  const end = lines.indexOf('---', 1);
  if (end < 0) return undefined;
  return `${lines.slice(1, end).join('\n')}\n`;
}

interface Found {
  links: number;
  problems: string[];
  duplicates: string[];
  badYaml: string[];
}

/**
 * An independent checker for the resolution rules genvault promises, used as an
 * oracle: every problem it finds must be one that genvault listed, and vice versa.
 */
function check(dir: string, notes: Map<string, string>): Found {
  const files = listFiles(dir);
  const attachments = new Set(files.filter((f) => f.startsWith('attachments/')).map((f) => f.slice('attachments/'.length)));
  const byName = new Map<string, string[]>();
  const byPath = new Map<string, string>();
  const aliases = new Set<string>();
  const headings = new Map<string, Set<string>>();
  const blocks = new Map<string, Set<string>>();
  const found: Found = { links: 0, problems: [], duplicates: [], badYaml: [] };
  const body = new Map<string, Array<[number, string]>>(); // non-code, non-frontmatter lines

  for (const [file, text] of notes) {
    const stem = file.slice(0, -'.md'.length);
    const base = stem.slice(stem.lastIndexOf('/') + 1).toLowerCase();
    byName.set(base, [...(byName.get(base) ?? []), file]);
    byPath.set(stem.toLowerCase(), file);
    const yaml = frontmatterOf(text);
    let first = 0;
    if (yaml !== undefined) {
      first = yaml.split('\n').length + 1; // lines before the body: both fences and the YAML
      const doc = parseDocument(yaml);
      const err = doc.errors[0];
      if (err) {
        found.badYaml.push(`${file}|${(err.linePos?.[0].line ?? 0) + 1}`);
      } else {
        const js: unknown = doc.toJS();
        const a = typeof js === 'object' && js !== null && 'aliases' in js ? js.aliases : undefined;
        if (Array.isArray(a)) for (const x of a) aliases.add(String(x).toLowerCase());
      }
    }
    const hs = new Set<string>();
    const ids = new Set<string>();
    const lines: Array<[number, string]> = [];
    let fence = false;
    text.split('\n').forEach((l, i) => {
      if (i < first) return;
      if (l.startsWith('```')) {
        fence = !fence;
        return;
      }
      if (fence) return;
      lines.push([i + 1, l]);
      const h = /^#{1,6} (.+)$/.exec(l);
      if (h?.[1] !== undefined) hs.add(h[1]);
      const b = / \^([A-Za-z0-9-]+)$/.exec(l);
      if (b?.[1] !== undefined) {
        if (ids.has(b[1])) found.duplicates.push(`${file}|${i + 1}|${b[1]}`);
        ids.add(b[1]);
      }
    });
    headings.set(file, hs);
    blocks.set(file, ids);
    body.set(file, lines);
  }

  const folderOf = (f: string): string => f.slice(0, f.lastIndexOf('/'));
  const depth = (f: string): number => f.split('/').length;
  for (const [file, lines] of body) {
    for (const [n, raw] of lines) {
      const l = raw.replace(/`[^`]*`/g, '');
      for (const m of l.matchAll(/(!?)\[\[([^\]]+)\]\]/g)) {
        found.links++;
        const inner = m[2] ?? '';
        const bar = inner.indexOf('|');
        let target = bar < 0 ? inner : inner.slice(0, bar);
        if (target.endsWith('\\')) target = target.slice(0, -1);
        const problem = (kind: string): void => {
          found.problems.push(`${kind}|${file}|${n}|${target}`);
        };
        if (/\.(png|svg|jpe?g)$/i.test(target)) {
          if (!attachments.has(target)) problem('attachment');
          continue;
        }
        const hash = target.indexOf('#');
        const name = (hash < 0 ? target : target.slice(0, hash)).toLowerCase();
        const sub = hash < 0 ? undefined : target.slice(hash + 1);
        let dest: string | undefined;
        if (name.includes('/')) {
          dest = byPath.get(name);
        } else {
          const cands = byName.get(name) ?? [];
          const min = Math.min(...cands.map(depth));
          const nearest = cands.filter((c) => depth(c) === min);
          if (nearest.length > 1) {
            dest = nearest.find((c) => folderOf(c) === folderOf(file));
            if (dest === undefined) {
              problem('ambiguous');
              continue;
            }
          } else {
            dest = nearest[0];
          }
        }
        if (dest === undefined) {
          problem(aliases.has(name) ? 'alias' : 'note');
          continue;
        }
        if (sub === undefined) continue;
        if (sub.startsWith('^')) {
          if (!blocks.get(dest)?.has(sub.slice(1))) problem('block');
        } else if (!headings.get(dest)?.has(sub)) {
          problem('heading');
        }
      }
    }
  }
  found.problems.sort();
  found.duplicates.sort();
  found.badYaml.sort();
  return found;
}

function listed(e: Expected): Found {
  return {
    links: e.links,
    problems: [
      ...e.unresolved.map((r) => `${r.kind}|${r.file}|${r.line}|${r.target}`),
      ...e.viaAlias.map((r) => `alias|${r.file}|${r.line}|${r.target}`),
      ...e.attachments.map((r) => `attachment|${r.file}|${r.line}|${r.target}`),
      ...e.ambiguous.map((r) => `ambiguous|${r.file}|${r.line}|${r.target}`),
    ].sort(),
    duplicates: e.duplicateBlocks.map((d) => `${d.file}|${d.line}|${d.id}`).sort(),
    badYaml: e.invalidFrontmatter.map((d) => `${d.file}|${d.line}`).sort(),
  };
}

/** sha256 over every file of a vault (path and bytes), in sorted order. */
function vaultHash(dir: string): string {
  const hash = createHash('sha256');
  for (const f of listFiles(dir)) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(join(dir, f)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

describe('genvault', () => {
  let dir = '';
  let exp: Expected;
  let notes: Map<string, string>;

  beforeAll(() => {
    dir = join(scratch(), 'vault');
    exp = generateVault({ out: dir, notes: 2000 });
    notes = readNotes(dir);
  });

  it('is deterministic: same options give byte-identical vaults', () => {
    const a = join(scratch(), 'a');
    const b = join(scratch(), 'b');
    const opts = { notes: 400, seed: 11, broken: 0.05, features: { feeds: true } };
    const ea = generateVault({ out: a, ...opts });
    const eb = generateVault({ out: b, ...opts });
    expect(eb).toEqual(ea);
    const fa = listFiles(a);
    expect(listFiles(b)).toEqual(fa);
    expect(fa.length).toBeGreaterThan(400);
    for (const f of fa) {
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    }
    // and the seed matters
    const c = join(scratch(), 'c');
    generateVault({ out: c, ...opts, seed: 12 });
    const f = fa.find((x) => x.endsWith('.md')) ?? '';
    expect(readFileSync(join(c, f), 'utf8')).not.toBe(readFileSync(join(a, f), 'utf8'));
  });

  it('writes .expected.json matching the returned value', () => {
    expect(JSON.parse(readFileSync(join(dir, '.expected.json'), 'utf8'))).toEqual(exp);
  });

  it('writes the default profile byte for byte as before the real profile existed', () => {
    // Hashes taken before the real profile was added (then again when 2% of tables got a
    // `%% chart %%` comment, issue 18): tests and bench vaults stay as they were otherwise.
    expect(vaultHash(dir)).toBe('d681d42a062c720180a17439116e43d4ec0cd71f4ebe8216759d8c947a239657');
    const fed = join(scratch(), 'fed');
    generateVault({ out: fed, notes: 400, seed: 11, broken: 0.05, features: { feeds: true }, profile: 'default' });
    expect(vaultHash(fed)).toBe('0bf4d959812525bbee86a7a9545782119a48ba15bf88b3e867161cd7fc8f8c47');
    expect(exp.profile).toBeUndefined();
    expect(exp.shapes).toBeUndefined();
  });

  it('puts a chart comment on about 2% of the Data tables, each on the line before its table', () => {
    let tables = 0;
    let charts = 0;
    for (const text of notes.values()) {
      const lines = text.split('\n');
      lines.forEach((line, index) => {
        if (line !== '| Item | Link | Value |') return;
        tables++;
        if (lines[index - 1] === '%% chart: bar x=Item y=Value %%') charts++;
      });
    }
    expect(exp.charts).toBe(charts);
    expect(charts / tables).toBeGreaterThan(0.01);
    expect(charts / tables).toBeLessThan(0.035);
  });

  it('plants every defect kind at 2,000 notes', () => {
    const mdFiles = [...notes.keys()];
    expect(exp.notes).toBe(mdFiles.length);
    expect(exp.notes).toBeGreaterThanOrEqual(2000);
    for (const kind of ['note', 'heading', 'block'] as const) {
      expect(exp.unresolved.filter((u) => u.kind === kind).length, kind).toBeGreaterThan(0);
    }
    expect(exp.viaAlias.length).toBeGreaterThan(0);
    expect(exp.attachments.length).toBeGreaterThan(0);
    expect(exp.ambiguous.length).toBeGreaterThan(0);
    expect(exp.duplicateBlocks.length).toBeGreaterThan(0);
    expect(exp.invalidFrontmatter.length).toBeGreaterThan(0);
    // shape: ~21 references a note, ~2% unresolved, ~5% bare alias links
    const perNote = exp.links / exp.notes;
    expect(perNote).toBeGreaterThan(17);
    expect(perNote).toBeLessThan(25);
    expect(exp.unresolved.length / exp.links).toBeGreaterThan(0.01);
    expect(exp.unresolved.length / exp.links).toBeLessThan(0.03);
    expect(exp.viaAlias.length / exp.links).toBeGreaterThan(0.03);
    expect(exp.viaAlias.length / exp.links).toBeLessThan(0.07);
    // folders like the reference, plus Archive copies and same-depth pairs
    const top = new Set(mdFiles.map((f) => f.split('/')[0]));
    for (const f of ['Rotations', 'Analysts', 'ETFs', 'Companies', 'Concepts', 'Theses', 'Firms', 'Events', 'Archive']) {
      expect(top.has(f), f).toBe(true);
    }
  });

  it('puts every planted reference on the line it lists', () => {
    for (const r of exp.unresolved) expect(lineOf(notes, r.file, r.line)).toContain(`[[${r.target}]]`);
    for (const r of exp.viaAlias) expect(lineOf(notes, r.file, r.line)).toContain(`[[${r.target}]]`);
    for (const r of exp.attachments) expect(lineOf(notes, r.file, r.line)).toContain(`![[${r.target}]]`);
    for (const r of exp.ambiguous) {
      expect(lineOf(notes, r.file, r.line)).toContain(`[[${r.target}]]`);
      const twins = [...notes.keys()].filter((f) => f.endsWith(`/${r.target}.md`));
      expect(twins.length).toBe(2);
      const folders = twins.map((f) => f.slice(0, f.lastIndexOf('/')));
      expect(folders).not.toContain(r.file.slice(0, r.file.lastIndexOf('/')));
      expect(new Set(twins.map((f) => f.split('/').length)).size).toBe(1);
    }
    for (const d of exp.duplicateBlocks) {
      expect(lineOf(notes, d.file, d.line).endsWith(` ^${d.id}`)).toBe(true);
      const earlier = (notes.get(d.file) ?? '').split('\n').slice(0, d.line - 1);
      expect(earlier.some((l) => l.endsWith(` ^${d.id}`))).toBe(true);
    }
  });

  it('lists invalid frontmatter at the line where yaml fails', () => {
    for (const bad of exp.invalidFrontmatter) {
      const yaml = frontmatterOf(notes.get(bad.file) ?? '');
      expect(yaml, bad.file).toBeDefined();
      const errors = parseDocument(yaml ?? '').errors;
      expect(errors.length, bad.file).toBeGreaterThan(0);
      expect((errors[0]?.linePos?.[0].line ?? 0) + 1, bad.file).toBe(bad.line);
    }
    // notes with broken frontmatter carry no planted link defects
    const badFiles = new Set(exp.invalidFrontmatter.map((b) => b.file));
    const planted = [...exp.unresolved, ...exp.viaAlias, ...exp.attachments, ...exp.ambiguous, ...exp.duplicateBlocks];
    expect(planted.filter((p) => badFiles.has(p.file))).toEqual([]);
  });

  it('lists exactly the problems an independent checker finds', () => {
    const found = check(dir, notes);
    const want = listed(exp);
    expect(found.links).toBe(want.links);
    expect(found.problems).toEqual(want.problems);
    expect(found.duplicates).toEqual(want.duplicates);
    expect(found.badYaml).toEqual(want.badYaml);
  });

  it('averages 2-4.5 KB of Markdown per note at 1,000 notes', () => {
    const out = join(scratch(), 'size');
    const e = generateVault({ out, notes: 1000 });
    const md = listFiles(out).filter((f) => f.endsWith('.md'));
    expect(md.length).toBe(e.notes);
    const bytes = md.reduce((sum, f) => sum + readFileSync(join(out, f)).length, 0);
    const avg = bytes / md.length;
    expect(avg).toBeGreaterThan(2048);
    expect(avg).toBeLessThan(4.5 * 1024);
  });

  it('adds feed regions only when asked', () => {
    for (const text of notes.values()) expect(text).not.toContain('<!-- feed');
    expect(exp.feeds).toBeUndefined();
    const out = join(scratch(), 'feeds');
    const e = generateVault({ out, notes: 1000, features: { feeds: true } });
    const fed = readNotes(out);
    const feeds = e.feeds ?? [];
    expect(feeds.length).toBeGreaterThan(20);
    expect(feeds.length).toBeLessThan(90);
    expect(new Set(feeds.map((f) => f.name)).size).toBe(feeds.length);
    for (const f of feeds) {
      const lines = (fed.get(f.file) ?? '').split('\n');
      expect(lines[f.line - 1]).toBe(`<!-- feed: ${f.name} -->`);
      expect(lines[f.line]).toBe('| Month | Flow | Notes |');
      expect(lines.slice(f.line).indexOf('<!-- /feed -->')).toBeGreaterThan(2);
    }
    // the feed regions add lines but no links or defects
    expect(e.links).toBe(check(out, fed).links);
    expect(listed(e)).toEqual(check(out, fed));
  });

  it('refuses to wipe a non-empty directory that is not a generated vault', () => {
    const out = scratch();
    mkdirSync(join(out, 'keep'));
    writeFileSync(join(out, 'keep', 'x.md'), 'mine');
    expect(() => generateVault({ out, notes: 10 })).toThrow(/refusing/);
    expect(readFileSync(join(out, 'keep', 'x.md'), 'utf8')).toBe('mine');
  });

  it('runs as a CLI', { timeout: 60_000 }, () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', GENVAULT, ...args], { cwd: ROOT, encoding: 'utf8' });
    const bad = run(['--notes', '10']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage: .*--out DIR/);
    const badProfile = run(['--out', join(scratch(), 'x'), '--profile', 'tidy']);
    expect(badProfile.status).toBe(2);
    expect(badProfile.stderr).toMatch(/bad --profile: tidy/);
    const real = join(scratch(), 'cli-real');
    const okReal = run(['--out', real, '--notes', '60', '--seed', '3', '--profile', 'real']);
    expect(okReal.status, okReal.stderr).toBe(0);
    const er = JSON.parse(readFileSync(join(real, '.expected.json'), 'utf8')) as Expected;
    expect(er.profile).toBe('real');
    expect(er).toEqual(generateVault({ out: join(scratch(), 'api-real'), notes: 60, seed: 3, profile: 'real' }));
    const out = join(scratch(), 'cli');
    const ok = run(['--out', out, '--notes', '50', '--seed', '3']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^wrote \d+ notes, \d+ references, \d+ planted unresolved/);
    const e = JSON.parse(readFileSync(join(out, '.expected.json'), 'utf8')) as Expected;
    expect(e).toEqual(generateVault({ out: join(scratch(), 'api'), notes: 50, seed: 3 }));
  });
});

/** The frontmatter lines of a note (without fences) and its body. */
function split(text: string): { fm: string[] | null; body: string } {
  const lines = text.split('\n');
  if (lines[0] !== '---') return { fm: null, body: text };
  const end = lines.indexOf('---', 1);
  return { fm: lines.slice(1, end), body: lines.slice(end + 1).join('\n') };
}

describe('genvault --profile real', () => {
  let dir = '';
  let exp: Expected;
  let notes: Map<string, string>;

  beforeAll(() => {
    dir = join(scratch(), 'real');
    exp = generateVault({ out: dir, notes: 1000, seed: 5, profile: 'real' });
    notes = readNotes(dir);
  });

  it('is deterministic, and the seed matters', () => {
    const a = join(scratch(), 'ra');
    const b = join(scratch(), 'rb');
    const ea = generateVault({ out: a, notes: 200, seed: 9, profile: 'real' });
    expect(generateVault({ out: b, notes: 200, seed: 9, profile: 'real' })).toEqual(ea);
    expect(vaultHash(b)).toBe(vaultHash(a));
    const c = join(scratch(), 'rc');
    generateVault({ out: c, notes: 200, seed: 10, profile: 'real' });
    expect(vaultHash(c)).not.toBe(vaultHash(a));
  });

  it('writes .expected.json and the notes it counts, without almanac.yaml', () => {
    expect(JSON.parse(readFileSync(join(dir, '.expected.json'), 'utf8'))).toEqual(exp);
    expect(exp.profile).toBe('real');
    expect(notes.size).toBe(exp.notes);
    expect(exp.notes).toBe(1000);
    expect(listFiles(dir)).not.toContain('almanac.yaml');
  });

  it('carries real-vault constructs in about the measured proportions', () => {
    const all = [...notes.entries()].map(([file, text]) => ({ file, ...split(text) }));
    const share = (test: (n: (typeof all)[number]) => boolean): number => all.filter(test).length / all.length;
    const near = (name: string, got: number, want: number, slack = 0.05): void => {
      expect(got, `${name}: ${got.toFixed(3)} of notes, want about ${want}`).toBeGreaterThan(want - slack);
      expect(got, `${name}: ${got.toFixed(3)} of notes, want about ${want}`).toBeLessThan(want + slack);
    };
    near(
      'frontmatter',
      share((n) => n.fm !== null),
      0.98,
      0.02,
    );
    near(
      'empty list item',
      share((n) => (n.fm ?? []).some((l) => /^\s*-\s*$/.test(l))),
      0.85,
    );
    near(
      'aliases',
      share((n) => (n.fm ?? []).some((l) => l.startsWith('aliases:'))),
      0.81,
    );
    near(
      '%% comments',
      share((n) => n.body.includes('%%')),
      0.92,
    );
    near(
      'raw HTML',
      share((n) => /<(span|a|div|br|img|iframe)\b/.test(n.body)),
      0.92,
    );
    near(
      'HTML comments',
      share((n) => n.body.includes('<!--')),
      0.38,
    );
    near(
      'block ids',
      share((n) => /(^| )\^[A-Za-z0-9-]+$/m.test(n.body)),
      0.38,
    );
    near(
      'images',
      share((n) => /!\[\[[^\]]+\.png(\|\d+)?\]\]|!\[[^\]]*\]\([^)]+\.png\)/.test(n.body)),
      0.49,
    );
    near(
      'callouts',
      share((n) => /^> \[!\w+\]/m.test(n.body)),
      0.024,
      0.01,
    );
    near(
      'tables',
      share((n) => /^\|.*\|\n\| ---/m.test(n.body)),
      0.022,
      0.012,
    );
    expect(share((n) => /^> \[!\w+\][-+]/m.test(n.body))).toBeGreaterThan(0);
    expect(share((n) => /\[\^\d+\]/.test(n.body))).toBeGreaterThan(0);
    expect(share((n) => /\[\[[^\]]*#[^\]^|]+[\]|]/.test(n.body))).toBeGreaterThan(0.01);
    // Tables, LaTeX and money amounts are dense in Finance/.
    const finance = all.filter((n) => n.file.startsWith('Finance/'));
    expect(finance.length).toBeGreaterThan(10);
    const inFinance = (re: RegExp): number => finance.filter((n) => re.test(n.body)).length / finance.length;
    expect(inFinance(/^\| ---/m)).toBeGreaterThan(0.5);
    near('LaTeX in Finance/', inFinance(/\$\$|\$\\frac/), 0.46, 0.1);
    expect(inFinance(/\$\d+M\b/)).toBeGreaterThan(0.3);
    // Names and headings with emoji, one stray U+FE0F; same-named notes in two folders.
    expect([...notes.keys()].some((f) => /\p{Extended_Pictographic}/u.test(f))).toBe(true);
    expect([...notes.keys()].some((f) => f.includes('/\uFE0F'))).toBe(true);
    expect(all.some((n) => /^## .*\p{Extended_Pictographic}/mu.test(n.body))).toBe(true);
    const names = [...notes.keys()].map((f) => f.slice(f.lastIndexOf('/') + 1));
    expect(new Set(names).size).toBeLessThan(names.length);
    // Templater placeholders in Templates/, type: [], unconfigured types, permalink, HTML anchors.
    const templates = all.filter((n) => n.file.startsWith('Templates/'));
    expect(templates.length).toBeGreaterThan(1);
    for (const t of templates) expect((t.fm ?? []).join('\n')).toContain('{{date}}');
    expect(share((n) => (n.fm ?? []).includes('type: []'))).toBeGreaterThan(0.02);
    expect(share((n) => (n.fm ?? []).includes('type: reference'))).toBeGreaterThan(0.02);
    expect(share((n) => (n.fm ?? []).some((l) => l.startsWith('permalink: ')))).toBeGreaterThan(0.05);
    expect(share((n) => /\]\(#page-\d+-\d+\)/.test(n.body))).toBeGreaterThan(0.02);
    // The counts the generator reports agree with what the files hold.
    expect(exp.shapes?.frontmatter).toBe(all.filter((n) => n.fm !== null).length);
    expect(exp.shapes?.obsidianComment).toBe(all.filter((n) => n.body.includes('%%')).length);
  });

  it('links every block id and every emoji heading it defines', () => {
    const linked = new Set<string>();
    for (const text of notes.values()) for (const m of text.matchAll(/\[\[([^\]|]+)/g)) linked.add(m[1] ?? '');
    for (const [file, text] of notes) {
      const name = file.slice(file.lastIndexOf('/') + 1, -'.md'.length);
      const dup = names(notes).get(name.toLowerCase()) ?? 0;
      const stem = dup > 1 ? file.slice(0, -'.md'.length) : name;
      const { body } = split(text);
      for (const m of body.matchAll(/(?:^| )\^([A-Za-z0-9-]+)$/gm)) {
        if (m[1]?.startsWith('dup') === true) continue; // the planted duplicate's twin
        expect(linked.has(`${stem}#^${m[1] ?? ''}`), `${file} ^${m[1] ?? ''}`).toBe(true);
      }
      for (const m of body.matchAll(/^## (.*(?:\p{Extended_Pictographic}|\uFE0F).*)$/gmu)) {
        expect(linked.has(`${stem}#${m[1] ?? ''}`), `${file} ## ${m[1] ?? ''}`).toBe(true);
      }
    }
  });

  it('puts every planted defect on the line it lists', () => {
    expect(exp.unresolved.length).toBeGreaterThan(50);
    for (const kind of ['note', 'heading', 'block'] as const)
      expect(
        exp.unresolved.some((u) => u.kind === kind),
        kind,
      ).toBe(true);
    for (const r of exp.unresolved) expect(lineOf(notes, r.file, r.line)).toContain(`[[${r.target}]]`);
    for (const r of exp.viaAlias) expect(lineOf(notes, r.file, r.line)).toContain(`[[${r.target}]]`);
    for (const r of exp.attachments) expect(lineOf(notes, r.file, r.line)).toContain(`![[${r.target}]]`);
    for (const r of exp.ambiguous) {
      expect(lineOf(notes, r.file, r.line)).toContain(`[[${r.target}]]`);
      expect([...notes.keys()].filter((f) => f.endsWith(`/${r.target}.md`)).length).toBe(2);
    }
    for (const d of exp.duplicateBlocks) {
      expect(lineOf(notes, d.file, d.line).endsWith(` ^${d.id}`)).toBe(true);
      expect(lineOf(notes, d.file, d.line - 2).endsWith(` ^${d.id}`)).toBe(true);
    }
    expect(exp.invalidFrontmatter.length).toBeGreaterThan(0);
    for (const bad of exp.invalidFrontmatter) {
      const errors = parseDocument(frontmatterOf(notes.get(bad.file) ?? '') ?? '').errors;
      expect((errors[0]?.linePos?.[0].line ?? 0) + 1, bad.file).toBe(bad.line);
    }
    // Every other note's frontmatter parses.
    const badFiles = new Set(exp.invalidFrontmatter.map((b) => b.file));
    for (const [file, text] of notes) {
      const yaml = frontmatterOf(text);
      if (yaml === undefined || badFiles.has(file)) continue;
      expect(parseDocument(yaml).errors, file).toEqual([]);
    }
  });
});

/** How many notes share each lower-cased base name. */
function names(notes: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of notes.keys()) {
    const n = f.slice(f.lastIndexOf('/') + 1, -'.md'.length).toLowerCase();
    out.set(n, (out.get(n) ?? 0) + 1);
  }
  return out;
}
