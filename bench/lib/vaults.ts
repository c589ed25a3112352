// The vaults measured: generated ones under bench/vaults/ (kept between runs and reused
// while generator, profile, size, seed and content are unchanged), and a copy of the sample vault.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generateVault } from '../../test/support/genvault.js';
import type { RenderFeatures } from '../../test/support/genvault-render.js';
import { GENERATOR, REAL_GENERATOR, RENDER_GENERATOR, SAMPLE_VAULT, VAULTS } from './paths.js';

/** The generator's profiles (genvault.ts `profile`): `default`, or `real` (genvault-real.ts). */
export const PROFILES = ['default', 'real'] as const;
export type Profile = (typeof PROFILES)[number];

export interface BenchVault {
  /** Label in the tables: `10k`, `10k-real`, `sample`. */
  label: string;
  dir: string;
  kind: 'generated' | 'sample';
  /** The generator's profile; null for the sample vault. */
  profile: Profile | null;
  /** Markdown files and their total size. */
  notes: number;
  bytes: number;
  /** `[[…]]` references, when the generator counted them. */
  links: number | null;
  /** Vault-relative path of the note the edit steps append to. */
  editNote: string;
  reused: boolean;
}

/** What a generated vault was made from, and what it held when generated. */
interface Marker {
  generator: string;
  notes: number;
  seed: number;
  /** Absent for the default profile (markers written before profiles existed). */
  profile?: 'real';
  /** The render-feature content planted (genvault `features.render`), as JSON; absent for a plain vault. */
  render?: string;
  expected: string;
  mdFiles: number;
  mdBytes: number;
}

/**
 * A generated vault of that profile; with `variant`, the same default-profile vault plus that
 * render-feature content (bench/lib/features.ts).
 */
export function generatedVault(
  size: number,
  seed: number,
  log: (line: string) => void,
  variant?: { name: string; render: RenderFeatures },
  profile: Profile = 'default',
): BenchVault {
  const real = profile === 'real' ? '-real' : '';
  const name = `n${size}-s${seed}${real}${variant ? `-${variant.name}` : ''}`;
  const dir = join(VAULTS, name);
  const markerFile = join(VAULTS, `${name}.json`);
  const sources = [GENERATOR, ...(real ? [REAL_GENERATOR] : []), ...(variant ? RENDER_GENERATOR : [])];
  const generator = sha(Buffer.concat(sources.map((file) => readFileSync(file))));
  const render = variant ? JSON.stringify(variant.render) : undefined;
  const wanted = { generator, notes: size, seed, render, ...(real ? { profile: 'real' as const } : {}) };
  const reused = isReusable(dir, markerFile, wanted);
  const shown = `${label(size)}${real}${variant ? ` ${variant.name}` : ''}`;
  if (!reused) {
    log(`generating the ${shown} vault (${size} notes, seed ${seed}, ${profile} profile) in ${relative(process.cwd(), dir) || dir} …`);
    mkdirSync(VAULTS, { recursive: true });
    rmSync(markerFile, { force: true });
    // Ours alone: a half-written vault from an interrupted run is replaced.
    rmSync(dir, { recursive: true, force: true });
    generateVault({ out: dir, notes: size, seed, profile, ...(variant ? { features: { render: variant.render } } : {}) });
    const files = markdownFiles(dir);
    const marker: Marker = {
      ...wanted,
      expected: sha(readFileSync(join(dir, '.expected.json'))),
      mdFiles: files.length,
      mdBytes: totalBytes(dir, files),
    };
    writeFileSync(markerFile, `${JSON.stringify(marker, null, 1)}\n`);
  } else {
    log(`reusing the ${shown} vault in ${relative(process.cwd(), dir) || dir}`);
  }
  const expected: unknown = JSON.parse(readFileSync(join(dir, '.expected.json'), 'utf8'));
  const links = typeof expected === 'object' && expected !== null && 'links' in expected && typeof expected.links === 'number' ? expected.links : null;
  return describe(`${label(size)}${real}`, dir, profile, links, reused);
}

/** A fresh copy of notes/, so edits never touch the tracked sample vault. */
export function sampleVault(): BenchVault {
  const dir = join(VAULTS, 'sample');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(VAULTS, { recursive: true });
  cpSync(SAMPLE_VAULT, dir, { recursive: true });
  return describe('sample', dir, null, null, false);
}

function describe(name: string, dir: string, profile: Profile | null, links: number | null, reused: boolean): BenchVault {
  const files = markdownFiles(dir);
  // A note in the middle of the sorted list: an ordinary note, the same one every run.
  const editNote = files[Math.floor(files.length / 2)];
  if (editNote === undefined) throw new Error(`no notes in ${dir}`);
  const kind = profile === null ? 'sample' : 'generated';
  return { label: name, dir, kind, profile, notes: files.length, bytes: totalBytes(dir, files), links, editNote, reused };
}

function isReusable(dir: string, markerFile: string, wanted: Pick<Marker, 'generator' | 'notes' | 'seed' | 'render' | 'profile'>): boolean {
  if (!existsSync(markerFile) || !existsSync(join(dir, '.expected.json'))) return false;
  let marker: Partial<Marker>;
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Partial<Marker>;
  } catch {
    return false;
  }
  if (
    marker.generator !== wanted.generator ||
    marker.notes !== wanted.notes ||
    marker.seed !== wanted.seed ||
    marker.render !== wanted.render ||
    marker.profile !== wanted.profile
  )
    return false;
  if (marker.expected !== sha(readFileSync(join(dir, '.expected.json')))) return false;
  // A run that stopped mid-edit leaves a note longer than generated: start over.
  const files = markdownFiles(dir);
  return marker.mdFiles === files.length && marker.mdBytes === totalBytes(dir, files);
}

export function label(size: number): string {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

/** Vault-relative paths of every `.md` file outside dot folders, sorted. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

function totalBytes(root: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(join(root, file)).size, 0);
}

function sha(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}
