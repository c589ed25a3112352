// The last good payload of each HTTP feed, under `.almanac/feeds/`, for conditional
// requests and `--offline`. Only the source as configured is stored, never expanded
// `${VAR}` values or request headers.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Validators } from './http.js';
import { makeCacheDir } from '../cache-dir.js';
import { replaceFile } from '../util/atomic-file.js';

export interface CachedPayload extends Validators {
  /** The feed's `source` as written in the config (placeholders unexpanded). */
  source: string;
  contentType: string | null;
  fetchedAt: string;
  body: string;
}

const metaSchema = z.object({
  source: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  contentType: z.string().nullable(),
  fetchedAt: z.string(),
});

export function cacheDir(projectDir: string): string {
  return join(projectDir, '.almanac', 'feeds');
}

/** The cached payload of `feed`, or null when there is none for this source. */
export async function readCache(dir: string, feed: string, source: string): Promise<CachedPayload | null> {
  try {
    const meta = metaSchema.safeParse(JSON.parse(await readFile(join(dir, `${feed}.json`), 'utf8')));
    if (!meta.success || meta.data.source !== source) return null;
    return { ...meta.data, body: await readFile(join(dir, `${feed}.body`), 'utf8') };
  } catch {
    return null;
  }
}

export async function writeCache(dir: string, feed: string, payload: CachedPayload): Promise<void> {
  if (!makeCacheDir(dir)) await mkdir(dir, { recursive: true });
  const { body, ...meta } = payload;
  await replaceFile(join(dir, `${feed}.body`), body);
  await replaceFile(join(dir, `${feed}.json`), `${JSON.stringify(meta, null, 2)}\n`);
}
