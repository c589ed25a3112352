// The library's view of entity facts: `entityFacts(project, note)`, the rows of tables that
// link to a note, from one index per project (made on first use, then kept with the project).
import type { Project } from '../project/index.js';
import { factIndex, factSummary, type EntityFact, type FactIndex } from './facts.js';

export { factIndex, factSummary, groupFacts, newestFirst, type EntityFact, type FactGroup, type FactIndex, type FactLink, type FactSummary } from './facts.js';

const cache = new WeakMap<object, FactIndex>();

/** The index of a project's facts (every note's tables), made once per project value. */
export function projectFacts(project: Pick<Project, 'vault' | 'graph'>): FactIndex {
  let index = cache.get(project.graph);
  if (!index) {
    index = factIndex(project.vault.notes, project.graph);
    cache.set(project.graph, index);
  }
  return index;
}

/** Rows of tables in the vault that link to `note` (a vault path, or a note's file name), newest first. */
export function entityFacts(project: Pick<Project, 'vault' | 'graph'>, note: string): EntityFact[] {
  const found = project.vault.notes.find((entry) => entry.path === note) ?? project.vault.notes.find((entry) => entry.name === note);
  return found ? (projectFacts(project).get(found.path) ?? []) : [];
}

/** The summary columns of a note's type (`types.TYPE.facts` in almanac.yaml) with their newest values. */
export function entitySummary(project: Pick<Project, 'vault' | 'graph' | 'config'>, note: string): ReturnType<typeof factSummary> {
  const entry = project.vault.notes.find((candidate) => candidate.path === note) ?? project.vault.notes.find((candidate) => candidate.name === note);
  const columns = entry?.type ? (project.config.types?.[entry.type]?.facts ?? []) : [];
  return entry ? factSummary(entityFacts(project, entry.path), columns) : [];
}

/** `types.TYPE.facts` of a config, by type: the columns entity pages of that type sum up. */
export function typeFactColumns(config: Pick<Project['config'], 'types'>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [type, schema] of Object.entries(config.types ?? {})) if (schema.facts.length > 0) out[type] = schema.facts;
  return out;
}
