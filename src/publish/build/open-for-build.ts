// The project a build opens itself. A large vault is parsed by note workers that keep the
// trees and later render the notes (note-workers.ts): they are the vault layer's parser
// (vault/parser.ts), and the project's notes then have no trees.
import { openProject, readProject, type Project } from '../../project/index.js';
import { WORKER_THRESHOLD } from '../../vault/load.js';
import type { NoteParser } from '../../vault/parser.js';
import type { BuildOptions } from './build-options.js';
import { NoteWorkers, noteWorkersAvailable } from './note-workers.js';
import { tracePhase } from './trace.js';
import { noteWorkerHeapMb } from './heap-cap.js';
import { isMainThread, resourceLimits } from 'node:worker_threads';

export async function openForBuild(options: BuildOptions): Promise<{ project: Project; workers: NoteWorkers | null }> {
  const files = options.files ?? (await readProject(options));
  // A build in the capped build thread caps its note workers too; one that outgrows that runs again without (build-if-changed.ts).
  const capped = !isMainThread && (resourceLimits.maxOldGenerationSizeMb ?? 0) > 0;
  const workers =
    files.scan.paths.length >= WORKER_THRESHOLD && noteWorkersAvailable() ? new NoteWorkers(undefined, capped ? noteWorkerHeapMb(files.scan) : null) : null;
  const parser: NoteParser | null = workers ? { parseAll: (items) => traced('parse', workers.parse(items)) } : null;
  try {
    const project = await openProject({ files, cache: options.cache, parser });
    // With note workers, parsing was traced on its own: the rest is resolving links.
    tracePhase(parser ? 'resolve' : 'parse and resolve', project.vault.notes.length);
    return { project, workers };
  } catch (error) {
    await workers?.close();
    throw error;
  }
}

/** The same project with its notes' trees left out (copies: the notes given are not changed).
 * Once every page is rendered a project the build opened needs no trees. */
export function withoutTrees(project: Project): Project {
  const notes = project.vault.notes.map((note) => ({ ...note, tree: { type: 'root' as const, children: [] } }));
  return { ...project, vault: { ...project.vault, notes } };
}

async function traced<T>(phase: string, work: Promise<T>): Promise<T> {
  const result = await work;
  tracePhase(phase);
  return result;
}
