// A build's warnings, in order: files the vault scan skipped (symlinks out of the vault, notes
// too large), what planning found (notes left out as private, unmatched excludes), then broken
// links as check reports them (frontmatter links included, published notes only). `--strict`
// turns any of them into a BuildError before anything is written.
import { AlmanacError } from '../../errors.js';
import type { Project } from '../../project/index.js';
import { allWarnings, type SitePlan } from '../pages/plan.js';
import { brokenLinkWarnings, formatWarnings, type BuildWarning } from '../model/warnings.js';
import { canvasWarnings } from '../canvas/warnings.js';

/** Thrown by a `strict` build with broken links; carries them. */
export class BuildError extends AlmanacError {
  constructor(
    message: string,
    readonly warnings: BuildWarning[],
  ) {
    super(message);
  }
}

export function buildWarnings(project: Project, plan: SitePlan): BuildWarning[] {
  const links = brokenLinkWarnings(
    plan.site.notes.map((entry) => entry.note),
    project.vault.notes,
    project.graph,
    project.config,
  );
  // Published canvases: invalid-canvas and their cards' broken links (publish/canvas/warnings.ts).
  const canvases = canvasWarnings(plan.site, project.vault.notes, project.config);
  return [...(project.vault.problems ?? []), ...allWarnings(plan), ...links, ...canvases];
}

/** `--strict`: any warning fails the build, the first 20 shown. */
export function refuseWarnings(warnings: BuildWarning[]): void {
  if (warnings.length === 0) return;
  const shown = formatWarnings(warnings.slice(0, 20)).trimEnd();
  const more = warnings.length > 20 ? `\n… and ${warnings.length - 20} more` : '';
  // Broken links only: said as before; else also notes left out as private, skipped files, unmatched excludes.
  const onlyLinks = warnings.every((warning) => warning.rule.startsWith('unresolved-'));
  const what = onlyLinks ? `broken ${warnings.length === 1 ? 'link' : 'links'} in published notes` : `${warnings.length === 1 ? 'warning' : 'warnings'}`;
  throw new BuildError(`${warnings.length} ${what} (--strict):\n${shown}${more}`, warnings);
}
