// The canvas fixtures (test/fixtures/canvas/) as files for writeVault, so a test can add to them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './vault.js';

export const CANVAS_FIXTURES = join(ROOT, 'test/fixtures/canvas');

export function canvasFixture(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(CANVAS_FIXTURES, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(CANVAS_FIXTURES);
  return files;
}
