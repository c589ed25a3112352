// A `.base` file is published as its page, never as the raw file: its filters can name
// private notes and folders (`link("Secret")`, `file.inFolder("Clients/…")`), so it is not
// copied under files/, and `[[x.base]]` links to the base's page (in this thread and in the
// note workers). A base left out by `site.exclude` is neither a page nor a link.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { setThreadMode } from '../src/threads/mode.js';
import { tempDir, writeVault } from './support/vault.js';

const BASE = `filters:
  and:
    - '!file.hasLink(link("Secret"))'
    - '!file.inFolder("Clients/Acme merger")'
views:
  - type: table
    name: Everything
`;

function vault(filler: number): string {
  const files: Record<string, string> = {
    'almanac.yaml': 'vault: vault\nsite:\n  exclude: [Hidden]\n',
    'vault/Secret.md': '---\npublish: false\n---\n# Secret\n',
    'vault/Pub.md': '# Pub\n\n![[Views/q.base]]\n\nSee [[q.base|the query]] and [[h.base]].\n',
    'vault/Views/q.base': BASE,
    'vault/Hidden/h.base': BASE,
  };
  for (let index = 0; index < filler; index++) files[`vault/Filler/Note ${index}.md`] = `# Note ${index}\n\nText.\n`;
  return writeVault(files);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function buildIn(mode: 'threads' | 'in-thread', filler: number): Promise<string> {
  const dir = vault(filler);
  const out = join(tempDir(), 'site');
  const previous = setThreadMode(mode);
  try {
    await build({ cwd: dir, out, search: false, cache: false });
  } finally {
    setThreadMode(previous);
  }
  return out;
}

describe('.base files on the site', () => {
  for (const [mode, filler] of [
    ['in-thread', 0],
    ['threads', 300],
  ] as const) {
    it(`are never copied raw, and [[x.base]] links to the base page (${mode})`, async () => {
      const out = await buildIn(mode, filler);
      expect(walk(join(out, 'files')).filter((file) => file.endsWith('.base'))).toEqual([]);
      for (const file of walk(out)) {
        if (/\.(html|json|xml)$/.test(file)) expect(readFileSync(file, 'utf8'), file).not.toContain('Acme merger');
      }
      const page = readFileSync(join(out, 'pub/index.html'), 'utf8');
      expect(page).toContain('<a class="internal base-link" href="/views/q-base/">the query</a>');
      // The excluded base: its name as written, no link, no page.
      expect(page).toContain('and h.base.');
      expect(existsSync(join(out, 'hidden/h-base/index.html'))).toBe(false);
      expect(page).toContain('class="base-table"');
    }, 120_000);
  }
});
