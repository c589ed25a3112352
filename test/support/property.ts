// Property-test settings. CI runs each property with a fixed seed, so a red run is about
// the change under test and can be replayed; to explore further, set ALMANAC_FC_SEED
// (a number, or `random`) and ALMANAC_FC_RUNS, e.g.
//   ALMANAC_FC_SEED=random ALMANAC_FC_RUNS=100000 npx vitest run test/parse-fast.test.ts
// fast-check prints the seed and path of any counterexample it finds.
const FIXED_SEED = 20261122;

export function propertyRuns(defaultRuns: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env.ALMANAC_FC_RUNS ?? defaultRuns);
  const numRuns = Number.isInteger(runs) && runs > 0 ? runs : defaultRuns;
  const seed = process.env.ALMANAC_FC_SEED;
  if (seed === 'random') return { numRuns };
  const fixed = seed === undefined ? FIXED_SEED : Number(seed);
  return { numRuns, seed: Number.isInteger(fixed) ? fixed : FIXED_SEED };
}

/** Pieces of Obsidian syntax that random documents are built from (the parser's property tests and the fuzz suite). */
export const OBSIDIAN_PIECES = [
  '[[',
  ']]',
  '![[',
  '|',
  '\\|',
  '\\',
  '#',
  '#^',
  '^id',
  ' ^b-1',
  '%%',
  '%',
  '==',
  '=',
  '`',
  '```',
  '---',
  '> ',
  '> [!note]- ',
  '<!--',
  '-->',
  '<!-- feed: f -->',
  '<!-- /feed -->',
  '| a | b |',
  '|---|---|',
  '*Updated 2026-01-14*',
  '- ',
  '    ',
  '\t',
  'tags: [a',
  ': ',
];

/** Pieces around Obsidian `%%comments%%`: markers, the blocks they may open, end or sit in.
 * (Comments in link labels and image alts are in test/parse-fast.test.ts's fixed cases.) */
export const COMMENT_PIECES = [
  '%%',
  '%%',
  '%',
  '\\',
  ' ',
  '  ',
  '   ',
  'a',
  'x %%c%% y',
  '\n',
  '\n',
  '\n\n',
  '  \n',
  '# ',
  '> ',
  '- ',
  '1. ',
  '| a | b |',
  '|---|---|',
  '---',
  '`',
  '*',
  '[[N]]',
  '<!--',
  '-->',
  '<b>',
  '&#37;',
];
