// The hand-written fixture site (test/fixtures/browser/site), made servable the way
// `almanac build` makes a real one: templates/assets copied to assets/, and a Pagefind
// index written to pagefind/.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export async function buildFixtureSite(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'almanac-browser-'));
  await cp(join(repo, 'test/fixtures/browser/site'), out, { recursive: true });
  await cp(join(repo, 'templates/assets'), join(out, 'assets'), { recursive: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  await index.addDirectory({ path: out });
  await index.writeFiles({ outputPath: join(out, 'pagefind') });
  await pagefind.close();
  return out;
}
