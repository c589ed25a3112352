// buildIfChanged: what the CLI runs. The project's files are read once; when the last build
// into the same folder had exactly these inputs and its output is untouched, nothing is
// parsed or written. Else a full build, in a heap-capped thread when the vault is large.
import { readProject, cacheDirOf, type ProjectFiles } from '../../project/index.js';
import { buildSummaryOnly } from '../index.js';
import type { BuildOptions, BuildSummary } from './build-options.js';
import { buildInThread, buildThreadAvailable } from './build-thread.js';
import { excludePlacesOf } from '../../config/load.js';
import { TEMPLATES_DIR } from '../emit/eleventy-site.js';
import { todayOf } from '../../config/today.js';
import { heapCapMb } from './heap-cap.js';
import { buildKey, readManifest, treeStamp, writeManifest } from './up-to-date.js';
import { tracePhase } from './trace.js';
import { outputOf } from '../index.js';

export async function buildIfChanged(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  if (options.cache === false || options.project) return { ...(await buildSummaryOnly(options)), upToDate: false };
  const files = options.files ?? (await readProject(options));
  tracePhase('scan', files.scan.paths.length);
  const { outDir, base } = outputOf(files, options);
  const today = todayOf(files.config, options.today);
  const cacheDir = cacheDirOf(files);
  const key = buildKey({
    fingerprint: files.scan.fingerprint,
    config: [files.config, excludePlacesOf(files.config.site)],
    outDir,
    base,
    today,
    search: options.search !== false,
    strict: options.strict === true,
    templatesDir: TEMPLATES_DIR,
    vaultDir: files.vaultDir,
  });
  const previous = readManifest(cacheDir, outDir);
  if (previous && previous.key === key && previous.stamp === treeStamp(outDir)) {
    return {
      outDir,
      base,
      pages: previous.pages,
      notes: previous.notes,
      warnings: previous.warnings,
      seconds: (performance.now() - started) / 1000,
      upToDate: true,
    };
  }
  tracePhase('up-to-date check');
  const result = await fullBuild({ ...options, today, files });
  tracePhase('build thread end');
  writeManifest(cacheDir, outDir, { key, stamp: treeStamp(outDir), pages: result.pages, notes: result.notes, warnings: result.warnings });
  tracePhase('manifest');
  return { ...result, seconds: (performance.now() - started) / 1000, upToDate: false };
}

/** build(), in a worker thread with a capped heap when it can be (see heap-cap.ts). */
async function fullBuild(options: BuildOptions & { files: ProjectFiles }): Promise<Omit<BuildSummary, 'upToDate'>> {
  const cap = options.heapLimitMb === undefined ? heapCapMb(options.files.scan) : options.heapLimitMb;
  if (cap === null || !buildThreadAvailable()) return buildSummaryOnly(options);
  const { onProgress, project: _project, heapLimitMb: _heap, files, ...plain } = options;
  const summary = await buildInThread({ ...plain, files, excludePlaces: excludePlacesOf(files.config.site) }, cap, onProgress);
  if (summary) return summary;
  const again = await buildSummaryOnly(options);
  return {
    ...again,
    notices: [`The build outgrew its ${cap} MB heap cap and was run again without one (set ALMANAC_HEAP_MB to give it more, or 0 for no cap).`],
  };
}
