// What a build says about its published canvases, in check's words: a file that is not JSON
// Canvas or a node or edge left out (`invalid-canvas`), and the broken links of their cards
// (the rules a build warns about, at the line of the card's `text` or `file`).
import { BROKEN_LINK_RULES, noteNameSuggester } from '../../check/broken-links.js';
import { severityOf } from '../../check/policy.js';
import { linkProblem } from '../../check/rules.js';
import type { Config } from '../../config/schema.js';
import type { ParsedNote } from '../../parse/types.js';
import type { SiteModel } from '../model/site-model.js';
import type { BuildWarning } from '../model/warnings.js';

export function canvasWarnings(site: SiteModel, vault: readonly ParsedNote[], config: Config): BuildWarning[] {
  if (site.canvases.size === 0) return [];
  const names = noteNameSuggester(vault);
  const warnings: BuildWarning[] = [];
  for (const { canvas } of site.canvases.values()) {
    if (severityOf('invalid-canvas', config) !== null) for (const issue of canvas.issues) warnings.push({ ...issue, file: canvas.path });
    for (const resolved of site.graph.outgoing.get(canvas.path) ?? []) {
      const problem = linkProblem(resolved, site.graph, names);
      if (!problem || !BROKEN_LINK_RULES.includes(problem.rule) || severityOf(problem.rule, config) === null) continue;
      const { severity: _severity, ...warning } = problem;
      warnings.push(warning);
    }
  }
  return warnings;
}
