// A digest of a built site: every file's SHA-256 (first 16 hex digits) by path. Committed
// digests (test/fixtures/digests/) pin the output byte for byte, so a refactor that should
// change nothing shows every page it changed. ALMANAC_UPDATE_DIGESTS=1 rewrites them when
// the output changes on purpose (say so in the commit).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../fixtures/publish/crawl.js';

const DIGESTS = fileURLToPath(new URL('../fixtures/digests/', import.meta.url));

export function siteDigest(outDir: string): Record<string, string> {
  const digest: Record<string, string> = {};
  for (const file of listFiles(outDir).sort())
    digest[file] = createHash('sha256')
      .update(readFileSync(join(outDir, file)))
      .digest('hex')
      .slice(0, 16);
  return digest;
}

/** The committed digest named `name`, rewritten first when ALMANAC_UPDATE_DIGESTS=1 (or when there is none yet). */
export function committedDigest(name: string, current: Record<string, string>): Record<string, string> {
  const file = join(DIGESTS, `${name}.json`);
  if (process.env.ALMANAC_UPDATE_DIGESTS === '1' || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(current, null, 1)}\n`);
  }
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${file} is not a digest`);
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Files whose bytes differ, are missing or are new, for a readable failure. */
export function digestDifferences(expected: Record<string, string>, actual: Record<string, string>): string[] {
  const files = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...files].sort().flatMap((file) => (expected[file] === actual[file] ? [] : [`${file}: ${expected[file] ?? 'new'} -> ${actual[file] ?? 'missing'}`]));
}
