// Generic JSON: `path` leads to the array of records.
import { z } from 'zod';
import { FeedError } from '../errors.js';
import type { FeedRecord } from '../records.js';
import { parseJson, shapeError } from './shape.js';

const records = z.array(z.record(z.string(), z.unknown()));

export function decodeJson(body: string, path: string | null): FeedRecord[] {
  let value = parseJson(body);
  const walked: string[] = [];
  for (const part of path ? path.split('.') : []) {
    walked.push(part);
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (value !== null && typeof value === 'object' && !Array.isArray(value) && part in value) value = (value as Record<string, unknown>)[part];
    else throw new FeedError(`JSON has nothing at \`${walked.join('.')}\` (path: ${path ?? ''})`);
  }
  if (!Array.isArray(value))
    throw new FeedError(`expected an array of records at ${path ? `\`${path}\`` : 'the top level'}, found ${value === null ? 'null' : typeof value}`);
  const parsed = records.safeParse(value);
  if (!parsed.success) throw shapeError('an array of records', parsed.error);
  return parsed.data;
}
