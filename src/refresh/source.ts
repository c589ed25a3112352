// A feed's payload from its source: a file in the project, or HTTP with a cache. Messages
// name the source as written: expanded `${VAR}` values never reach them.
import { expandEnv, envReferences, type FeedConfig } from '../config/feeds.js';
import { FeedError, messageOf } from './errors.js';
import { readCache, writeCache } from './cache.js';
import { httpGet, type HttpOptions } from './http.js';
import { readLocalSource } from './local-file.js';
import { decodePayload } from './payload/index.js';
import type { FeedRecord } from './records.js';

/** Where the records came from: a file, the network, the cache after a 304, or the cache offline. */
export type FeedVia = 'file' | 'network' | 'not-modified' | 'cache';

export interface LoadedFeed {
  records: FeedRecord[];
  via: FeedVia;
  /** Read from a file outside the project (`allow-outside`): messages must not quote its contents. */
  outside: boolean;
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
  try {
    return await load(name, feed, context);
  } catch (error) {
    // Belt and braces: whatever a library put in a message, no expanded secret leaves here.
    const message = redactSecrets(messageOf(error), feed, context.env);
    throw error instanceof FeedError && message === error.message ? error : new FeedError(message);
  }
}

async function load(name: string, feed: FeedConfig, context: SourceContext): Promise<LoadedFeed> {
  const http: HttpOptions = {
    ...context.http,
    timeoutMs: feed.timeoutMs ?? context.http.timeoutMs,
    maxBytes: feed.maxBytes ?? context.http.maxBytes,
    retries: feed.retries ?? context.http.retries,
  };
  const source = expand(feed.source, 'source', context.env);
  if (!isHttpSource(feed.source)) {
    const file = await readLocalSource(source, {
      dir: context.dir,
      label: feed.source,
      allowOutside: feed.allowOutside,
      maxBytes: http.maxBytes,
      timeoutMs: http.timeoutMs,
    });
    return { records: decodeFile(file.text, feed, file.outside), via: 'file', outside: file.outside };
  }

  const cached = await readCache(context.cacheDir, name, feed.source);
  if (context.offline) {
    if (!cached) throw new FeedError('offline, and there is no cached copy yet (run `almanac refresh` online once)');
    return { records: decodePayload(cached.body, cached.contentType, feed), via: 'cache', outside: false };
  }
  const headers = Object.fromEntries(Object.entries(feed.headers).map(([header, value]) => [header, expand(value, `headers.${header}`, context.env)]));
  const result = await httpGet(source, headers, cached, http, hostAsWritten(feed.source));
  if (result.status === 'not-modified') {
    if (!cached) throw new FeedError('the server answered 304 Not Modified but there is no cached copy');
    return { records: decodePayload(cached.body, cached.contentType, feed), via: 'not-modified', outside: false };
  }
  // Decoding first means only payloads that passed validation are cached.
  const records = decodePayload(result.body, result.contentType, feed);
  if (context.writeCache) {
    await writeCache(context.cacheDir, name, {
      source: feed.source,
      ...result.validators,
      contentType: result.contentType,
      fetchedAt: new Date().toISOString(),
      body: result.body,
    });
  }
  return { records, via: 'network', outside: false };
}

/** A file outside the project may be anything (`/etc/passwd`): its errors quote none of it. */
function decodeFile(text: string, feed: FeedConfig, outside: boolean): FeedRecord[] {
  try {
    return decodePayload(text, null, feed);
  } catch (error) {
    if (!outside || !(error instanceof FeedError)) throw error;
    throw new FeedError(`${feed.source} is not a valid ${feed.format} payload (details hidden: the file is outside the project)`);
  }
}

function expand(template: string, where: string, env: Record<string, string | undefined>): string {
  const { value, missing } = expandEnv(template, env);
  if (missing.length > 0) throw new FeedError(`environment variable ${missing.join(', ')} is not set (used in ${where})`);
  return value;
}

/** `api.example.com` of `https://${USER}:${KEY}@api.example.com/x`, placeholders left as written. */
function hostAsWritten(source: string): string {
  return /^https?:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(source)?.[1] || 'the server';
}

/** Values shorter than this are not treated as secrets (they would blank out ordinary words). */
const MIN_SECRET = 4;

/** Each expanded `${VAR}` value of the feed's source and headers, replaced by `${VAR}`. */
export function redactSecrets(message: string, feed: Pick<FeedConfig, 'source' | 'headers'>, env: Record<string, string | undefined>): string {
  const names = new Set([feed.source, ...Object.values(feed.headers)].flatMap(envReferences));
  const values = [...names]
    .map((name) => ({ name, value: env[name] ?? '' }))
    .filter(({ value }) => value.length >= MIN_SECRET)
    .sort((a, b) => b.value.length - a.value.length);
  let text = message;
  for (const { name, value } of values) {
    for (const form of new Set([value, encodeURIComponent(value)])) text = text.split(form).join(`\${${name}}`);
  }
  return text;
}
