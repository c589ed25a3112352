// Issue 12 §3: attachments reach the site as bytes, never as symlinks, and never from
// outside the vault (whatever the vault loader lets through).
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { copyAttachments } from '../src/publish/emit/copy-assets.js';
import type { SiteAttachment, SiteModel } from '../src/publish/model/site-model.js';
import { parseConfig } from '../src/config/load.js';
import { tempDir, writeVault } from './support/vault.js';
import { listFiles } from './fixtures/publish/crawl.js';

const attachment = (path: string): SiteAttachment => ({ path, output: `files/${path}`, url: `/files/${path}` });

describe('copyAttachments', () => {
  it('copies a symlink inside the vault as its target’s bytes, and refuses one whose real path is outside', () => {
    const outside = tempDir('almanac-outside-');
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0:secret\n');
    const vault = writeVault({ 'images/chart.png': 'chart bytes' });
    symlinkSync(join(vault, 'images', 'chart.png'), join(vault, 'alias.png'));
    symlinkSync(join(outside, 'passwd'), join(vault, 'pw.png'));
    mkdirSync(join(vault, 'deep'));
    symlinkSync(outside, join(vault, 'deep', 'out'));
    symlinkSync(join(vault, 'nowhere.png'), join(vault, 'dangling.png'));
    const paths = ['images/chart.png', 'alias.png', 'pw.png', 'deep/out/passwd', 'dangling.png', 'images'];
    const site: Pick<SiteModel, 'vaultRoot' | 'attachments' | 'options'> = {
      vaultRoot: vault,
      attachments: new Map(paths.map((path) => [path, attachment(path)])),
      options: parseConfig('').site,
    };
    const out = tempDir('almanac-site-');
    expect(copyAttachments(site as SiteModel, out)).toBe(2);
    expect(listFiles(out).sort()).toEqual(['files/alias.png', 'files/images/chart.png']);
    for (const file of listFiles(out)) expect(lstatSync(join(out, file)).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(out, 'files', 'alias.png'), 'utf8')).toBe('chart bytes');
  });
});

describe('a build', () => {
  it('writes no symlink into the output and no byte of a file outside the vault', async () => {
    const outside = tempDir('almanac-outside-');
    writeFileSync(join(outside, 'secret.png'), 'TOP SECRET BYTES');
    const vault = writeVault({ 'Alpha.md': '# Alpha\n\n![[chart.png]] ![[copy.png]] ![[leak.png]]\n', 'chart.png': 'chart bytes' });
    symlinkSync(join(vault, 'chart.png'), join(vault, 'copy.png'));
    symlinkSync(join(outside, 'secret.png'), join(vault, 'leak.png'));
    const out = join(tempDir('almanac-site-'), 'site');
    await build({ vault, out, cache: false, search: false });
    const files = listFiles(out);
    expect(files).toContain('files/chart.png');
    expect(files).toContain('files/copy.png');
    for (const file of files) {
      expect(lstatSync(join(out, file)).isSymbolicLink(), file).toBe(false);
      expect(readFileSync(join(out, file), 'latin1'), file).not.toContain('TOP SECRET');
    }
    expect(readFileSync(join(out, 'files', 'copy.png'), 'utf8')).toBe('chart bytes');
  });
});
