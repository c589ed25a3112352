// Worker threads run compiled JavaScript: a worker module exists only when Almanac runs
// from dist/ (the CLI, the package). Under a TS runner (tests) callers do the work in-thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function compiledModule(url: URL): boolean {
  return url.protocol === 'file:' && existsSync(fileURLToPath(url));
}
