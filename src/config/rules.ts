// Rule ids and their default severities, kept as constants (one source of truth).
export const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULES = {
  'unresolved-link': 'error',
  'unresolved-heading': 'error',
  'unresolved-block': 'error',
  'unresolved-attachment': 'error',
  'ambiguous-link': 'warning',
  'alias-link': 'warning',
  'duplicate-block-id': 'error',
  'invalid-frontmatter': 'error',
  'parse-error': 'error',
  'orphan-note': 'info',
  'stale-note': 'warning',
  'stale-table': 'warning',
  'feed-marker': 'error',
  'undated-note': 'off',
  'unmatched-exclude': 'warning',
  'unsafe-symlink': 'warning',
  'note-too-large': 'warning',
  'invalid-encoding': 'error',
  'permalink-conflict': 'warning',
  'invalid-canvas': 'error',
  'invalid-base': 'warning',
  'invalid-chart': 'warning',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}

export const RULE_DESCRIPTIONS: Record<RuleId, string> = {
  'unresolved-link': 'A link names a note or file that is not in the vault.',
  'unresolved-heading': 'A link names a heading the target note does not have.',
  'unresolved-block': 'A link names a block id (^id) the target note does not have.',
  'unresolved-attachment': 'An embed or link names an attachment that is not in the vault.',
  'ambiguous-link': 'A bare name matches several notes at equal rank; Obsidian opens one of them.',
  'alias-link': 'A bare link names an alias; aliases are display names, so Obsidian leaves it unresolved.',
  'duplicate-block-id': 'The same block id (^id) is used twice in one note.',
  'invalid-frontmatter': 'The frontmatter does not parse or does not match the note schema.',
  'parse-error':
    'The note nests too deep to parse or render safely (over 100 nested lists, quotes or HTML elements) or its parse failed; its page says it could not be rendered.',
  'orphan-note': 'No other note links to this note.',
  'stale-note': 'The note’s date is older than the staleness policy for its type.',
  'stale-table': 'A feed-backed table was last refreshed longer ago than its feed’s max-age.',
  'feed-marker':
    'A feed marker makes no region: a start marker without `<!-- /feed -->`, a second start before the first closes, an unknown attribute, a stray end, or a comment that looks like a marker; refresh leaves the note alone.',
  'undated-note': 'The note has no date: no frontmatter `updated`, no `*Updated YYYY-MM-DD*` line, no git history.',
  'unmatched-exclude': 'A `site.exclude` entry matches no note or file in the vault (a typo there publishes what it meant to hide).',
  'unsafe-symlink':
    'A symlink points outside the vault, or at a folder that holds it; Almanac does not follow it, so nothing behind it is checked or published.',
  'note-too-large': 'A note is larger than `limits.note-size`; it is not read, checked or published (links to it still resolve).',
  'invalid-encoding': 'A note is neither UTF-8 nor UTF-16 with a byte-order mark; the bytes that are not UTF-8 read as U+FFFD.',
  'permalink-conflict':
    'A published note’s `permalink:` cannot be used (a full URL, `.` or `..`, no letter or digit) or is taken (another note’s URL, an earlier permalink, a folder the site writes); the page keeps its own URL.',
  'invalid-canvas':
    'A .canvas file is not JSON Canvas 1.0 (not JSON, or not an object of `nodes` and `edges`), or one of its nodes or edges breaks the spec (a missing id or position, an unknown type, a colour that is not a preset or hex, an edge to a node that does not exist); that part is left out of its page.',
  'invalid-base':
    'A .base file (Obsidian Bases) is not valid YAML or not of the shape Bases reads (`filters`, `formulas`, `properties`, `views`); its page and embeds show the problem instead of a table.',
  'invalid-chart':
    'A `%% chart: TYPE x=COLUMN y=COLUMN %%` comment cannot be drawn: an unknown type or key, no table on the next line (or after a feed start marker there), a column the table does not have, or a y= column with no numbers; the table shows without its chart.',
};
