// GET with a timeout, a size cap, retries with backoff on 5xx/429/network errors, and
// conditional requests. Header values, credentials and expanded URLs (API keys) never
// appear in messages: they name the feed's source as written (`label`).
import { FeedError } from './errors.js';

/** Redirects followed before giving up (fetch's own limit is 20). */
const MAX_REDIRECTS = 10;

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

export type HttpResult = { status: 'not-modified' } | { status: 'ok'; body: string; contentType: string | null; validators: Validators };

/** Worth another attempt: the server or the network may do better in a moment. */
class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/**
 * GET `url` (expanded). `headers` are the configured ones (expanded): they go to the URL's
 * origin only and are all dropped when a redirect leads to another origin. Credentials in
 * the URL become a Basic `Authorization` header (fetch refuses them in the URL). `label`
 * is the host as the config writes it, for messages.
 */
export async function httpGet(
  url: string,
  headers: Record<string, string>,
  validators: Validators | null,
  options: HttpOptions,
  label = 'the server',
): Promise<HttpResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FeedError('the source is not a valid URL once its variables are filled in');
  }
  const configured = lowerKeys(headers);
  if ((target.username !== '' || target.password !== '') && configured.authorization === undefined) {
    configured.authorization = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
  }
  target.username = '';
  target.password = '';
  for (const [name, value] of Object.entries(configured)) {
    if (!isHeaderValue(value))
      throw new FeedError(`the value of header ${headerName(headers, name)} is not a valid HTTP header value (a line break or control character?)`);
  }
  const base: Record<string, string> = { 'user-agent': options.userAgent, accept: '*/*' };
  if (validators?.etag) base['if-none-match'] = validators.etag;
  if (validators?.lastModified) base['if-modified-since'] = validators.lastModified;
  const request: GetRequest = { url: target, base, configured, host: label };
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptGet(request, options);
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (attempt >= attempts) throw new FeedError(attempts > 1 ? `${error.message} (gave up after ${attempts} attempts)` : error.message);
      const backoff = options.retryDelayMs * 2 ** (attempt - 1);
      await sleep(Math.min(error.retryAfterMs ?? backoff, options.maxRetryDelayMs));
    }
  }
}

interface GetRequest {
  /** Without credentials. */
  url: URL;
  /** Sent to every URL on the way: User-Agent, Accept, conditional headers. */
  base: Record<string, string>;
  /** The feed's own headers (and Basic auth from the URL): its origin only. */
  configured: Record<string, string>;
  /** The host as the config writes it (`${VAR}` unexpanded): the only host named in messages. */
  host: string;
}

async function attemptGet(request: GetRequest, options: HttpOptions): Promise<HttpResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const timedOut = (): TransientError => new TransientError(`no complete response within ${options.timeoutMs} ms`);
  try {
    let response = await fetchOnce(request.url, { ...request.base, ...request.configured }, controller, timedOut, request.host);
    const origin = request.url.origin;
    for (let hops = 0; isRedirect(response.status); hops++) {
      await response.body?.cancel();
      if (hops >= MAX_REDIRECTS) throw new FeedError(`more than ${MAX_REDIRECTS} redirects`);
      const location = response.headers.get('location');
      let next: URL;
      try {
        next = new URL(location ?? '', response.url || request.url);
      } catch {
        throw new FeedError(`HTTP ${response.status} redirect without a valid Location`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FeedError(`HTTP ${response.status} redirect to a ${next.protocol} URL`);
      // Configured headers (API keys) belong to the feed's origin: a redirect elsewhere gets none of them.
      const headers = next.origin === origin && next.username === '' && next.password === '' ? { ...request.base, ...request.configured } : request.base;
      next.username = '';
      next.password = '';
      response = await fetchOnce(next, headers, controller, timedOut, request.host);
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

async function fetchOnce(
  url: URL,
  headers: Record<string, string>,
  controller: AbortController,
  timedOut: () => TransientError,
  host: string,
): Promise<Response> {
  try {
    return await fetch(url, { headers, signal: controller.signal, redirect: 'manual' });
  } catch (error) {
    if (controller.signal.aborted) throw timedOut();
    throw new TransientError(`could not reach ${host} (${networkReason(error)})`);
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** RFC 9110 field-value: visible characters, spaces and tabs, no line breaks. */
function isHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
}

function headerName(headers: Record<string, string>, lower: string): string {
  return Object.keys(headers).find((name) => name.toLowerCase() === lower) ?? lower;
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

/** An error code such as ECONNREFUSED; never an error's message, which may quote the URL or a header. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return 'network error';
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
