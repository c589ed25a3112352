// Issue 12 §7 and §3 while serving: a saved note is read as the vault walk reads it, so a note
// that grows past limits.note-size while `serve` runs is taken off the site (not published
// with its new text), and a note turned into a symlink out of the vault never publishes
// the outside file.
import { existsSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServeHandle } from '../src/publish/serve/serve.js';
import { allText, read } from './fixtures/publish/crawl.js';
import { writeVault } from './support/vault.js';

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("serve reads saved notes within the vault walk's limits", () => {
  let dir: string;
  let out: string;
  let outside: string;
  let handle: ServeHandle;

  beforeAll(async () => {
    dir = writeVault({
      'almanac.yaml': 'vault: vault\nlimits:\n  note-size: 2000\n',
      'vault/Alpha.md': '# Alpha\n\nAlpha is small.\n',
      'vault/Beta.md': '# Beta\n\nBeta links [[Alpha]] and [[Gamma]].\n',
      'vault/Gamma.md': '# Gamma\n\nGamma is small.\n',
    });
    outside = mkdtempSync(join(tmpdir(), 'almanac-outside-'));
    writeFileSync(join(outside, 'secret.md'), '# Secret\n\nOUTSIDESECRET text.\n');
    out = mkdtempSync(join(tmpdir(), 'almanac-serve-hostile-'));
    rmSync(out, { recursive: true, force: true });
    handle = await serve({ config: join(dir, 'almanac.yaml'), out, port: 0, search: false });
  });

  afterAll(async () => {
    await handle?.close();
    for (const folder of [out, outside]) rmSync(folder, { recursive: true, force: true });
  });

  it('takes a note off the site when a save makes it larger than limits.note-size', async () => {
    expect(read(out, 'alpha/index.html')).toContain('Alpha is small');
    writeFileSync(join(dir, 'vault/Alpha.md'), `# Alpha\n\nHUGEWORD ${'padding '.repeat(400)}\n`);
    await waitFor(() => !existsSync(join(out, 'alpha/index.html')), 'the page to go');
    await handle.idle();
    expect(
      allText(out)
        .filter(({ text }) => text.includes('HUGEWORD'))
        .map(({ file }) => file),
    ).toEqual([]);
  });

  it('never publishes the outside file a note is turned into a symlink to', async () => {
    unlinkSync(join(dir, 'vault/Gamma.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'vault/Gamma.md'));
    await waitFor(() => !existsSync(join(out, 'gamma/index.html')), 'the page to go');
    await handle.idle();
    expect(
      allText(out)
        .filter(({ text }) => text.includes('OUTSIDESECRET'))
        .map(({ file }) => file),
    ).toEqual([]);
  });
});
