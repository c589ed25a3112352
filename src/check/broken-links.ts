// The link problems of some notes, worded and suggested exactly as `check` reports them:
// `build` warns about these for its published notes (frontmatter links included).
import type { Config } from '../config/schema.js';
import type { ParsedNote } from '../parse/types.js';
import type { LinkGraph } from '../resolve/index.js';
import type { RuleId } from '../config/rules.js';
import { compareDiagnostics } from '../diagnostic.js';
import type { Problem } from './problem.js';
import { isSuppressed, severityOf } from './policy.js';
import { linkProblem } from './rules.js';
import { Suggester } from './suggest.js';

/** Links that go nowhere: the rules a build warns about (and `build --strict` fails on). */
export const BROKEN_LINK_RULES: readonly RuleId[] = ['unresolved-link', 'unresolved-heading', 'unresolved-block', 'unresolved-attachment'];

/** Names a "did you mean" may propose: every note's name and title (of the whole vault). */
export function noteNameSuggester(notes: readonly ParsedNote[]): Suggester {
  return new Suggester(notes.flatMap((note) => [note.name, note.title]));
}

/**
 * The broken links (BROKEN_LINK_RULES) of `notes`, as check reports them: rules set to `off`
 * and `almanac-ignore` comments drop them, suggestions come from all of `vault` notes.
 */
export function brokenLinkProblems(notes: readonly ParsedNote[], vault: readonly ParsedNote[], graph: LinkGraph, config: Config): Problem[] {
  const names = noteNameSuggester(vault);
  const problems: Problem[] = [];
  for (const note of notes) {
    for (const resolved of graph.outgoing.get(note.path) ?? []) {
      const problem = linkProblem(resolved, graph, names);
      if (!problem || !BROKEN_LINK_RULES.includes(problem.rule)) continue;
      const severity = severityOf(problem.rule, config);
      if (severity === null || isSuppressed(note, problem)) continue;
      problems.push({ ...problem, severity });
    }
  }
  return problems.sort(compareDiagnostics);
}
