// Every command opens the project once: almanac.yaml is read once per run by check, refresh,
// build and serve (counted at the file system: each readFileSync of almanac.yaml).
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeVault, tempDir } from './support/vault.js';

const reads = vi.hoisted(() => ({ config: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof real.readFileSync>) => {
    if (String(args[0]).endsWith('almanac.yaml')) reads.config++;
    return real.readFileSync(...args);
  }) as typeof real.readFileSync;
  return { ...real, default: { ...real, readFileSync }, readFileSync };
});

const { runCheckCommand } = await import('../src/cli/check.js');
const { refresh } = await import('../src/refresh/index.js');
const { buildIfChanged } = await import('../src/publish/build/build-if-changed.js');
const { serve } = await import('../src/publish/serve/serve.js');

function project(): { dir: string; config: string } {
  const dir = writeVault({
    'almanac.yaml': 'vault: notes\noutput: site\n',
    'notes/Alpha.md': '---\nupdated: 2026-01-01\n---\n# Alpha\n\nSee [[Beta]].\n',
    'notes/Beta.md': '---\nupdated: 2026-01-01\n---\n# Beta\n\nBack to [[Alpha]].\n',
  });
  return { dir, config: join(dir, 'almanac.yaml') };
}

afterEach(() => {
  reads.config = 0;
  vi.restoreAllMocks();
});

describe('almanac.yaml is read once per run', () => {
  it('check (cold and warm)', async () => {
    const { config } = project();
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await runCheckCommand({ config, format: 'json', today: '2026-01-20' });
    expect(reads.config).toBe(1);
    reads.config = 0;
    await runCheckCommand({ config, format: 'json', today: '2026-01-20' });
    expect(reads.config).toBe(1);
  });

  it('refresh', async () => {
    const { config } = project();
    await refresh({ config, today: '2026-01-20', check: true });
    expect(reads.config).toBe(1);
  });

  it('build (cold and up to date)', async () => {
    const { config } = project();
    const out = join(tempDir('almanac-once-'), 'site');
    const first = await buildIfChanged({ config, out, today: '2026-01-20', search: false });
    expect(first.upToDate).toBe(false);
    expect(reads.config).toBe(1);
    reads.config = 0;
    const second = await buildIfChanged({ config, out, today: '2026-01-20', search: false });
    expect(second.upToDate).toBe(true);
    expect(reads.config).toBe(1);
  });

  it('serve', async () => {
    const { config } = project();
    const out = join(tempDir('almanac-once-'), 'site');
    const handle = await serve({ config, out, port: 0, search: false, today: '2026-01-20' });
    try {
      expect(fs.existsSync(join(out, 'index.html'))).toBe(true);
      expect(reads.config).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
