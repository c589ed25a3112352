// `permalink-conflict`: a note's `permalink:` that build cannot use (it holds `.` or `..`, is
// a full URL, has no letter or digit) or that is already taken (another note's URL, an
// earlier permalink, a folder the site writes). The site model places the notes exactly as
// `build` does, so check and build agree on every case; only published notes get a URL.
import type { Config } from '../config/schema.js';
import type { LinkGraph } from '../resolve/index.js';
import type { Vault } from '../vault/load.js';
import { buildSiteModel } from '../publish/model/site-model.js';
import type { RawProblem } from './rules.js';

export function permalinkProblems(vault: Vault, graph: LinkGraph, config: Config): RawProblem[] {
  if (!vault.notes.some((note) => note.frontmatter.permalink !== undefined && note.frontmatter.permalink !== null)) return [];
  const site = buildSiteModel({ notes: vault.notes, graph, vaultRoot: vault.root, base: '/', options: config.site });
  return site.warnings
    .filter((warning) => warning.rule === 'permalink')
    .map((warning) => ({ rule: 'permalink-conflict', file: warning.file, line: warning.line, column: warning.column, message: warning.message }));
}
