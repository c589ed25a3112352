// Deterministic synthetic Obsidian vault generator with planted defects.
//
// Used by tests (import { generateVault }) and by the benchmark, as a CLI:
//   npx tsx test/support/genvault.ts --out DIR --notes 10000 [--seed 7] [--broken 0.02] [--feeds]
//     [--profile real]
//
// `--profile real` (genvault-real.ts) writes a vault shaped like people's vaults instead
// (empty frontmatter list items, `%%` and HTML comments, raw HTML, block ids on their own
// line, Templater placeholders…), with the same kinds of planted defects. What follows
// describes the default profile, whose output never changes with the real one.
//
// The vault is shaped like the workplace reference generator's output: notes in
// Rotations/ Analysts/ ETFs/ Companies/ Concepts/ Theses/ Firms/ Events/, a few
// same-named copies under Archive/, 50 tiny PNGs in attachments/, and
// DIR/.expected.json describing every planted defect (see `Expected`).
//
// Everything that is not listed in `Expected` is valid under these rules:
//   - a link target resolves case-insensitively by file name (without `.md`), or
//     by vault path (`Archive/Rotations/Rotation 00007`, `Firms/Harbor Capital 1`);
//   - when several files share a name, the one with the shortest path wins, so
//     bare links to Archive originals are fine; links to Archive copies and to
//     the same-depth Firms/Events pairs always use the vault path;
//   - `#Heading` names a heading of the target, `#^id` one of its block ids;
//   - `![[chart-N.png]]` points to an existing file in attachments/.
// Same options give byte-identical output: one seeded PRNG drives the vault and a
// second, independent one drives the optional feed regions.
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { generateRealVault } from './genvault-real.js';
import { renderPlanter, type RenderFeatures, type RenderPlanted } from './genvault-render.js';

export interface GenOptions {
  out: string;
  notes: number;
  seed?: number;
  broken?: number;
  /** `render`: content for the render features (genvault-render.ts), appended to notes; off by default. */
  features?: { feeds?: boolean; render?: RenderFeatures };
  /** `real`: notes shaped like people's vaults (genvault-real.ts). Default: `default`. */
  profile?: 'default' | 'real';
}

/**
 * file: vault-relative, forward slashes; line: 1-based in the file as stored
 * (frontmatter lines count); target: the link as written up to the `|`, with the
 * `\` of `\|` removed, without `[[`/`]]`/`!`.
 */
export interface PlantedRef {
  file: string;
  line: number;
  target: string;
}

export interface FeedRegion {
  file: string;
  /** 1-based line of the `<!-- feed: NAME -->` marker. */
  line: number;
  name: string;
}

export interface Expected {
  /** Markdown files written (base notes + Archive copies + same-name pairs). */
  notes: number;
  /** Every `[[...]]` / `![[...]]` outside code (note links, note embeds, image embeds). */
  links: number;
  unresolved: Array<PlantedRef & { kind: 'note' | 'heading' | 'block' }>;
  viaAlias: PlantedRef[];
  attachments: PlantedRef[];
  ambiguous: PlantedRef[];
  duplicateBlocks: Array<{ file: string; line: number; id: string }>;
  /**
   * line: 1-based line in the file. It is the line the `yaml` package reports for
   * the first error when parsing the text between the `---` fences, plus one
   * for the opening `---`.
   */
  invalidFrontmatter: Array<{ file: string; line: number }>;
  /** Only present when `features.feeds` is on. */
  feeds?: FeedRegion[];
  /** Tables with a `%% chart: … %%` comment (2% of the Data tables); absent when none. */
  charts?: number;
  /** The rest only with `profile: 'real'`. */
  profile?: 'real';
  /** `[[links]]` inside HTML comments (not in `links`). */
  commentLinks?: number;
  /** How many notes carry each real-vault construct (genvault-real.ts REAL_SHAPES). */
  shapes?: Record<string, number>;
  /** Only with `features.render`: what genvault-render.ts planted (its embeds count in `links`). */
  render?: RenderPlanted;
}

const KINDS: ReadonlyArray<readonly [folder: string, type: string]> = [
  ['Rotations', 'rotation'],
  ['Analysts', 'analyst'],
  ['ETFs', 'etf'],
  ['Companies', 'company'],
  ['Concepts', 'concept'],
  ['Theses', 'thesis'],
  ['Firms', 'firm'],
  ['Events', 'event'],
];
/** Folders holding the same-name pairs; notes in them never carry an ambiguous link. */
const PAIR_FOLDERS = ['Firms', 'Events'] as const;
const PAIR_STEMS = ['Harbor', 'Meridian', 'Summit', 'Granite', 'Beacon', 'Keystone', 'Northwind', 'Atlas'];

const WORDS = (
  'capital flows sector value growth cyclical defensive breadth earnings valuation spread small cap mega ' +
  'momentum yield credit duration inflation policy reshoring copper grid capex margin multiple dispersion ' +
  'rates dollar liquidity buyback guidance revision leadership'
).split(' ');
const SECTIONS = ['Summary', 'Drivers', 'Data', 'Risks', 'Indicators to watch', 'Related'] as const;
type Section = (typeof SECTIONS)[number];
/** Sections with prose paragraphs; each has one block id on its first paragraph. */
const PROSE: readonly Section[] = SECTIONS.filter((s) => s !== 'Data');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FEED_KINDS = ['flows', 'holdings', 'prices'];
const CHARTS = 50;

/** 1x1 transparent PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' + '0000000d4944415478da63f8cfc0f01f0005000201a5f5d5b50000000049454e44ae426082',
  'hex',
);

interface NoteSpec {
  idx: number;
  folder: string;
  type: string;
  name: string;
  alias: string;
  blocks: string[];
  /** Links to this note use its vault path (Archive copies, same-name pairs). */
  byPath: boolean;
  /** Frontmatter defect variant, or -1 for valid frontmatter. */
  badYaml: number;
  /** Rare defect planted in this note's body. */
  rare: 'none' | 'attachment' | 'ambiguous' | 'duplicate';
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function makeRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const fileOf = (n: NoteSpec): string => `${n.folder}/${n.name}.md`;
const linkName = (n: NoteSpec): string => (n.byPath ? `${n.folder}/${n.name}` : n.name);

/** Throws unless `out` is absent, empty, or a previously generated vault. */
export function prepareOut(out: string): void {
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes('.expected.json')) {
    throw new Error(`genvault: refusing to overwrite ${out}: not empty and not a generated vault`);
  }
  rmSync(out, { recursive: true, force: true });
}

/**
 * Frontmatter for a note. Variants >= 0 are YAML that does not parse; each puts
 * the error on a line that does not depend on whether the extracted YAML text
 * ends with a newline (unlike an unclosed quote, which the parser reports at
 * end of input), and each also fails in js-yaml (gray-matter) on the same line.
 */
function frontmatter(n: NoteSpec, updated: string): string[] {
  const aliases = `aliases: [${n.alias}]`;
  const tags = `tags: [markets, ${n.type}]`;
  switch (n.badYaml) {
    case 0: // a key indented under a scalar mapping
      return [`type: ${n.type}`, aliases, `  ${tags}`, `updated: ${updated}`];
    case 1: // sequence items at two different indents
      return [`type: ${n.type}`, 'aliases:', `    - ${n.alias}`, `  - ${n.alias}-B`, tags, `updated: ${updated}`];
    case 2: // nested mapping in a compact (plain) value
      return [`type: ${n.type}`, aliases, tags, `summary: flows: rotating into ${n.type}`, `updated: ${updated}`];
    case 3: // flow sequence never closed
      return [`type: ${n.type}`, `aliases: [${n.alias}`, tags, `updated: ${updated}`];
    default:
      return [`type: ${n.type}`, aliases, tags, `updated: ${updated}`];
  }
}
const BAD_YAML_VARIANTS = 4;

/** 1-based YAML line of the first parse error, or 0 when the text parses. */
export function yamlErrorLine(text: string): number {
  const err = parseDocument(text).errors[0];
  if (err === undefined) return 0;
  return err.linePos?.[0].line ?? -1;
}

export function generateVault(opts: GenOptions): Expected {
  if (opts.profile === 'real') return generateRealVault(opts);
  const total = Math.floor(opts.notes);
  if (!Number.isFinite(total) || total < 0) throw new Error(`genvault: bad note count ${opts.notes}`);
  const broken = opts.broken ?? 0.02;
  if (!(broken >= 0 && broken <= 1)) throw new Error(`genvault: broken must be in [0, 1], got ${broken}`);
  const seed = opts.seed ?? 7;
  const feedsOn = opts.features?.feeds === true;
  const out = resolve(opts.out);

  const rnd = makeRng(seed);
  const feedRnd = makeRng((seed ^ 0x5f3759df) >>> 0);
  // Chart comments draw from their own stream, so the rest of the vault is as it was without them.
  const chartRnd = makeRng((seed ^ 0x2545f491) >>> 0);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rnd() * xs.length)];
    if (x === undefined) throw new Error('genvault: pick from empty list');
    return x;
  };
  const date = (): string => `2026-${pad(int(1, 11), 2)}-${pad(int(1, 28), 2)}`;

  // ---- the cast -----------------------------------------------------------
  const notes: NoteSpec[] = [];
  const addNote = (folder: string, type: string, name: string, alias: string, byPath: boolean): NoteSpec => {
    const n: NoteSpec = { idx: notes.length, folder, type, name, alias, blocks: [], byPath, badYaml: -1, rare: 'none' };
    n.blocks = PROSE.map((_, k) => `b${n.idx.toString(36)}s${k}`);
    notes.push(n);
    return n;
  };
  for (let i = 0; i < total; i++) {
    const kind = KINDS[i % KINDS.length];
    if (kind === undefined) throw new Error('unreachable');
    const [folder, type] = kind;
    addNote(folder, type, `${type[0]?.toUpperCase() ?? ''}${type.slice(1)} ${pad(i, 5)}`, `${type.toUpperCase()}-${i}`, false);
  }
  // Archive copies: same file name one level deeper. A bare link resolves to the
  // original (shorter path), so links to the copies carry the folder.
  const archived = Math.min(10, Math.floor(total / 100));
  for (let k = 0; k < archived; k++) {
    const src = notes[k * 7];
    if (src === undefined) break;
    addNote(`Archive/${src.folder}`, src.type, src.name, `${src.alias}-OLD`, true);
  }
  // Same-name pairs at the same depth (Firms/X.md and Events/X.md): a bare [[X]]
  // from any other folder is ambiguous. Ordinary links to them use the path.
  const rareCount = total >= 20 ? Math.max(1, Math.round(total / 200)) : 0;
  const pairNames: string[] = [];
  const pairCount = rareCount > 0 ? Math.min(20, Math.max(1, Math.round(total / 500))) : 0;
  for (let k = 0; k < pairCount; k++) {
    const name = `${PAIR_STEMS[k % PAIR_STEMS.length] ?? 'Harbor'} Capital ${k + 1}`;
    pairNames.push(name);
    addNote(PAIR_FOLDERS[0], 'firm', name, `FIRM-CAPITAL-${k + 1}`, true);
    addNote(PAIR_FOLDERS[1], 'event', name, `EVENT-CAPITAL-${k + 1}`, true);
  }

  // Rare defects, each in its own base note (never in Firms/ or Events/, so an
  // ambiguous link's source is in neither pair folder).
  const eligible = notes.filter((n) => n.idx < total && !(PAIR_FOLDERS as readonly string[]).includes(n.folder));
  const taken = new Set<number>();
  const choose = (): NoteSpec | undefined => {
    if (taken.size >= eligible.length) return undefined;
    for (;;) {
      const n = pick(eligible);
      if (!taken.has(n.idx)) {
        taken.add(n.idx);
        return n;
      }
    }
  };
  for (let k = 0; k < rareCount; k++) {
    const bad = choose();
    if (bad) bad.badYaml = k % BAD_YAML_VARIANTS;
    for (const rare of ['attachment', 'ambiguous', 'duplicate'] as const) {
      const n = choose();
      if (n) n.rare = rare;
    }
  }

  // ---- writing ------------------------------------------------------------
  prepareOut(out);
  const write = vaultWriter(out);
  const render = opts.features?.render ? renderPlanter(seed, opts.features.render, notes.slice(0, total).map(fileOf)) : null;

  const expected: Expected = {
    notes: notes.length,
    links: 0,
    unresolved: [],
    viaAlias: [],
    attachments: [],
    ambiguous: [],
    duplicateBlocks: [],
    invalidFrontmatter: [],
  };
  if (feedsOn) expected.feeds = [];
  let missingCharts = 0;
  let feedNo = 0;

  const sentence = (): string => {
    const len = int(7, 15);
    const words: string[] = [];
    for (let w = 0; w < len; w++) words.push(pick(WORDS));
    return words.join(' ');
  };

  for (const n of notes) {
    const file = fileOf(n);
    const lines: string[] = [];
    const push = (l: string): void => {
      lines.push(l);
    };
    const nextLine = (): number => lines.length + 1;
    // Notes with broken frontmatter carry only valid links (no planted link defects).
    const clean = n.badYaml < 0;

    /** A reference to a random note; may plant an unresolved or alias link. */
    const ref = (line: number, inTable: boolean): string => {
      const t = pick(notes);
      const name = linkName(t);
      const bar = inTable ? '\\|' : '|';
      expected.links++;
      if (clean && rnd() < broken) {
        const kind = pick(['note', 'heading', 'block'] as const);
        const target =
          kind === 'note' ? `Missing ${int(0, 99999)}` : kind === 'heading' ? `${name}#No Such Heading ${int(0, 999)}` : `${name}#^zz${int(0, 99999)}`;
        expected.unresolved.push({ file, line, kind, target });
        return `[[${target}]]`;
      }
      const r = rnd();
      if (r < 0.5) return `[[${r < 0.03 && !t.byPath ? name.toLowerCase() : name}]]`;
      if (r < 0.65) return `[[${name}${bar}${pick(WORDS)}]]`;
      if (r < 0.8) return `[[${name}#${pick(SECTIONS)}]]`;
      if (r < 0.9) return `[[${name}#^${pick(t.blocks)}]]`;
      if (r < 0.95) return `[[${name}#${pick(SECTIONS)}${bar}${pick(WORDS)}]]`;
      // A bare alias is not a link target in Obsidian. The target's aliases must be
      // readable, so never alias a note whose frontmatter is broken.
      if (clean && t.badYaml < 0) {
        expected.viaAlias.push({ file, line, target: t.alias });
        return `[[${t.alias}]]`;
      }
      return `[[${name}]]`;
    };

    const updated = date();
    push('---');
    const fm = frontmatter(n, updated);
    for (const l of fm) push(l);
    push('---');
    if (n.badYaml >= 0) {
      const yamlLine = yamlErrorLine(`${fm.join('\n')}\n`);
      if (yamlLine <= 0 || yamlLine !== yamlErrorLine(fm.join('\n'))) {
        throw new Error(`genvault: frontmatter variant ${n.badYaml} does not fail at a stable line`);
      }
      expected.invalidFrontmatter.push({ file, line: yamlLine + 1 });
    }
    push(`#${n.type} #markets/rotation`);
    push('');
    push(`# ${n.name}`);
    push('');

    for (const sec of SECTIONS) {
      push(`## ${sec}`);
      push('');
      if (sec === 'Data') {
        // 2% of tables are drawn as charts (`%% chart %%` on the line before, charts/).
        if (chartRnd() < 0.02) {
          expected.charts = (expected.charts ?? 0) + 1;
          push('%% chart: bar x=Item y=Value %%');
        }
        push('| Item | Link | Value |');
        push('|------|------|-------|');
        const rows = int(3, 8);
        for (let row = 0; row < rows; row++) {
          const line = nextLine();
          let cell: string;
          if (rnd() < 0.3) {
            const t = pick(notes);
            expected.links++;
            cell = `[[${linkName(t)}\\|${t.alias}]]`;
          } else {
            cell = ref(line, true);
          }
          push(`| ${pick(WORDS)} | ${cell} | ${int(-50, 300)}% |`);
        }
        push('');
        if (feedsOn && feedRnd() < 0.05) {
          const name = `${FEED_KINDS[feedNo % FEED_KINDS.length] ?? 'flows'}-${feedNo + 1}`;
          feedNo++;
          expected.feeds?.push({ file, line: nextLine(), name });
          push(`<!-- feed: ${name} -->`);
          push('| Month | Flow | Notes |');
          push('|-------|------|-------|');
          const months = 3 + Math.floor(feedRnd() * 4);
          for (let m = 0; m < months; m++) {
            const flow = Math.floor(feedRnd() * 400) - 100;
            push(`| ${MONTHS[m] ?? 'Jan'} | ${flow < 0 ? '-' : '~'}$${Math.abs(flow)}M |  |`);
          }
          push('<!-- /feed -->');
          push('');
        }
        if (rnd() < 0.15) {
          expected.links++;
          push(`![[chart-${int(0, CHARTS - 1)}.png]]`);
          push('');
        }
        if (n.rare === 'attachment') {
          const target = `missing-chart-${++missingCharts}.png`;
          expected.links++;
          expected.attachments.push({ file, line: nextLine(), target });
          push(`![[${target}]]`);
          push('');
        }
        continue;
      }

      const blockId = n.blocks[PROSE.indexOf(sec)];
      const paragraphs = int(1, 3);
      for (let p = 0; p < paragraphs; p++) {
        const line = nextLine();
        let text = `${sentence()} ${ref(line, false)} ${sentence()}.`;
        if (rnd() < 0.45) text += ` ${ref(line, false)} ${sentence()}.`;
        if (p === 0 && blockId !== undefined) text += ` ^${blockId}`;
        push(text);
        push('');
      }
      if (sec === 'Summary' && rnd() < 0.3) {
        push('```text');
        push('[[Not A Link Inside Code]] and ![[neither]]');
        push('```');
        push('');
        push('Inline `[[also not a link]]` stays literal.');
        push('');
      }
      if (sec === 'Drivers' && rnd() < 0.1) {
        expected.links++;
        push(`![[chart-${n.idx % CHARTS}.png]]`);
        push('');
      }
      if (sec === 'Risks' && rnd() < 0.5) {
        push('> [!warning] Risk');
        push(`> ${sentence()} ${ref(nextLine(), false)}.`);
        push('');
      }
      if (sec === 'Indicators to watch' && rnd() < 0.2) {
        expected.links++;
        push(`![[${linkName(pick(notes))}#Summary]]`);
        push('');
      }
      if (sec === 'Related') {
        if (n.rare === 'ambiguous') {
          const target = pick(pairNames);
          expected.links++;
          expected.ambiguous.push({ file, line: nextLine(), target });
          push(`${sentence()} [[${target}]] ${sentence()}.`);
          push('');
        }
        if (n.rare === 'duplicate') {
          const id = n.blocks[0] ?? 'b0s0';
          expected.duplicateBlocks.push({ file, line: nextLine(), id });
          push(`${sentence()}. ^${id}`);
          push('');
        }
      }
    }
    push(`*Updated ${updated}*`);
    push('');
    push(`- [Source ${n.idx}](https://example.com/research/${n.idx}) (Jan 2026)`);
    if (render && n.idx < total) {
      const added = render.note(n.idx);
      expected.links += added.links;
      lines.push(...added.lines);
    }
    write(file, `${lines.join('\n')}\n`);
  }

  for (let k = 0; k < CHARTS; k++) write(`attachments/chart-${k}.png`, PNG);
  if (render) {
    render.files(write);
    expected.render = render.planted;
  }
  write('.expected.json', `${JSON.stringify(expected, null, 1)}\n`);
  return expected;
}

// ---- CLI --------------------------------------------------------------------
const USAGE = 'usage: genvault.ts --out DIR [--notes N] [--seed S] [--broken RATE] [--feeds] [--profile default|real]';

function parseArgs(argv: readonly string[]): GenOptions | string {
  const values = new Map<string, string>();
  let feeds = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--feeds') {
      feeds = true;
      continue;
    }
    if (!['--out', '--notes', '--seed', '--broken', '--profile'].includes(a)) return `unknown argument: ${a}`;
    const v = argv[i + 1];
    if (v === undefined) return `missing value for ${a}`;
    values.set(a.slice(2), v);
    i++;
  }
  const out = values.get('out');
  if (out === undefined || out === '') return 'missing --out';
  const num = (key: string, fallback: number): number => {
    const v = values.get(key);
    return v === undefined ? fallback : Number(v);
  };
  const notes = num('notes', 2000);
  const seed = num('seed', 7);
  const broken = num('broken', 0.02);
  if (!Number.isInteger(notes) || notes < 0) return `bad --notes: ${values.get('notes') ?? ''}`;
  if (!Number.isInteger(seed)) return `bad --seed: ${values.get('seed') ?? ''}`;
  if (!(broken >= 0 && broken <= 1)) return `bad --broken: ${values.get('broken') ?? ''}`;
  const profile = values.get('profile') ?? 'default';
  if (profile !== 'default' && profile !== 'real') return `bad --profile: ${profile} (default or real)`;
  return { out, notes, seed, broken, features: { feeds }, profile };
}

function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  if (import.meta.url === pathToFileURL(script).href) return true;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(`genvault: ${parsed}\n${USAGE}`);
    process.exit(2);
  }
  const e = generateVault(parsed);
  console.log(
    `wrote ${e.notes} notes, ${e.links} references, ${e.unresolved.length} planted unresolved, ` +
      `${e.viaAlias.length} alias links, ${e.attachments.length} missing attachments, ` +
      `${e.ambiguous.length} ambiguous, ${e.duplicateBlocks.length} duplicate block ids, ` +
      `${e.invalidFrontmatter.length} invalid frontmatter to ${parsed.out}`,
  );
}

/** Writes vault-relative files under `out`, making each folder once. */
export function vaultWriter(out: string): (rel: string, data: string | Buffer) => void {
  const madeDirs = new Set<string>();
  return (rel, data) => {
    const slash = rel.lastIndexOf('/');
    const dir = slash < 0 ? out : join(out, rel.slice(0, slash));
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(join(out, rel), data);
  };
}
