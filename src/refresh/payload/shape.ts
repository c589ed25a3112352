// Shared checks on a payload before any decoder trusts it.
import type { z } from 'zod';
import { FeedError } from '../errors.js';

/** An HTML page served with status 200 (a login wall, an error page) is not data. */
export function rejectHtml(body: string, contentType: string | null): void {
  const head = body.trimStart().slice(0, 100).toLowerCase();
  if (contentType?.toLowerCase().includes('text/html') || head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new FeedError(`expected data but got an HTML page${contentType ? ` (${contentType.split(';')[0]})` : ''}: ${snippet(body)}`);
  }
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new FeedError(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The first problem zod found, as `at path: message`. */
export function shapeError(what: string, error: z.ZodError): FeedError {
  const issue = error.issues[0];
  const at = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  return new FeedError(`not ${what}${at}: ${issue?.message ?? 'unexpected shape'}`);
}

export function snippet(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
}
