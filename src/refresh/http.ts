// GET with a timeout, a size cap, retries with backoff on 5xx/429/network errors, and
// conditional requests. Header values (API keys) never appear in messages.
import { FeedError } from './errors.js';

export interface HttpOptions {
  /** Per attempt, covering connect and body. Default 10 000. */
  timeoutMs: number;
  /** Extra attempts after a 5xx, 429, timeout or network error. Default 2. */
  retries: number;
  /** First backoff; doubles each retry (Retry-After wins when given). Default 500. */
  retryDelayMs: number;
  /** Cap on any single wait, Retry-After included. Default 10 000. */
  maxRetryDelayMs: number;
  /** Response bodies larger than this fail. Default 5 MiB. */
  maxBytes: number;
  userAgent: string;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type HttpResult =
  | { status: 'not-modified' }
  | { status: 'ok'; body: string; contentType: string | null; validators: Validators };

/** Worth another attempt: the server or the network may do better in a moment. */
class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export async function httpGet(url: string, headers: Record<string, string>, validators: Validators | null, options: HttpOptions): Promise<HttpResult> {
  const request: Record<string, string> = { 'user-agent': options.userAgent, accept: '*/*', ...lowerKeys(headers) };
  if (validators?.etag) request['if-none-match'] = validators.etag;
  if (validators?.lastModified) request['if-modified-since'] = validators.lastModified;
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptGet(url, request, options);
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (attempt >= attempts) throw new FeedError(attempts > 1 ? `${error.message} (gave up after ${attempts} attempts)` : error.message);
      const backoff = options.retryDelayMs * 2 ** (attempt - 1);
      await sleep(Math.min(error.retryAfterMs ?? backoff, options.maxRetryDelayMs));
    }
  }
}

async function attemptGet(url: string, headers: Record<string, string>, options: HttpOptions): Promise<HttpResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const timedOut = (): TransientError => new TransientError(`no complete response within ${options.timeoutMs} ms`);
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      throw new TransientError(`could not reach ${new URL(url).host} (${networkReason(error)})`);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new TransientError(`HTTP ${response.status} ${response.statusText}`.trim(), retryAfter(response.headers.get('retry-after')));
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedError(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw new FeedError(tooLarge(options.maxBytes));
    }
    let body: string;
    try {
      body = await readCapped(response, options.maxBytes);
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof FeedError)) throw timedOut();
      throw error;
    }
    return {
      status: 'ok',
      body,
      contentType: response.headers.get('content-type'),
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Read the body, giving up as soon as it passes the cap (a lying or absent Content-Length). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new FeedError(tooLarge(maxBytes));
      }
      chunks.push(chunk);
    }
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): string {
  return `the response is larger than the ${maxBytes >= 1024 * 1024 ? `${+(maxBytes / 1024 / 1024).toFixed(2)} MB` : `${+(maxBytes / 1024).toFixed(2)} KB`} cap`;
}

function retryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
