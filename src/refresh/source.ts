// A feed's payload from its source: a file next to almanac.yaml, or HTTP with a cache.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expandEnv, type FeedConfig } from '../config/feeds.js';
import { FeedError } from './errors.js';
import { readCache, writeCache } from './cache.js';
import { httpGet, type HttpOptions } from './http.js';
import { decodePayload } from './payload/index.js';
import type { FeedRecord } from './records.js';

/** Where the records came from: a file, the network, the cache after a 304, or the cache offline. */
export type FeedVia = 'file' | 'network' | 'not-modified' | 'cache';

export interface LoadedFeed {
  records: FeedRecord[];
  via: FeedVia;
}

export interface SourceContext {
  /** Folder relative sources are read from (almanac.yaml's). */
  dir: string;
  cacheDir: string;
  offline: boolean;
  /** Write fresh payloads to the cache. */
  writeCache: boolean;
  http: HttpOptions;
  env: Record<string, string | undefined>;
}

export function isHttpSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function loadFeed(name: string, feed: FeedConfig, context: SourceContext): Promise<LoadedFeed> {
  const http: HttpOptions = {
    ...context.http,
    timeoutMs: feed.timeoutMs ?? context.http.timeoutMs,
    maxBytes: feed.maxBytes ?? context.http.maxBytes,
    retries: feed.retries ?? context.http.retries,
  };
  const source = expand(feed.source, 'source', context.env);
  if (!isHttpSource(feed.source)) return { records: decodePayload(await readLocal(resolve(context.dir, source), http.maxBytes), null, feed), via: 'file' };

  const cached = await readCache(context.cacheDir, name, feed.source);
  if (context.offline) {
    if (!cached) throw new FeedError('offline, and there is no cached copy yet (run `almanac refresh` online once)');
    return { records: decodePayload(cached.body, cached.contentType, feed), via: 'cache' };
  }
  const headers = Object.fromEntries(Object.entries(feed.headers).map(([header, value]) => [header, expand(value, `headers.${header}`, context.env)]));
  const result = await httpGet(source, headers, cached, http);
  if (result.status === 'not-modified') {
    if (!cached) throw new FeedError('the server answered 304 Not Modified but there is no cached copy');
    return { records: decodePayload(cached.body, cached.contentType, feed), via: 'not-modified' };
  }
  // Decoding first means only payloads that passed validation are cached.
  const records = decodePayload(result.body, result.contentType, feed);
  if (context.writeCache) {
    await writeCache(context.cacheDir, name, { source: feed.source, ...result.validators, contentType: result.contentType, fetchedAt: new Date().toISOString(), body: result.body });
  }
  return { records, via: 'network' };
}

function expand(template: string, where: string, env: Record<string, string | undefined>): string {
  const { value, missing } = expandEnv(template, env);
  if (missing.length > 0) throw new FeedError(`environment variable ${missing.join(', ')} is not set (used in ${where})`);
  return value;
}

async function readLocal(file: string, maxBytes: number): Promise<string> {
  try {
    if ((await stat(file)).size > maxBytes) throw new FeedError(`${file} is larger than the ${maxBytes}-byte cap`);
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof FeedError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new FeedError(code === 'ENOENT' ? `data file not found: ${file}` : `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
