// Turn resolved links and parsed notes into problems, one function per concern.
import type { ParsedNote } from '../parse/types.js';
import type { LinkGraph, ResolvedLink } from '../resolve/index.js';
import { stripMd } from '../resolve/link-index.js';
import type { Problem } from './problem.js';
import type { Config } from '../config/schema.js';
import { closestOf, suggestLink, type Suggester } from './suggest.js';

/**
 * A problem before its severity is decided (config, suppression). `severity`, when set, is
 * the problem's own default, used when almanac.yaml does not set its rule's severity.
 */
export type RawProblem = Omit<Problem, 'severity'> & { severity?: Problem['severity'] };

export function linkProblem(resolved: ResolvedLink, graph: LinkGraph, names: Suggester): RawProblem | null {
  if (resolved.status === 'resolved') return null;
  const { link, source } = resolved;
  const where = { file: source, line: link.line, column: link.column, target: link.target };
  const subpathText = link.subpath ? (link.subpath.type === 'block' ? `^${link.subpath.id}` : link.subpath.headings.join('#')) : null;
  const target = resolved.note ? graph.index.notes.get(resolved.note) : undefined;
  const targetName = target ? linkName(target, graph) : '';
  switch (resolved.status) {
    case 'unresolved-link': {
      const guess = names.closest(link.path.replace(/\.md$/i, '').split('/').pop() ?? link.path);
      return {
        rule: 'unresolved-link',
        ...where,
        message: `No note or file named “${link.path}”${guess ? `; did you mean “${guess}”?` : ''}`,
        ...(guess ? { suggestion: suggestLink(link, { note: guess, subpath: subpathText }) } : {}),
      };
    }
    case 'unresolved-attachment':
      return { rule: 'unresolved-attachment', ...where, message: `No attachment named “${link.path}” in the vault` };
    case 'unresolved-heading': {
      const wanted = link.subpath?.type === 'heading' ? link.subpath.headings : [];
      const last = wanted[wanted.length - 1] ?? '';
      const guess = target
        ? closestOf(
            last,
            target.headings.map((heading) => heading.text),
          )
        : null;
      const prefix = link.path === '' ? '' : targetName;
      return {
        rule: 'unresolved-heading',
        ...where,
        message: `No heading “${wanted.join(' › ')}” in “${target?.title ?? link.path}”${guess ? `; did you mean “${guess}”?` : ''}`,
        ...(guess ? { suggestion: suggestLink(link, { note: prefix, subpath: guess }) } : {}),
      };
    }
    case 'unresolved-block': {
      const id = link.subpath?.type === 'block' ? link.subpath.id : '';
      return { rule: 'unresolved-block', ...where, message: `No block ^${id} in “${target?.title ?? link.path}”` };
    }
    case 'ambiguous-link': {
      const candidates = resolved.candidates ?? [];
      const chosen = resolved.note ?? '';
      if (new Set(candidates.map((path) => path.toLowerCase())).size === 1) {
        return {
          rule: 'ambiguous-link',
          ...where,
          message: `“${link.path}” names ${candidates.join(' and ')}, notes whose paths differ only in case; Almanac links ${chosen}. The vault breaks on case-insensitive file systems (macOS, Windows), where only one of them can exist: rename one`,
        };
      }
      return {
        rule: 'ambiguous-link',
        ...where,
        message: `“${link.path}” matches ${candidates.length} notes equally (${candidates.join(', ')}); Obsidian opens ${chosen}. Link with the folder to choose`,
        suggestion: suggestLink(link, { note: stripMd(chosen), subpath: subpathText }),
      };
    }
    case 'alias-link': {
      const owners = resolved.candidates ?? [];
      const shown = link.display ?? link.path;
      return {
        rule: 'alias-link',
        ...where,
        message: `“${link.path}” is an alias of “${target?.title ?? owners[0] ?? ''}”, not a note name: Obsidian leaves this link unresolved`,
        suggestion: suggestLink(link, { note: targetName, subpath: subpathText, display: shown }),
      };
    }
  }
}

/** The shortest way to link a note: its name, or its path when the name is shared. */
export function linkName(note: ParsedNote, graph: LinkGraph): string {
  const shared = (graph.index.byName.get(note.name.toLowerCase())?.length ?? 0) > 1;
  return shared ? stripMd(note.path) : note.name;
}

export function duplicateBlockProblems(note: ParsedNote): RawProblem[] {
  const seen = new Map<string, number>();
  const problems: RawProblem[] = [];
  for (const block of note.blocks) {
    const key = block.id.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, block.line);
    else
      problems.push({
        rule: 'duplicate-block-id',
        file: note.path,
        line: block.line,
        column: block.column,
        message: `Block id ^${block.id} is already used on line ${first}; links to it open the first one`,
      });
  }
  return problems;
}

/** Frontmatter issues found at parse time, and, only when almanac.yaml declares `types:`, the note's type against them. */
export function frontmatterProblems(note: ParsedNote, config: Config): RawProblem[] {
  const problems: RawProblem[] = note.issues.map((issue) => ({
    rule: issue.rule,
    file: note.path,
    line: issue.line,
    column: issue.column,
    message: issue.message,
    ...(issue.severity ? { severity: issue.severity } : {}),
  }));
  const types = config.types;
  if (note.type === null || types === undefined) return problems;
  const schema = Object.hasOwn(types, note.type) ? types[note.type] : undefined;
  const typeLine = note.frontmatterLines.type ?? 1;
  if (!schema) {
    const known = Object.keys(types);
    problems.push({
      rule: 'invalid-frontmatter',
      file: note.path,
      line: typeLine,
      column: 1,
      message: `Unknown note type “${note.type}”; ${known.length > 0 ? `expected one of ${known.join(', ')}` : 'almanac.yaml declares no types'}`,
    });
    return problems;
  }
  for (const key of schema.required) {
    if (note.frontmatter[key] === undefined || note.frontmatter[key] === null || note.frontmatter[key] === '') {
      problems.push({
        rule: 'invalid-frontmatter',
        file: note.path,
        line: typeLine,
        column: 1,
        message: `${note.type} notes need a \`${key}\` in their frontmatter`,
      });
    }
  }
  return problems;
}

export function orphanProblem(note: ParsedNote, graph: LinkGraph): RawProblem | null {
  if (note.path.toLowerCase() === 'index.md') return null;
  if ((graph.backlinks.get(note.path)?.length ?? 0) > 0) return null;
  return { rule: 'orphan-note', file: note.path, line: 1, column: 1, message: `No other note links to “${note.title}”` };
}
