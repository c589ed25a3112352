import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

function readVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const data: unknown = JSON.parse(text);
  return typeof data === 'object' && data !== null && 'version' in data && typeof data.version === 'string' ? data.version : '0.0.0';
}

/** Almanac's version (also part of cache keys). */
export const VERSION = readVersion();

/** The versions of the libraries whose output a built site holds (Shiki's highlighting, Mermaid's
 * browser build, KaTeX's math): part of the build key (publish/build/up-to-date.ts), so updating
 * one within Almanac's version still rebuilds instead of reporting the site up to date. */
export function renderLibraryVersions(): string {
  const require = createRequire(import.meta.url);
  return ['shiki', 'mermaid', 'katex']
    .map((name) => {
      try {
        const data: unknown = require(`${name}/package.json`);
        return `${name}@${typeof data === 'object' && data !== null && 'version' in data ? String(data.version) : '?'}`;
      } catch {
        return `${name}@none`;
      }
    })
    .join(' ');
}
