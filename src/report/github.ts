// GitHub Actions workflow commands: one annotation per diagnostic, paths from the repository root.
import { repoPath, type Diagnostic } from '../diagnostic.js';

export interface GithubOptions {
  /** Prefix that turns a vault-relative path into a repository-relative one, e.g. `notes/`. */
  pathPrefix?: string;
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(result: { problems: readonly Diagnostic[] }, options: GithubOptions = {}): string {
  const prefix = options.pathPrefix ?? '';
  return result.problems
    .map((problem) => {
      const message = problem.suggestion ? `${problem.message} (suggestion: ${problem.suggestion})` : problem.message;
      const properties = `file=${escapeProperty(repoPath(prefix, problem.file))},line=${problem.line},col=${problem.column},title=${escapeProperty(problem.rule)}`;
      return `::${COMMAND[problem.severity]} ${properties}::${escapeData(message)}\n`;
    })
    .join('');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
