// (CLI: help and usage errors.) What `--help` shows beyond cac's own sections (what the command
// does, examples, exit codes) and the "did you mean" of an unknown command or option.
import type { CAC, Command } from 'cac';
import { Suggester } from '../check/suggest.js';

interface HelpSection {
  title?: string;
  body: string;
}

/** Exit codes, per command; the global help lists the common meaning. */
const EXIT_CODES: Record<string, [string, string]> = {
  '': ['success', 'problems found (check errors, a failed feed or build)'],
  check: ['no errors (warnings pass unless --strict)', 'problems found: errors, or warnings with --strict'],
  refresh: ['every feed loaded and every table written (or, with --check, nothing would change)', 'a feed or note failed, or --check found changes'],
  build: ['site built (warnings are printed, not failures)', 'build failed: --strict and a warning, or an output folder it may not replace'],
  serve: ['stopped with Ctrl-C', 'the first build failed'],
};

/** Shape cac's help sections: the command's own line first, no "(default: true)" on --no-* flags, exit codes last. */
export function helpSections(cli: CAC, sections: HelpSection[]): HelpSection[] {
  const command = cli.matchedCommand;
  const name = command?.name ?? '';
  const shaped = sections.map((section) =>
    section.title === 'Options' ? { ...section, body: section.body.replace(/ \(default: true\)$/gm, '').replace(/ +$/gm, '') } : section,
  );
  const [header, ...rest] = shaped;
  const intro = [{ body: command?.description || 'Check, refresh and publish an Obsidian vault: links, data tables, stale notes, a static site.' }];
  const [ok, problems] = EXIT_CODES[name] ?? EXIT_CODES[''] ?? ['', ''];
  const exits = { title: 'Exit codes', body: `  0  ${ok}\n  1  ${problems}\n  2  usage or configuration error (bad flag, bad almanac.yaml)` };
  return [...(header ? [header] : []), ...intro, ...rest, exits];
}

/** ` (did you mean `build`?)` when an unknown command is close to one, else ''. */
export function commandHint(cli: CAC, given: string): string {
  const close = new Suggester(cli.commands.map((command) => command.name)).closest(given);
  return close ? ` (did you mean \`${close}\`?)` : '';
}

/** cac's `Unknown option \`--todya\`` with a "did you mean" from the command's own options (and the global ones). */
export function unknownOptionMessage(cli: CAC, message: string): string {
  const match = /^Unknown option `--?([^`]+)`$/.exec(message);
  if (!match?.[1]) return message;
  const given = kebab(match[1]);
  const flags = [...(cli.matchedCommand?.options ?? []), ...cli.globalCommand.options].flatMap((option) => flagNames(option.rawName));
  const close = new Suggester(flags).closest(given);
  return `Unknown option \`--${given}\`${close ? ` (did you mean \`--${close}\`?)` : ''}`;
}

/** `--no-search` → [search, no-search]; `--out <dir>` → [out]. */
function flagNames(rawName: string): string[] {
  return [...rawName.matchAll(/--([a-z][a-z-]*)/g)].flatMap((found) =>
    found[1]?.startsWith('no-') ? [found[1], found[1].slice(3)] : found[1] ? [found[1]] : [],
  );
}

/** cac reports options camelCased (`changedSince`); the user typed `changed-since`. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `almanac check --help` when a command was given, else `almanac --help`. */
export function helpCommand(command: Command | undefined): string {
  return command?.name ? `almanac ${command.name} --help` : 'almanac --help';
}
