// Throw-away Almanac projects: a folder with an almanac.yaml pointing at a vault, so the
// cache (`.almanac/`) and the output (`site/`) of each measurement live in that folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { SAMPLE_CONFIG } from './paths.js';
import type { BenchVault } from './vaults.js';

export interface Project {
  dir: string;
  /** Where `almanac build` writes (`output: site`). */
  site: string;
  /** The parsed-note cache; removed for a cold run. */
  cache: string;
}

export function makeProject(dir: string, vault: BenchVault): Project {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'almanac.yaml'), vault.kind === 'sample' ? sampleConfig(vault.dir) : `vault: ${JSON.stringify(vault.dir)}\noutput: site\n`);
  return { dir, site: join(dir, 'site'), cache: join(dir, '.almanac') };
}

/** The sample project's own almanac.yaml, with its relative paths made absolute. */
function sampleConfig(vaultDir: string): string {
  const doc = parseDocument(readFileSync(SAMPLE_CONFIG, 'utf8'));
  const root = resolve(SAMPLE_CONFIG, '..');
  doc.set('vault', vaultDir);
  doc.set('output', 'site');
  const feeds = doc.get('feeds');
  if (isMap(feeds)) {
    for (const pair of feeds.items) {
      const feed = pair.value;
      if (!isMap(feed)) continue;
      const source = feed.get('source', true);
      if (isScalar(source) && typeof source.value === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(source.value) && !isAbsolute(source.value)) {
        feed.set('source', join(root, source.value));
      }
    }
  }
  return doc.toString();
}
