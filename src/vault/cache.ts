// Parsed-note cache under .almanac/cache: parsed notes keyed by a hash of their
// source, in a file keyed by Almanac's version, so a stale cache is never used.
// Each note is kept as its own serialized bytes (read back only when asked for), and a
// note whose bytes pass PACK_OVER is gzipped: a note of 10,000 links keeps 10,000 link
// contexts that overlap, which compress to a few bytes each (cache size stays linear in
// the note, ~2.3x its source at 10,000 links on one line, where storing each link's whole
// sentence made a 990 MB file).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { makeCacheDir } from '../cache-dir.js';
import type { ParsedNote } from '../parse/types.js';
import { VERSION } from '../version.js';
import { writeFileAtomicSync } from '../util/atomic-file.js';

/** Bump when the parsed form changes without a version bump (e.g. during development). */
const CACHE_REVISION = 17;

/** Serialized notes larger than this are gzipped (fast level). */
const PACK_OVER = 16 * 1024;

export interface CacheEntry {
  hash: string;
  /** The note, serialized (v8), gzipped when `packed`. */
  bytes: Uint8Array;
  packed: boolean;
}

export function hashSource(source: string): string {
  return createHash('sha1').update(source).digest('hex');
}

/** The same note without its mdast tree (check needs only the facts). */
export function stripTree(note: ParsedNote): ParsedNote {
  return { ...note, tree: { type: 'root', children: [] } };
}

/** A note as the cache keeps it (without its hash). Parse threads pack the notes they parse,
 * so the main thread does not serialize and gzip 10,000 notes after they come back. */
export interface PackedNote {
  bytes: Uint8Array;
  packed: boolean;
}

export function packNote(note: ParsedNote): PackedNote {
  const bytes = serialize(note);
  const packed = bytes.length > PACK_OVER;
  return { bytes: packed ? gzipSync(bytes, { level: constants.Z_BEST_SPEED }) : bytes, packed };
}

export class ParseCache {
  readonly file: string;
  private entries: Map<string, CacheEntry>;
  private dirty = false;

  constructor(dir: string, variant: string) {
    const key = hashSource(`${VERSION}\0${CACHE_REVISION}\0${process.versions.node.split('.')[0] ?? ''}\0${variant}`).slice(0, 16);
    this.file = join(dir, `parsed-${key}.bin`);
    this.entries = ParseCache.read(this.file);
  }

  private static read(file: string): Map<string, CacheEntry> {
    try {
      const data: unknown = deserialize(readFileSync(file));
      return data instanceof Map ? (data as Map<string, CacheEntry>) : new Map();
    } catch {
      return new Map();
    }
  }

  get(path: string, hash: string): ParsedNote | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.hash !== hash) return undefined;
    try {
      return deserialize(entry.packed ? gunzipSync(entry.bytes) : entry.bytes) as ParsedNote;
    } catch {
      return undefined;
    }
  }

  set(path: string, hash: string, note: ParsedNote | PackedNote): void {
    const { bytes, packed } = 'bytes' in note ? note : packNote(note);
    this.entries.set(path, { hash, bytes, packed });
    this.dirty = true;
  }

  /** Drop entries for files no longer in the vault, then write atomically if anything changed. */
  save(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const path of this.entries.keys()) {
      if (!keep.has(path)) {
        this.entries.delete(path);
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    // Best effort: a vault that cannot be written (read-only) is parsed again next time.
    if (!makeCacheDir(dirname(this.file))) return;
    if (writeFileAtomicSync(this.file, serialize(this.entries))) this.dirty = false;
  }
}
