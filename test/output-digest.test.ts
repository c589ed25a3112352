// The sample vault's site, byte for byte: a refactor that should change nothing changes no
// file (the 2,000-note generated vault is pinned the same way in publish-large.test.ts).
// ALMANAC_UPDATE_DIGESTS=1 rewrites the digests when the output changes on purpose.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from '../src/publish/index.js';
import { tempDir } from './support/vault.js';
import { committedDigest, digestDifferences, siteDigest } from './support/output-digest.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the sample vault site', () => {
  const out = tempDir('almanac-digest-');
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is written byte for byte as the committed digest says', async () => {
    const site = await build({ cwd: ROOT, out, today: '2026-01-20', now: new Date('2026-01-20T12:00:00Z'), cache: false });
    const actual = siteDigest(site.outDir);
    expect(Object.keys(actual).length).toBeGreaterThan(100);
    expect(digestDifferences(committedDigest('sample-vault', actual), actual)).toEqual([]);
  });
});
