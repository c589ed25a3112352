// `node --cpu-prof` on one cold `almanac build`, and the functions with the most self
// time summed over every thread's profile (main thread and workers).
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measure, type Measurement } from './measure.js';
import { REPO } from './paths.js';
import type { Project } from './projects.js';

export interface ProfileRow {
  name: string;
  where: string;
  ms: number;
}

export interface ProfileSummary {
  vault: string;
  dir: string;
  run: Measurement;
  profiles: number;
  totalMs: number;
  idleMs: number;
  functions: ProfileRow[];
  /** Self time per package (node_modules/<name>) or per source file of Almanac. */
  modules: ProfileRow[];
  /** Almanac's own compiled files (dist/…) only. */
  ownFiles: ProfileRow[];
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

export async function profileColdBuild(
  bin: string,
  vaultLabel: string,
  project: Project,
  dir: string,
  timeoutSeconds: number,
  signal: AbortSignal,
): Promise<ProfileSummary> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  rmSync(project.cache, { recursive: true, force: true });
  rmSync(project.site, { recursive: true, force: true });
  const run = await measure({ args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, bin, 'build'], cwd: project.dir, timeoutSeconds, signal });
  return { vault: vaultLabel, dir, run, ...summarise(dir) };
}

function summarise(dir: string, top = 15): Omit<ProfileSummary, 'vault' | 'dir' | 'run'> {
  const byFunction = new Map<string, ProfileRow>();
  const byModule = new Map<string, ProfileRow>();
  let totalMs = 0;
  let idleMs = 0;
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const frame = frames.get(samples[i] ?? -1);
      const ms = (deltas[i] ?? 0) / 1000;
      if (!frame) continue;
      if (frame.functionName === '(idle)') {
        idleMs += ms;
        continue;
      }
      totalMs += ms;
      const where = location(frame.url);
      const name = frame.functionName || '(anonymous)';
      const key = `${name}\0${where}:${frame.lineNumber + 1}`;
      const row = byFunction.get(key) ?? { name, where: frame.url === '' ? '' : `${where}:${frame.lineNumber + 1}`, ms: 0 };
      row.ms += ms;
      byFunction.set(key, row);
      const module = moduleOf(frame.url, name);
      const moduleRow = byModule.get(module) ?? { name: module, where: '', ms: 0 };
      moduleRow.ms += ms;
      byModule.set(module, moduleRow);
    }
  }
  const sorted = (rows: Iterable<ProfileRow>) => [...rows].sort((a, b) => b.ms - a.ms).slice(0, top);
  const own = [...byModule.values()].filter((row) => row.name.startsWith('dist/'));
  return { profiles: files.length, totalMs, idleMs, functions: sorted(byFunction.values()), modules: sorted(byModule.values()), ownFiles: sorted(own) };
}

function location(url: string): string {
  if (url === '') return '';
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  // The run's snapshot of Almanac (bench/out/almanac-PID/dist/…) shows as dist/….
  return path.startsWith(REPO) ? relative(REPO, path).replace(/^bench\/out\/almanac-\d+\//, '') : path;
}

function moduleOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const path = location(url);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg?.[1]) return pkg[1];
  if (path.startsWith('node:')) return 'node: (built-in modules)';
  return path;
}
