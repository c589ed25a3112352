// The generator's `real` profile (genvault.ts --profile real): a vault shaped like public
// Obsidian vaults written by people, not by Almanac. Proportions follow what was counted in
// five public vaults (7,133 notes; issue 13), as the share of notes carrying each construct:
// frontmatter 98% (an empty list item `tags:\n- ` / `aliases:\n- ` in 85%), aliases 81%,
// `%%` comments 92%, raw HTML 92%, HTML comments 38% (some holding [[links]]), block ids
// 38% (`text ^id`, `^id` on the line under a paragraph or image, after a callout, ending
// a list item), images 49% (`![[x.png]]`, `![](x.png)`), callouts 2.4% (half foldable),
// heading links 2%, tables 2.2% (dense in Finance/), LaTeX and money amounts in Finance/,
// footnotes 0.3%, emoji in file names and headings (one stray U+FE0F), same-named notes in
// two folders (linked by path), Templater placeholders in Templates/, `type: []`,
// `type: reference` (no almanac.yaml is written: the vault never configured types),
// `permalink:`, links to HTML anchors (`[8](#page-5-6)` to `<span id="page-5-6">`).
//
// None of those shapes is a defect. The defects are planted as in the default profile and
// listed in .expected.json: unresolved note, heading and block links, bare alias links,
// missing attachments, ambiguous names, duplicate block ids and frontmatter that does not
// parse. `links` counts every link Almanac reads (wikilinks, embeds, Markdown links and
// images into the vault, same-note `#anchor` links, frontmatter links) outside code and HTML
// comments; links inside HTML comments are counted apart, in `commentLinks`.
import { resolve } from 'node:path';
import { makeRng, pad, PNG, prepareOut, yamlErrorLine, vaultWriter, type Expected, type GenOptions } from './genvault.js';

/** Constructs counted per note in `Expected.shapes` (how many notes carry each). */
export const REAL_SHAPES = [
  'frontmatter',
  'emptyListItem',
  'aliases',
  'obsidianComment',
  'rawHtml',
  'htmlComment',
  'htmlCommentLink',
  'blockId',
  'blockIdOwnLine',
  'image',
  'callout',
  'foldableCallout',
  'headingLink',
  'blockLink',
  'table',
  'latex',
  'money',
  'footnote',
  'emojiName',
  'emojiHeading',
  'strayVariationSelector',
  'templater',
  'typeEmptyList',
  'typeUnconfigured',
  'permalink',
  'htmlAnchorLink',
  'pathLink',
  'markdownLink',
  'frontmatterLink',
  'numericTag',
] as const;
export type RealShape = (typeof REAL_SHAPES)[number];

type Role = 'note' | 'daily' | 'clipping' | 'finance' | 'template' | 'project';
type BlockPlace = 'inline' | 'own-line' | 'image' | 'callout' | 'list' | 'list-multiline';

interface RealNote {
  idx: number;
  role: Role;
  folder: string;
  name: string;
  alias: string;
  /** Links use the vault path (same-named notes in two folders). */
  byPath: boolean;
  headings: string[];
  blocks: Array<{ id: string; place: BlockPlace }>;
  shapes: Set<RealShape>;
  badYaml: number;
  rare: 'none' | 'attachment' | 'ambiguous' | 'duplicate';
}

const WORDS = (
  'idea note system habit garden writing reading model memory focus craft process tool review ' +
  'project goal draft essay question insight pattern context friction signal archive index map ' +
  'thinking learning attention practice design research evidence source method claim'
).split(' ');
const HEADINGS = ['Summary', 'Notes', 'Ideas', 'Questions', 'Next steps', 'References', 'Log', 'Open problems'];
const EMOJI_HEADINGS = ['🎯 Goals', '⚠️ Caveats', '📚 Reading', '🌱 Seedlings', '🔗 Links', '✅ Done'];
/** A heading whose emoji was stripped and left its variation selector behind. */
const STRAY_FE0F_HEADING = '\uFE0FResources';
const EMOJI_PREFIXES = ['🌱', '📚', '🧠', '🗺️', '⭐️', '🏠'];
const TEMPLATE_NAMES = ['Daily Note Template', 'Meeting Template', 'Book Template', 'Person Template', 'Project Template', 'Clipping Template'];
const PROJECT_STEMS = ['Apollo', 'Borealis', 'Cascade', 'Driftwood', 'Ember', 'Fjord', 'Garnet', 'Halcyon'];
const TICKERS = ['ACME', 'GLOBX', 'INITech', 'UMBR', 'STARK', 'WAYNE', 'TYRL', 'CYBD'];
const CALLOUTS = ['note', 'tip', 'warning', 'quote', 'info', 'example'];
const PHOTOS = 30;
const PASTED = 10;
const PASTED_NAME = (k: number): string => `Pasted image 202501${pad(k + 10, 2)}${pad(93000 + k * 137, 6)}.png`;

const fileOf = (n: RealNote): string => `${n.folder}/${n.name}.md`;
const linkName = (n: RealNote): string => (n.byPath ? `${n.folder}/${n.name}` : n.name);
const cap = (w: string): string => `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}`;
/** A Markdown link destination for a vault path: spaces and the like percent-encoded. */
const mdPath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export function generateRealVault(opts: GenOptions): Expected {
  const total = Math.floor(opts.notes);
  if (!Number.isFinite(total) || total < 0) throw new Error(`genvault: bad note count ${opts.notes}`);
  const broken = opts.broken ?? 0.02;
  if (!(broken >= 0 && broken <= 1)) throw new Error(`genvault: broken must be in [0, 1], got ${broken}`);
  const seed = opts.seed ?? 7;
  const out = resolve(opts.out);
  const rnd = makeRng((seed ^ 0x2545f491) >>> 0);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rnd() * xs.length)];
    if (x === undefined) throw new Error('genvault: pick from empty list');
    return x;
  };
  const chance = (p: number): boolean => rnd() < p;
  const sentence = (min = 6, max = 14): string => {
    const words: string[] = [];
    for (let w = int(min, max); w > 0; w--) words.push(pick(WORDS));
    return cap(words.join(' '));
  };
  const hex = (): string =>
    Math.floor(rnd() * 0xffffff)
      .toString(16)
      .padStart(6, '0');
  /** `count` distinct members of `pool`, chosen by the seeded PRNG. */
  const choose = <T>(pool: readonly T[], count: number): Set<T> => {
    const copy = [...pool];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(rnd() * (copy.length - i));
      const a = copy[i];
      const b = copy[j];
      if (a === undefined || b === undefined) break;
      copy[i] = b;
      copy[j] = a;
    }
    return new Set(copy.slice(0, n));
  };
  /** How many of `total` notes carry a construct seen in `share` of real notes (at least 1). */
  const quota = (share: number): number => (total === 0 ? 0 : Math.max(1, Math.round(share * total)));

  // ---- the cast -----------------------------------------------------------
  const notes: RealNote[] = [];
  const add = (role: Role, folder: string, name: string, byPath = false): RealNote => {
    const idx = notes.length;
    const n: RealNote = {
      idx,
      role,
      folder,
      name,
      alias: `${
        name
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 3)
          .toUpperCase() || 'N'
      }-${idx}`,
      byPath,
      headings: [],
      blocks: [],
      shapes: new Set(),
      badYaml: -1,
      rare: 'none',
    };
    notes.push(n);
    return n;
  };
  const templates = total >= 20 ? Math.min(TEMPLATE_NAMES.length, Math.max(2, Math.round(total / 60))) : 0;
  const finance = total >= 20 ? Math.max(5, Math.round(total * 0.03)) : 0;
  const clippings = total >= 20 ? Math.max(3, Math.round(total * 0.06)) : 0;
  const dailies = Math.round(total * 0.1);
  const pairs = total >= 20 ? Math.min(PROJECT_STEMS.length / 2, Math.max(1, Math.round(total / 150))) : 0;
  for (let k = 0; k < templates; k++) add('template', 'Templates', TEMPLATE_NAMES[k] ?? `Template ${k}`);
  for (let k = 0; k < finance; k++) add('finance', 'Finance', `${TICKERS[k % TICKERS.length] ?? 'ACME'} ${2024 + (k % 2)} Q${(k % 4) + 1} ${k}`);
  for (let k = 0; k < clippings; k++) add('clipping', 'Clippings', `${cap(pick(WORDS))} ${pick(WORDS)} report ${k + 1}`);
  for (let k = 0; k < pairs; k++) {
    add('project', `Projects/${PROJECT_STEMS[2 * k] ?? 'Apollo'}`, `Overview ${k + 1}`, true);
    add('project', `Projects/${PROJECT_STEMS[2 * k + 1] ?? 'Borealis'}`, `Overview ${k + 1}`, true);
  }
  const start = Date.UTC(2025, 0, 1);
  for (let k = 0; k < dailies && notes.length < total; k++) add('daily', 'Daily', new Date(start + k * 86_400_000).toISOString().slice(0, 10));
  let strayName = false;
  while (notes.length < total) {
    const idx = notes.length;
    const topic = idx % 5 === 0 ? `Notes/${cap(pick(WORDS))}` : 'Notes';
    let name = `${cap(pick(WORDS))} ${pick(WORDS)} and ${pick(WORDS)} ${idx}`;
    if (idx % 19 === 3) name = `${pick(EMOJI_PREFIXES)} ${name}`;
    if (!strayName && total >= 50 && idx % 19 === 3) {
      // A file name whose leading emoji was stripped, leaving U+FE0F.
      name = `\uFE0F${name.slice(name.indexOf(' ') + 1)}`;
      strayName = true;
    }
    add('note', topic, name);
  }

  // ---- who carries what ---------------------------------------------------
  const nonTemplates = notes.filter((n) => n.role !== 'template');
  const give = (shape: RealShape, members: Iterable<RealNote>): void => {
    for (const n of members) n.shapes.add(shape);
  };
  const byIdx = (set: Set<number>): RealNote[] => notes.filter((n) => set.has(n.idx));
  const noFrontmatter = choose(
    notes.filter((n) => n.role === 'note').map((n) => n.idx),
    total - quota(0.98),
  );
  give(
    'frontmatter',
    notes.filter((n) => !noFrontmatter.has(n.idx)),
  );
  const withFm = notes.filter((n) => n.shapes.has('frontmatter'));
  give(
    'emptyListItem',
    byIdx(
      choose(
        withFm.map((n) => n.idx),
        quota(0.85),
      ),
    ),
  );
  give(
    'aliases',
    byIdx(
      choose(
        withFm.filter((n) => n.role !== 'template').map((n) => n.idx),
        quota(0.81),
      ),
    ),
  );
  // Templates always hold a `%%fill in%%` comment.
  give(
    'obsidianComment',
    notes.filter((n) => n.role === 'template'),
  );
  give(
    'obsidianComment',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        Math.max(0, quota(0.92) - templates),
      ),
    ),
  );
  give(
    'rawHtml',
    byIdx(
      choose(
        nonTemplates.filter((n) => n.role !== 'clipping').map((n) => n.idx),
        Math.max(0, quota(0.92) - clippings),
      ),
    ),
  );
  give(
    'rawHtml',
    notes.filter((n) => n.role === 'clipping'),
  );
  give(
    'htmlAnchorLink',
    notes.filter((n) => n.role === 'clipping'),
  );
  give(
    'htmlComment',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        quota(0.38),
      ),
    ),
  );
  give(
    'htmlCommentLink',
    byIdx(
      choose(
        notes.filter((n) => n.shapes.has('htmlComment')).map((n) => n.idx),
        quota(0.12),
      ),
    ),
  );
  give(
    'blockId',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        quota(0.38),
      ),
    ),
  );
  give(
    'image',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        quota(0.44),
      ),
    ),
  );
  const callouts = choose(
    nonTemplates.map((n) => n.idx),
    quota(0.024),
  );
  give('callout', byIdx(callouts));
  give('foldableCallout', byIdx(choose([...callouts], Math.ceil(callouts.size / 2))));
  give(
    'headingLink',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        quota(0.02),
      ),
    ),
  );
  give(
    'blockLink',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        quota(0.08),
      ),
    ),
  );
  const financeNotes = notes.filter((n) => n.role === 'finance');
  give(
    'table',
    byIdx(
      choose(
        financeNotes.map((n) => n.idx),
        Math.round(financeNotes.length * 0.7),
      ),
    ),
  );
  give(
    'table',
    byIdx(
      choose(
        notes.filter((n) => n.role === 'note').map((n) => n.idx),
        total >= 100 ? Math.max(1, Math.round(total * 0.003)) : 0,
      ),
    ),
  );
  give(
    'latex',
    byIdx(
      choose(
        financeNotes.map((n) => n.idx),
        Math.round(financeNotes.length * 0.46),
      ),
    ),
  );
  give(
    'money',
    byIdx(
      choose(
        financeNotes.map((n) => n.idx),
        Math.round(financeNotes.length * 0.6),
      ),
    ),
  );
  give(
    'footnote',
    byIdx(
      choose(
        notes.filter((n) => n.role === 'note').map((n) => n.idx),
        quota(0.003),
      ),
    ),
  );
  give(
    'emojiName',
    notes.filter((n) => /\p{Extended_Pictographic}/u.test(n.name)),
  );
  give(
    'strayVariationSelector',
    notes.filter((n) => n.name.startsWith('\uFE0F')),
  );
  give(
    'emojiHeading',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        quota(0.1),
      ),
    ),
  );
  give(
    'templater',
    notes.filter((n) => n.role === 'template'),
  );
  const typed = withFm.filter((n) => n.role !== 'template');
  give(
    'typeEmptyList',
    notes.filter((n) => n.role === 'template' && n.shapes.has('frontmatter')),
  );
  give(
    'typeEmptyList',
    byIdx(
      choose(
        typed.map((n) => n.idx),
        quota(0.05),
      ),
    ),
  );
  give(
    'typeUnconfigured',
    byIdx(
      choose(
        typed.filter((n) => !n.shapes.has('typeEmptyList')).map((n) => n.idx),
        quota(0.25),
      ),
    ),
  );
  give(
    'permalink',
    byIdx(
      choose(
        typed.map((n) => n.idx),
        quota(0.15),
      ),
    ),
  );
  give(
    'markdownLink',
    byIdx(
      choose(
        nonTemplates.map((n) => n.idx),
        quota(0.1),
      ),
    ),
  );
  give(
    'frontmatterLink',
    byIdx(
      choose(
        typed.map((n) => n.idx),
        quota(0.15),
      ),
    ),
  );
  give(
    'numericTag',
    byIdx(
      choose(
        typed.map((n) => n.idx),
        quota(0.04),
      ),
    ),
  );

  // Headings and block ids, known before any note links to them.
  for (const n of notes) {
    if (n.role === 'template') continue;
    const count = n.role === 'daily' ? 1 : int(2, 4);
    const pool = [...HEADINGS];
    while (n.headings.length < count) {
      const h = pool.splice(Math.floor(rnd() * pool.length), 1)[0];
      if (h !== undefined) n.headings.push(h);
    }
    if (n.shapes.has('emojiHeading')) n.headings[0] = pick(EMOJI_HEADINGS);
    if (n.shapes.has('emojiName') && n.headings.length > 1) n.headings[1] = STRAY_FE0F_HEADING;
    if (n.shapes.has('blockId')) {
      const places: BlockPlace[] = ['inline', 'own-line', 'image', 'list', 'list-multiline'];
      if (n.shapes.has('callout')) places.push('callout');
      for (let k = int(1, 3); k > 0; k--) n.blocks.push({ id: `${hex()}${n.blocks.length}`, place: pick(places) });
      if (n.blocks.some((b) => b.place === 'own-line' || b.place === 'image' || b.place === 'callout')) n.shapes.add('blockIdOwnLine');
      if (n.blocks.some((b) => b.place === 'image')) n.shapes.add('image');
    }
    if (n.headings.some((h) => /\p{Extended_Pictographic}|\uFE0F/u.test(h))) n.shapes.add('emojiHeading');
    if (n.headings.includes(STRAY_FE0F_HEADING)) n.shapes.add('strayVariationSelector');
  }

  // Rare defects, each in its own note outside Projects/ and Templates/.
  const rareCount = total >= 20 ? Math.max(1, Math.round(total / 200)) : 0;
  const defectPool = notes.filter((n) => n.role === 'note' || n.role === 'daily' || n.role === 'clipping');
  const taken = new Set<number>();
  const takeOne = (filter: (n: RealNote) => boolean): RealNote | undefined => {
    const free = defectPool.filter((n) => !taken.has(n.idx) && filter(n));
    if (free.length === 0) return undefined;
    const n = pick(free);
    taken.add(n.idx);
    return n;
  };
  const BAD_VARIANTS = 2;
  for (let k = 0; k < rareCount; k++) {
    const bad = takeOne((n) => n.shapes.has('frontmatter'));
    if (bad) bad.badYaml = k % BAD_VARIANTS;
    for (const rare of ['attachment', 'ambiguous', 'duplicate'] as const) {
      const n = takeOne(() => true);
      if (n) n.rare = rare;
    }
  }
  // Aliases must be readable for a bare alias link to count as one.
  const aliasTargets = notes.filter((n) => n.shapes.has('aliases') && n.badYaml < 0);
  const linkable = nonTemplates;
  const headingTargets = linkable.flatMap((t) => t.headings.map((h) => ({ t, h })));
  const blockTargets = linkable.flatMap((t) => t.blocks.map((b) => ({ t, id: b.id })));
  const pairNames = notes.filter((n) => n.role === 'project').map((n) => n.name);
  // Every block id is linked from somewhere, and so is every heading with an emoji or a
  // stray U+FE0F: the notes carrying block links and heading links share them out.
  const spread = <T>(shape: RealShape, items: readonly T[]): Map<number, T[]> => {
    const holders = notes.filter((n) => n.shapes.has(shape));
    const out = new Map<number, T[]>();
    items.forEach((item, k) => {
      const h = holders[k % Math.max(1, holders.length)];
      if (h !== undefined) out.set(h.idx, [...(out.get(h.idx) ?? []), item]);
    });
    return out;
  };
  const blockLinksOf = spread('blockLink', blockTargets);
  const headingLinksOf = spread(
    'headingLink',
    headingTargets.filter(({ h }) => /\p{Extended_Pictographic}|\uFE0F/u.test(h)),
  );

  // ---- writing ------------------------------------------------------------
  prepareOut(out);
  const write = vaultWriter(out);
  const expected: Expected = {
    notes: notes.length,
    links: 0,
    unresolved: [],
    viaAlias: [],
    attachments: [],
    ambiguous: [],
    duplicateBlocks: [],
    invalidFrontmatter: [],
    profile: 'real',
    commentLinks: 0,
  };
  let missing = 0;

  for (const n of notes) {
    const file = fileOf(n);
    const lines: string[] = [];
    const push = (...ls: string[]): void => {
      lines.push(...ls);
    };
    const nextLine = (): number => lines.length + 1;
    const clean = n.badYaml < 0 && n.role !== 'template';
    /** Another note to link to (the note itself only when it is the only one). */
    const other = (): RealNote => {
      for (let tries = 0; tries < 8; tries++) {
        const t = pick(linkable);
        if (t !== n) return t;
      }
      return pick(linkable);
    };

    /** A wikilink to another note, at `line`; may plant an unresolved or alias link. */
    const ref = (line: number): string => {
      expected.links++;
      const t = other();
      const name = linkName(t);
      if (clean && rnd() < broken) {
        const kind = pick(['note', 'heading', 'block'] as const);
        const target =
          kind === 'note' ? `Missing ${int(0, 99999)}` : kind === 'heading' ? `${name}#No Such Heading ${int(0, 999)}` : `${name}#^zz${int(0, 99999)}`;
        expected.unresolved.push({ file, line, kind, target });
        return `[[${target}]]`;
      }
      if (clean && rnd() < 0.01) {
        const a = pick(aliasTargets.length > 0 ? aliasTargets : [t]);
        if (a.shapes.has('aliases') && a.badYaml < 0) {
          expected.viaAlias.push({ file, line, target: a.alias });
          return `[[${a.alias}]]`;
        }
      }
      if (t.byPath) n.shapes.add('pathLink');
      return chance(0.3) ? `[[${name}|${pick(WORDS)}]]` : `[[${name}]]`;
    };
    /** A link that is not counted (it sits in an HTML comment). */
    const commentRef = (): string => {
      expected.commentLinks = (expected.commentLinks ?? 0) + 1;
      return `[[${linkName(other())}]]`;
    };
    const image = (): string => {
      expected.links++;
      const r = rnd();
      if (r < 0.4) return `![[photo-${int(0, PHOTOS - 1)}.png]]`;
      if (r < 0.6) return `![[${PASTED_NAME(int(0, PASTED - 1))}|${pick([200, 300, 400])}]]`;
      if (r < 0.8) return `![${pick(WORDS)}](Attachments/photo-${int(0, PHOTOS - 1)}.png)`;
      return `![](${mdPath(PASTED_NAME(int(0, PASTED - 1)))})`;
    };
    const paragraph = (extra = ''): void => {
      const line = nextLine();
      let text = `${sentence()} ${ref(line)} ${sentence(3, 8)}.`;
      if (chance(0.4)) text += ` ${sentence(3, 8)} ${ref(line)}.`;
      push(text + extra);
    };

    // -- frontmatter
    if (n.shapes.has('frontmatter')) {
      const fm: string[] = [];
      const empty = n.shapes.has('emptyListItem');
      // Obsidian's property editor writes `  - x`; hand-written lists often start at column 1.
      // One indent per note: items at two indents would not parse.
      const ind = chance(0.5) ? '' : '  ';
      const emptyItem = `${ind}-${chance(0.5) ? ' ' : ''}`;
      let emptyPlaced = false;
      if (n.role === 'template') {
        fm.push(`created: {{date}}`);
        if (n.idx % 2 === 0) fm.push('title: "{{title}}"');
        fm.push('type: []');
        fm.push('tags:', emptyItem);
        emptyPlaced = true;
      } else {
        if (n.badYaml === 1) {
          // sequence items at two indents (a hand edit); the error is on the second item
          fm.push('aliases:', `    - ${n.alias}`, `  - ${n.alias}-B`);
        } else if (n.shapes.has('aliases')) {
          if (chance(0.3)) fm.push(`aliases: [${n.alias}]`);
          else fm.push('aliases:', `${ind}- ${n.alias}`);
          if (empty && fm.at(-1) === `${ind}- ${n.alias}` && chance(0.5)) {
            fm.push(emptyItem);
            emptyPlaced = true;
          }
        }
        if (n.shapes.has('typeEmptyList')) fm.push('type: []');
        else if (n.shapes.has('typeUnconfigured')) fm.push(`type: ${pick(['reference', 'evergreen', 'person', 'book'])}`);
        const tags = n.role === 'daily' ? 'daily' : n.role === 'clipping' ? 'clippings' : n.role === 'finance' ? 'finance' : pick(WORDS);
        if (n.badYaml === 0) fm.push('status: draft', `  tags: [${tags}]`);
        else if (n.shapes.has('numericTag')) fm.push(`tags: [${2024 + (n.idx % 3)}, ${tags}]`);
        else {
          fm.push('tags:', `${ind}- ${tags}`);
          if (empty && !emptyPlaced) {
            fm.push(emptyItem);
            emptyPlaced = true;
          }
        }
        if (empty && !emptyPlaced) fm.push('cssclasses:', emptyItem);
        if (n.shapes.has('permalink')) fm.push(`permalink: ${n.folder.toLowerCase().replace(/[^a-z0-9/]+/g, '-')}/${n.idx}`);
        if (n.role === 'clipping') fm.push(`source: "https://example.com/papers/${n.idx}.pdf"`);
        fm.push(`created: 2025-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`);
        // (a frontmatter that does not parse holds no links)
        if (n.shapes.has('frontmatterLink') && n.badYaml < 0) {
          expected.links++;
          fm.push('categories:', `${ind}- "[[${linkName(other())}]]"`);
        }
      }
      push('---', ...fm, '---');
      if (n.badYaml >= 0) {
        const yamlLine = yamlErrorLine(`${fm.join('\n')}\n`);
        if (yamlLine <= 0 || yamlLine !== yamlErrorLine(fm.join('\n')))
          throw new Error(`genvault: real frontmatter variant ${n.badYaml} does not fail at a stable line`);
        expected.invalidFrontmatter.push({ file, line: yamlLine + 1 });
      }
    }

    // -- templates
    if (n.role === 'template') {
      push('# {{title}}', '', `Created {{date:YYYY-MM-DD}} at {{time}}. %%fill in after the meeting%%`, '', '## Notes', '', '- ', '');
      write(file, `${lines.join('\n')}\n`);
      continue;
    }

    // -- body
    const blocksAt = new Map<string, Array<{ id: string; place: BlockPlace }>>();
    n.blocks.forEach((b, k) => {
      const h = n.headings[k % n.headings.length] ?? '';
      blocksAt.set(h, [...(blocksAt.get(h) ?? []), b]);
    });
    if (n.role === 'clipping') push('<span id="page-1-0"></span>', '');
    if (chance(0.5) || n.role === 'clipping') push(`# ${n.name}`, '');
    if (n.shapes.has('obsidianComment')) {
      if (chance(0.5)) push(`${sentence()} %%${sentence(2, 5)}%% ${sentence(2, 6)}.`, '');
      else push('%%', `${sentence()}`, `${sentence()}`, '%%', '');
    }
    if (n.shapes.has('rawHtml') && n.role !== 'clipping') {
      const r = rnd();
      if (r < 0.35) push(`${sentence()}<br>${sentence()}.`, '');
      else if (r < 0.55) push('<div align="center">', '', `${sentence()}.`, '', '</div>', '');
      else if (r < 0.7) push(`<img src="Attachments/photo-${int(0, PHOTOS - 1)}.png" width="320" alt="${pick(WORDS)}">`, '');
      else if (r < 0.8) push(`<iframe width="560" height="315" src="https://www.youtube.com/embed/${hex()}" allowfullscreen></iframe>`, '');
      else if (r < 0.9) push(`<span style="color: red">${sentence()}</span>`, '');
      else {
        push(`<a name="${pick(WORDS)}-${n.idx}"></a>`, `${sentence()}.`, '');
      }
    }
    if (n.shapes.has('htmlComment')) {
      if (n.shapes.has('htmlCommentLink')) {
        const r = rnd();
        if (r < 0.35) push(`<!-- ${sentence(2, 5)} ${commentRef()} -->`, '');
        else if (r < 0.6) push(`${sentence()} <!-- ${commentRef()} --> ${sentence(2, 5)}.`, '');
        else push('<!--', `${sentence()} ${commentRef()}`, `${sentence()} ${commentRef()}`, '-->', '');
      } else {
        push(`<!-- ${sentence(2, 6)} -->`, '');
      }
    }
    paragraph();
    push('');
    if (n.role === 'clipping') {
      // PDF-converted: page anchors and numbered citations linking to them.
      const pages = int(3, 6);
      for (let p = 2; p <= pages; p++) {
        push(`<span id="page-${p}-${p % 3}"></span>${sentence()} ${sentence(3, 6)}.`, '');
      }
      const cites = int(1, 3);
      const cite: string[] = [];
      for (let c = 0; c < cites; c++) {
        expected.links++;
        const p = int(2, pages);
        cite.push(`[${int(1, 40)}](#page-${p}-${p % 3})`);
      }
      paragraph(` See ${cite.join(', ')}.`);
      push('');
      if (chance(0.5)) {
        expected.links++;
        push(`<a name="fig-${n.idx}"></a>${sentence()}.`, '', `As shown in [Figure 1](#fig-${n.idx}).`, '');
      }
    }

    for (const [hIdx, heading] of n.headings.entries()) {
      push(`## ${heading}`, '');
      if (n.role === 'daily') {
        push(`- 09:${pad(int(10, 59), 2)} ${sentence(3, 7)} with ${ref(nextLine())}`, `- [ ] ${sentence(3, 6)}`, `- [x] ${sentence(3, 6)}`, '');
      } else {
        paragraph();
        push('');
      }
      for (const b of blocksAt.get(heading) ?? []) {
        switch (b.place) {
          case 'inline':
            paragraph(` ^${b.id}`);
            push('');
            break;
          case 'own-line':
            paragraph();
            push(`^${b.id}`, '');
            break;
          case 'image':
            push(image(), `^${b.id}`, '');
            break;
          case 'callout':
            push(`> [!${pick(CALLOUTS)}] ${sentence(2, 4)}`, `> ${sentence()}.`, '', `^${b.id}`, '');
            break;
          case 'list':
            push(`- ${sentence(3, 7)} ${ref(nextLine())}`, `- ${sentence(3, 7)} ^${b.id}`, `- ${sentence(3, 7)}`, '');
            break;
          case 'list-multiline':
            push(`- ${sentence(3, 7)} ${ref(nextLine())}`, `- ${sentence(3, 7)}`, `  ${sentence(3, 7)} ^${b.id}`, '');
            break;
        }
      }
      if (hIdx === 0) {
        if (n.shapes.has('image') && !n.blocks.some((b) => b.place === 'image')) push(image(), '');
        if (n.shapes.has('callout') && !n.blocks.some((b) => b.place === 'callout')) {
          const fold = n.shapes.has('foldableCallout') ? pick(['-', '+']) : '';
          push(`> [!${pick(CALLOUTS)}]${fold} ${sentence(2, 4)}`);
          push(`> ${sentence()} ${ref(nextLine())}.`, '');
        } else if (n.shapes.has('foldableCallout')) {
          // A note whose callout carries a block id gets a second, foldable one.
          push(`> [!${pick(CALLOUTS)}]${pick(['-', '+'])} ${sentence(2, 4)}`, `> ${sentence()}.`, '');
        }
        if (n.shapes.has('headingLink')) {
          const parts: string[] = [];
          for (let k = int(1, 2); k > 0; k--) {
            expected.links++;
            const { t, h } = pick(headingTargets);
            parts.push(`[[${linkName(t)}#${h}]]`);
          }
          const own = n.headings[n.headings.length - 1];
          if (own !== undefined) {
            expected.links++;
            parts.push(`[[#${own}]]`);
          }
          push(`${sentence(3, 6)} ${parts.join(' and ')}.`, '');
          for (const { t, h } of headingLinksOf.get(n.idx) ?? []) {
            expected.links++;
            push(`- ${sentence(2, 4)} [[${linkName(t)}#${h}]]`);
          }
          push('');
        }
        if (n.shapes.has('blockLink')) {
          for (const { t, id } of blockLinksOf.get(n.idx) ?? []) {
            expected.links++;
            push(chance(0.5) ? `![[${linkName(t)}#^${id}]]` : `${sentence(3, 6)} [[${linkName(t)}#^${id}|${pick(WORDS)}]].`, '');
          }
        }
        if (n.shapes.has('markdownLink')) {
          const t = other();
          expected.links++;
          push(`${sentence(3, 6)} [${pick(WORDS)}](${mdPath(fileOf(t))}) and [the site](https://example.com/${n.idx}).`, '');
        }
        if (n.shapes.has('table')) {
          const tables = n.role === 'finance' ? int(1, 3) : 1;
          for (let k = 0; k < tables; k++) {
            push('| Metric | 2024 | 2025 | Note |', '| --- | ---: | ---: | --- |');
            for (let row = int(2, 5); row > 0; row--) {
              const cell = chance(0.3) ? ref(nextLine()).replace('|', '\\|') : pick(WORDS);
              push(`| ${cap(pick(WORDS))} | $${int(1, 90)}M | $${int(1, 90)}.${int(0, 9)}M | ${cell} |`);
            }
            push('');
          }
        }
        if (n.shapes.has('latex')) {
          push(
            `The ratio $\\frac{D_1}{r - g}$ sets value when $g < r$, and $x^2$ grows faster.`,
            '',
            '$$',
            'V_0 = \\sum_{t=1}^{T} \\frac{CF_t}{(1 + r)^t}',
            '$$',
            '',
          );
        }
        if (n.shapes.has('money')) push(`Revenue reached $${int(2, 90)}M, up from $${int(1, 9)}M; shares traded between $5 and $10 before the offer.`, '');
        if (n.shapes.has('footnote')) push(`${sentence()}.[^1]`, '', `[^1]: ${sentence()}.`, '');
      }
      if (hIdx === n.headings.length - 1) {
        if (n.rare === 'attachment') {
          const target = `missing-scan-${++missing}.png`;
          expected.links++;
          expected.attachments.push({ file, line: nextLine(), target });
          push(`![[${target}]]`, '');
        }
        if (n.rare === 'ambiguous' && pairNames.length > 0) {
          const target = pick(pairNames);
          expected.links++;
          expected.ambiguous.push({ file, line: nextLine(), target });
          push(`${sentence()} [[${target}]] ${sentence(3, 6)}.`, '');
        }
        if (n.rare === 'duplicate') {
          const id = `dup${n.idx}`;
          push(`${sentence()}. ^${id}`, '');
          expected.duplicateBlocks.push({ file, line: nextLine(), id });
          push(`${sentence()}. ^${id}`, '');
        }
      }
    }
    push(`- [Source](https://example.com/notes/${n.idx})`);
    write(file, `${lines.join('\n')}\n`);
  }

  const shapes: Record<string, number> = Object.fromEntries(REAL_SHAPES.map((s) => [s, 0]));
  for (const n of notes) for (const s of n.shapes) shapes[s] = (shapes[s] ?? 0) + 1;
  expected.shapes = shapes;
  for (let k = 0; k < PHOTOS; k++) write(`Attachments/photo-${k}.png`, PNG);
  for (let k = 0; k < PASTED; k++) write(`Attachments/${PASTED_NAME(k)}`, PNG);
  write('.expected.json', `${JSON.stringify(expected, null, 1)}\n`);
  return expected;
}
