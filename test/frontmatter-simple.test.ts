// The simple frontmatter reader (src/parse/frontmatter-simple.ts) must give exactly what the
// full reader (gray-matter + yaml) gives, whenever it answers at all: fixed cases, random
// blocks built from YAML's tricky pieces, and every note of generated, real-profile and
// sample vaults. It must also answer for most notes, or it saves nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { glob } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FRONTMATTER_SIZE, readFrontmatter } from '../src/parse/frontmatter.js';
import { readSimpleFrontmatter } from '../src/parse/frontmatter-simple.js';
import { generateVault } from './support/genvault.js';
import { propertyRuns } from './support/property.js';

const full = (source: string) => readFrontmatter(source, { simple: false });
const simple = (source: string) => readSimpleFrontmatter(source, MAX_FRONTMATTER_SIZE);

/** The simple reader's answer, which must equal the full one when there is one. */
function same(source: string): boolean {
  const quick = simple(source);
  if (quick === null) return false;
  expect(quick).toStrictEqual(full(source));
  return true;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('simple frontmatter reader', () => {
  it('reads the shapes Obsidian writes exactly as the YAML reader does', () => {
    const cases = [
      '---\ntitle: Apple\ntype: company\n---\nBody',
      '---\ntags:\n  - daily\n  -\n  - "#x"\ncreated: 2025-07-12\n---\n# H\n',
      '---\nrelated:\n- "[[A]]"\n- \'[[B|b]]\'\nsee: also [[C]] here\n---\n',
      '---\naliases: [AAPL, "Apple Inc", \'[[X]]\']\nempty: []\nn: 12\nf: 1.50\nz: 0\n---',
      '---\npublish: false\ndraft: TRUE\nnone: null\nalso: Null\nyes: yes\nurl: https://example.com/a#b\n---\n\ntext',
      '---\nservings: 8 slices (11 inch tart)\nemoji: 0🌲\nat: 2025-07-12 10:30\nq: ""\ns: \'\'\n---\n',
      '---\ntrailing:   \nlist:   \n  - a  \n  - "b"  \n---\n',
      '---\nkey: value\n\nafter: blank line\n---\nbody\n',
      '---\nx: a\n---',
    ];
    for (const source of cases) expect(same(source), source).toBe(true);
  });

  it('leaves everything else to the YAML reader', () => {
    const cases = [
      '---\r\ntitle: a\r\n---\r\n',
      '---\ntitle: a # comment\n---\n',
      '---\n# comment\ntitle: a\n---\n',
      '---\ntitle: a\ntitle: b\n---\n',
      '---\nnested:\n  key: v\n---\n',
      '---\nlist: [a, [b]]\n---\n',
      '---\nlist: [a, b,]\n---\n',
      '---\nlist: [a,, b]\n---\n',
      '---\nmap: {a: 1}\n---\n',
      '---\ncreated: {{date}}\n---\n',
      '---\nmulti: first\n  second\n---\n',
      '---\nq: "a\\"b"\n---\n',
      "---\nq: 'it''s'\n---\n",
      '---\nn: 1e5\nh: 0x1F\no: 007\n---\n',
      '---\nneg: -1\n---\n',
      '---\ninf: .inf\n---\n',
      '---\nanchor: &a x\n---\n',
      '---\ntagged: !!str 1\n---\n',
      '---\nlit: |\n  text\n---\n',
      '---\ntab:\tx\n---\n',
      '---\nmixed:\n  - a\n    - b\n---\n',
      '---\nnull: x\n---\n',
      '---\n__proto__: x\n---\n',
      '---\n---\n',
      '---\n \n---\n',
      '--- \ntitle: a\n---\n',
      '---\ntitle: a\n---more\n',
      '---\ntitle: a\n',
    ];
    for (const source of cases) expect(simple(source), source).toBeNull();
  });

  it('agrees with the YAML reader on random blocks of tricky pieces', () => {
    const keys = ['title', 'tags', 'aliases', 'type', 'publish', 'last-seen', 'a_b', 'x', 'y', 'title', 'tags', 'null', 'True', '__proto__', 'k 2', '"q"'];
    const scalars = [
      'plain',
      'two words',
      'yes',
      'no',
      'on',
      '~',
      'null',
      'NULL',
      'true',
      'False',
      '0',
      '12',
      '007',
      '1.5',
      '1.50',
      '.5',
      '1e5',
      '0x1F',
      '0o17',
      '-1',
      '+1',
      '2025-07-12',
      '2025-07-12T10:00:00Z',
      '2025-13-45',
      '8 slices',
      '0🌲',
      '"quoted"',
      '""',
      "'single'",
      "''",
      '"a\\"b"',
      "'it''s'",
      '"[[Note]]"',
      "'[[Note|alias]]'",
      '[[Note]]',
      'see [[Note]]',
      'a: b',
      'a:b',
      'a #b',
      'a#b',
      '#tag',
      '@x',
      '`x`',
      '%x',
      '&a',
      '*a',
      '!x',
      '|',
      '>',
      '?',
      '-',
      '- x',
      '{{date}}',
      '[]',
      '[ ]',
      '[a, b]',
      '[a,b]',
      '[ a , "b" ]',
      '[2025, daily]',
      '["[[A]]", \'[[B]]\']',
      '[a, [b]]',
      '[a, b,]',
      '[a: b]',
      '[a #b]',
      '[a]x',
      'x,y',
      'é ü 日本',
      '\u2028',
      'a  ',
      "'a' x",
    ];
    // Pieces the simple reader takes are where it could be wrong: most draws are those.
    const taken = scalars.filter((text) => simple(`---\nk: ${text}\n---\n`) !== null);
    const piece = fc.oneof({ arbitrary: fc.constantFrom(...taken), weight: 4 }, { arbitrary: fc.constantFrom(...scalars), weight: 1 });
    const value = fc.oneof({ arbitrary: piece, weight: 3 }, { arbitrary: fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(' ')), weight: 1 });
    const entry = fc.oneof(
      { arbitrary: fc.tuple(fc.constantFrom(...keys), value).map(([key, text]) => `${key}: ${text}`), weight: 4 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...keys), fc.constantFrom('', ' ', '  '), fc.constantFrom('', '  ', ' '), fc.array(fc.option(value), { maxLength: 3 }))
          .map(([key, after, indent, items]) => [`${key}:${after}`, ...items.map((item) => `${indent}-${item === null ? '' : ` ${item}`}`)].join('\n')),
        weight: 3,
      },
      { arbitrary: fc.constantFrom('', ' ', '# comment', '  nested: x', '...', '%YAML 1.2'), weight: 1 },
    );
    const block = fc
      .tuple(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\nBody\n', '', '\n\nText [[x]]'))
      .map(([entries, body]) => `---\n${entries.join('\n')}\n---${body}`);
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(block, (source) => {
        runs++;
        if (same(source)) answered++;
      }),
      propertyRuns(2000),
    );
    // The pieces are mostly tricky: a fair share must still be answered, or the test shows nothing.
    expect(answered).toBeGreaterThan(runs / 10);
  });

  it('agrees with the YAML reader on every note of generated, real-profile and sample vaults, answering for most', async () => {
    const vaults: string[] = [join(process.cwd(), 'notes')];
    for (const profile of ['default', 'real'] as const) {
      const dir = mkdtempSync(join(tmpdir(), `almanac-fm-${profile}-`));
      dirs.push(dir);
      generateVault({ out: dir, notes: 400, seed: 7, profile });
      vaults.push(dir);
    }
    for (const vault of vaults) {
      const files = await glob('**/*.md', { cwd: vault, dot: false });
      let withFrontmatter = 0;
      let answered = 0;
      for (const file of files) {
        const source = readFileSync(join(vault, file), 'utf8').replace(/^\uFEFF/, '');
        if (!source.startsWith('---')) continue;
        withFrontmatter++;
        if (same(source)) answered++;
      }
      expect(withFrontmatter, vault).toBeGreaterThan(50);
      expect(answered / withFrontmatter, vault).toBeGreaterThan(0.9);
    }
  });
});
