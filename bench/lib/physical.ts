// The physical limit of a build on this machine: reading every Markdown file of the vault and
// writing as many pages, of the same total size, as the build wrote — the I/O alone, no
// parsing, no templates. Measured in this process, the files written to a scratch folder
// (one folder and one index.html per page, as the site has) and removed afterwards.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './files.js';
import { markdownFiles } from './vaults.js';

export interface PhysicalLimit {
  readSeconds: number;
  writeSeconds: number;
  /** User + system CPU seconds of both. */
  cpuSeconds: number;
  files: number;
  pages: number;
  pageBytes: number;
}

/** Read the vault's Markdown and write pages like those in `site` (a built site) into `scratch`. */
export function physicalLimit(vaultDir: string, site: string, scratch: string): PhysicalLimit {
  const pagesOf = htmlFiles(site);
  const pageBytes = pagesOf.reduce((sum, path) => sum + statSync(path).size, 0);
  const cpuStart = process.cpuUsage();
  const readStart = performance.now();
  const files = markdownFiles(vaultDir).map((file) => join(vaultDir, file));
  let chars = 0;
  for (const file of files) chars += readFileSync(file, 'utf8').length;
  const readSeconds = (performance.now() - readStart) / 1000;
  rmSync(scratch, { recursive: true, force: true });
  const writeStart = performance.now();
  const size = pagesOf.length === 0 ? 0 : Math.round(pageBytes / pagesOf.length);
  const page = 'x'.repeat(size);
  for (let index = 0; index < pagesOf.length; index++) {
    const folder = join(scratch, `page-${index}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), page);
  }
  const writeSeconds = (performance.now() - writeStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  rmSync(scratch, { recursive: true, force: true });
  // `chars` keeps the reads from being optimised away.
  return { readSeconds, writeSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, files: chars >= 0 ? files.length : 0, pages: pagesOf.length, pageBytes };
}
