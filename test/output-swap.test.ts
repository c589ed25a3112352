// Issue 12 §6: a build never leaves a half-cleared output. It writes into a hidden staging
// folder beside the output and swaps it in at the end; a failure leaves the old site.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../src/publish/index.js';
import { startFileWriter } from '../src/publish/emit/file-writer.js';
import { tempDir, writeVault } from './support/vault.js';
import { listFiles } from './fixtures/publish/crawl.js';

// The failure is injected in the last step of writing the site (after every page is written
// into the staging folder), where a real one (a full disk, a file Eleventy cannot write) comes.
const failing = vi.hoisted(() => ({ on: false }));
vi.mock('../src/publish/emit/copy-assets.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/publish/emit/copy-assets.js')>();
  return {
    ...actual,
    copyAttachments: (...args: Parameters<typeof actual.copyAttachments>): number => {
      if (failing.on) throw new Error('disk full (injected)');
      return actual.copyAttachments(...args);
    },
  };
});

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const beside = (root: string): string[] => readdirSync(root).filter((name) => name.includes('.almanac-'));

describe('the page writer', () => {
  it('writes nothing once cancelled, so a failed build’s removed staging folder stays removed', async () => {
    const staging = join(tempDir('almanac-swap-'), 'staging');
    const writer = startFileWriter();
    writer.write({ path: join(staging, 'a', 'index.html'), content: 'a' });
    await writer.cancel();
    rmSync(staging, { recursive: true, force: true });
    // A page Eleventy was still rendering when another failed.
    writer.write({ path: join(staging, 'b', 'index.html'), content: 'b' });
    expect(existsSync(staging)).toBe(false);
  });
});

describe('the output folder is swapped in whole', () => {
  it('a build that fails leaves the previous output exactly as it was, and no staging folder', async () => {
    const root = tempDir('almanac-swap-');
    const out = join(root, 'site');
    const vault = writeVault({ 'Alpha.md': '# Alpha\n\n![[chart.png]]\n', 'chart.png': 'png bytes' });
    await build({ vault, out, cache: false });
    mkdirSync(join(out, '.git'));
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    const before = listFiles(out).map((file) => [file, readFileSync(join(out, file), 'latin1')]);
    expect(before.map(([file]) => file)).toContain('alpha/index.html');
    writeFileSync(join(vault, 'Beta.md'), '# Beta\n');
    failing.on = true;
    try {
      await expect(build({ vault, out, cache: false })).rejects.toThrow('disk full (injected)');
    } finally {
      failing.on = false;
    }
    expect(listFiles(out).map((file) => [file, readFileSync(join(out, file), 'latin1')])).toEqual(before);
    expect(beside(root)).toEqual([]);
    // The next build goes through, keeps the checkout's .git and has the new note.
    await build({ vault, out, cache: false });
    expect(existsSync(join(out, 'beta', 'index.html'))).toBe(true);
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(beside(root)).toEqual([]);
  });

  it('folders a killed build left beside the output are cleaned up, an old output moved aside is put back', async () => {
    const root = tempDir('almanac-swap-');
    const out = join(root, 'site');
    const vault = writeVault({ 'Alpha.md': '# Alpha\n' });
    const pid = deadPid();
    // Killed between "old output renamed aside" and "new one renamed in": no `site` at all.
    const old = join(root, `.site.almanac-old-${pid}-0a0b0c0d`);
    mkdirSync(join(old, '.git'), { recursive: true });
    writeFileSync(join(old, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(old, '.almanac-output'), '');
    const staging = join(root, `.site.almanac-staging-${pid}-01020304`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'half.html'), '');
    // A folder of the same shape belonging to a live process (this one) is left alone.
    const live = join(root, `.site.almanac-staging-${process.pid}-ffffffff`);
    mkdirSync(live);
    await build({ vault, out, cache: false });
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(existsSync(join(out, 'alpha', 'index.html'))).toBe(true);
    expect(beside(root)).toEqual([`.site.almanac-staging-${process.pid}-ffffffff`]);
  });
});
