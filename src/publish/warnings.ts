// Problems a build reports but survives (unless `strict`): links that go nowhere.
import type { ResolvedLink } from '../resolve/index.js';

export interface BuildWarning {
  /** Vault-relative path of the note holding the link. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

const MESSAGES: Partial<Record<ResolvedLink['status'], string>> = {
  'unresolved-link': 'Link to a note that does not exist',
  'unresolved-heading': 'Link to a heading the note does not have',
  'unresolved-block': 'Link to a block id the note does not have',
  'unresolved-attachment': 'Embed of a file that does not exist',
};

/** The warning for a link, or null when it lands somewhere. */
export function linkWarning(link: ResolvedLink): BuildWarning | null {
  const message = MESSAGES[link.status];
  if (!message) return null;
  return { file: link.source, line: link.link.line, column: link.link.column, rule: link.status, message: `${message}: ${link.link.target}` };
}

export function formatWarning(warning: BuildWarning): string {
  return `${warning.file}:${warning.line}:${warning.column} warning ${warning.message} [${warning.rule}]`;
}
