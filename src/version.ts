import { readFileSync } from 'node:fs';

function readVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const data: unknown = JSON.parse(text);
  return typeof data === 'object' && data !== null && 'version' in data && typeof data.version === 'string' ? data.version : '0.0.0';
}

/** Almanac's version (also part of cache keys). */
export const VERSION = readVersion();
