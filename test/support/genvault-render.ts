// Opt-in content for the render features of issue 15 (`generateVault({ features: { render } })`):
// fenced code in common languages, inline and display math, Mermaid diagrams, iframes and
// YouTube image links, PDF embeds, and `.canvas` boards and `.base` views embedded from notes.
// The lines go at the end of a note, after everything the default profile writes, so planted
// line numbers do not move; each kind draws from its own seeded PRNG, so turning one kind on
// never changes another's content, and a vault with every kind holds exactly the content of
// the vaults with one kind each. The benchmark builds such vaults (bench/lib/features.ts).
import { makeRng } from './genvault.js';
import { BASE_FOLDERS, boardJson, CODE_SNIPPETS, MATH_DISPLAY, MATH_INLINE, mermaidDiagram, PDF_BYTES, viewYaml } from './genvault-snippets.js';

export interface RenderFeatures {
  /** Share of notes given 1–3 fenced code blocks in languages Shiki knows. */
  code?: number;
  /** Share of notes given a sentence with inline math and a display block. */
  math?: number;
  /** Share of notes given a ```mermaid diagram. */
  mermaid?: number;
  /** Share of notes given an allowed `<iframe>` (YouTube, Vimeo) or a YouTube image link. */
  iframes?: number;
  /** Share of notes given a PDF embed (attachments/report-N.pdf). */
  pdf?: number;
  /** `.canvas` files written in Boards/, each embedded from two notes. */
  canvases?: number;
  /** `.base` files written in Bases/ (table views over a folder), each embedded from two notes. */
  bases?: number;
}

/** What was planted: notes touched per kind, and the files written. */
export type RenderPlanted = Record<'code' | 'codeBlocks' | 'math' | 'mermaid' | 'iframes' | 'pdf' | 'canvases' | 'bases' | 'embeds', number>;

export interface RenderPlanter {
  /** Lines to append to base note `index`, and how many `![[…]]` references they hold. */
  note: (index: number) => { lines: string[]; links: number };
  /** Writes the boards, views and PDFs (call after the notes). */
  files: (write: (rel: string, data: string | Buffer) => void) => void;
  planted: RenderPlanted;
}

const PDFS = 5;
const KIND_SEEDS = { code: 0x15c0de, math: 0x15a7e, mermaid: 0x15d1a, iframes: 0x15f4a, pdf: 0x15bdf, hosts: 0x1505e } as const;

/** `files`: vault-relative paths of the base notes, in generation order. */
export function renderPlanter(seed: number, features: RenderFeatures, files: readonly string[]): RenderPlanter {
  const stream = (kind: keyof typeof KIND_SEEDS) => makeRng((seed ^ KIND_SEEDS[kind]) >>> 0);
  const rng = { code: stream('code'), math: stream('math'), mermaid: stream('mermaid'), iframes: stream('iframes'), pdf: stream('pdf') };
  const planted: RenderPlanted = { code: 0, codeBlocks: 0, math: 0, mermaid: 0, iframes: 0, pdf: 0, canvases: 0, bases: 0, embeds: 0 };
  const canvases = Math.max(0, Math.floor(features.canvases ?? 0));
  const bases = Math.max(0, Math.floor(features.bases ?? 0));
  const embedsAt = embedHosts(stream('hosts'), files.length, canvases, bases);
  const hit = (kind: keyof typeof rng, share: number | undefined): boolean => share !== undefined && share > 0 && rng[kind]() < share;
  const pick = <T>(rnd: () => number, xs: readonly T[]): T => {
    const x = xs[Math.floor(rnd() * xs.length)];
    if (x === undefined) throw new Error('genvault-render: pick from empty list');
    return x;
  };

  const note = (index: number): { lines: string[]; links: number } => {
    const lines: string[] = [];
    let links = 0;
    if (hit('code', features.code)) {
      planted.code++;
      const count = 1 + Math.floor(rng.code() * 3);
      for (let i = 0; i < count; i++) {
        const [lang, make] = pick(rng.code, CODE_SNIPPETS);
        lines.push('', `\`\`\`${lang}`, make(planted.codeBlocks), '```');
        planted.codeBlocks++;
      }
    }
    if (hit('math', features.math)) {
      planted.math++;
      const n = index % 97;
      lines.push('', `The spread follows ${pick(rng.math, MATH_INLINE)(n)}, against $10M of flows.`, '', '$$', pick(rng.math, MATH_DISPLAY)(n), '$$');
    }
    if (hit('mermaid', features.mermaid)) {
      planted.mermaid++;
      lines.push('', '```mermaid', mermaidDiagram(index), '```');
    }
    if (hit('iframes', features.iframes)) {
      planted.iframes++;
      const id = `v${index.toString(36).padStart(10, '0')}`;
      const r = rng.iframes();
      if (r < 0.4) lines.push('', `<iframe width="560" height="315" src="https://www.youtube.com/embed/${id}" title="Briefing"></iframe>`);
      else if (r < 0.6) lines.push('', `<iframe src="https://player.vimeo.com/video/${76979871 + index}" width="640" height="360"></iframe>`);
      else lines.push('', `![Briefing](https://www.youtube.com/watch?v=${id})`);
    }
    if (hit('pdf', features.pdf)) {
      planted.pdf++;
      links++;
      const page = 1 + Math.floor(rng.pdf() * 4);
      lines.push('', `![[report-${index % PDFS}.pdf${page > 1 ? `#page=${page}` : ''}]]`);
    }
    for (const embed of embedsAt.get(index) ?? []) {
      planted.embeds++;
      links++;
      lines.push('', `![[${embed}]]`);
    }
    return { lines, links };
  };

  const writeFiles = (write: (rel: string, data: string | Buffer) => void): void => {
    if ((features.pdf ?? 0) > 0) for (let k = 0; k < PDFS; k++) write(`attachments/report-${k}.pdf`, PDF_BYTES);
    for (let k = 0; k < canvases; k++) {
      const around = (offset: number) => files[(k * 131 + offset * 17) % Math.max(1, files.length)] ?? '';
      write(`Boards/Board ${k + 1}.canvas`, boardJson(k, [around(0), around(1), around(2), around(3)]));
      planted.canvases++;
    }
    for (let k = 0; k < bases; k++) {
      write(`Bases/View ${k + 1}.base`, viewYaml(k, BASE_FOLDERS[k % BASE_FOLDERS.length] ?? ['Rotations', 'rotation']));
      planted.bases++;
    }
  };
  return { note, files: writeFiles, planted };
}

/** Which base notes embed which board or view: two distinct notes each, chosen by `rnd`. */
function embedHosts(rnd: () => number, total: number, canvases: number, bases: number): Map<number, string[]> {
  const hosts = new Map<number, string[]>();
  if (total === 0) return hosts;
  const targets = [...Array.from({ length: canvases }, (_, k) => `Board ${k + 1}.canvas`), ...Array.from({ length: bases }, (_, k) => `View ${k + 1}.base`)];
  for (const target of targets) {
    for (let copy = 0; copy < 2; copy++) {
      const at = Math.floor(rnd() * total);
      const list = hosts.get(at) ?? [];
      if (!list.includes(target)) list.push(target);
      hosts.set(at, list);
    }
  }
  return hosts;
}
