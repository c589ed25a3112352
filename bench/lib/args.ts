// `npm run bench -- [flags]`: what to measure and how often.
import { PROFILES, type Profile } from './vaults.js';
import { VARIANTS, type VariantId } from './features.js';

export interface BenchArgs {
  /** Sizes of the default-profile vaults. */
  sizes: number[];
  /** `--profiles`: the generator's profiles measured (both by default). */
  profiles: Profile[];
  /** Sizes of the real-profile vaults: `sizes`, without those over 10k unless `--sizes` was given. */
  realSizes: number[];
  runs: number;
  quick: boolean;
  seed: number;
  sample: boolean;
  serve: boolean;
  /** Timed edits in `almanac serve` (the median is reported). */
  edits: number;
  profile: boolean;
  /** Per command, in seconds. */
  timeout: number;
  /** Where to write the results; by default bench/RESULTS.md (quick runs: bench/out/). */
  results: string | null;
  keep: boolean;
  /** The render-features section (bench/lib/features.ts); on unless `--no-features`. */
  features: boolean;
  /** `--features-only`: that section alone, written to bench/RESULTS-features.md. */
  featuresOnly: boolean;
  /** `--variants`: the features section's variants measured (all by default). */
  variants: VariantId[] | null;
}

export const USAGE = `usage: npm run bench -- [--sizes 2000,10000,20000] [--profiles default,real] [--runs 3] [--quick]
       [--seed 7] [--no-sample] [--no-serve] [--edits 5] [--profile] [--timeout 3600] [--results FILE]
       [--keep] [--no-features | --features-only] [--variants eleventy,baseline,no-facts]
  --quick          one run, 2000 notes unless --sizes is given, 3 serve edits; results go to bench/out/
  --profiles       the generator's profiles to measure (test/support/genvault.ts): default, real
                   (genvault-real.ts, notes shaped like people's vaults) or both (the default);
                   the real profile runs at the same sizes, but not over 10k unless --sizes says so
  --profile        also profile one cold build (node --cpu-prof) of the 10k vault (or the largest)
  --keep           keep the temporary project and output folders
  --no-features    skip "Render features (issue 15)": cold builds of the vault of the largest size
                   up to 10k with code, math, diagrams/embeds, canvas/bases added, properties off
  --features-only  run only that section (--runs rounds, interleaved); results go to
                   bench/RESULTS-features.md (--quick: bench/out/RESULTS-features-quick.md)
  --variants       only these variants of that section (ids: ${VARIANTS.map((variant) => variant.id).join(', ')})`;

export function parseArgs(argv: readonly string[]): BenchArgs | string {
  const quick = argv.includes('--quick');
  const args: BenchArgs = {
    sizes: quick ? [2000] : [2000, 10000, 20000],
    profiles: [...PROFILES],
    realSizes: [],
    runs: quick ? 1 : 3,
    quick,
    seed: 7,
    sample: true,
    serve: true,
    edits: quick ? 3 : 5,
    profile: false,
    timeout: 3600,
    results: null,
    keep: false,
    features: true,
    featuresOnly: false,
    variants: null,
  };
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const switches: Record<string, () => void> = {
      '--quick': () => undefined,
      '--no-sample': () => (args.sample = false),
      '--no-serve': () => (args.serve = false),
      '--profile': () => (args.profile = true),
      '--keep': () => (args.keep = true),
      '--no-features': () => (args.features = false),
      '--features-only': () => (args.featuresOnly = true),
    };
    const toggle = switches[flag];
    if (toggle) {
      toggle();
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) return `${flag === '' ? 'empty argument' : `unknown flag or missing value: ${flag}`}`;
    i++;
    if (flag === '--sizes') {
      const sizes = value.split(',').map((part) => Number(part.trim()));
      if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) return `bad --sizes: ${value}`;
      args.sizes = sizes;
      sizesGiven = true;
    } else if (flag === '--profiles') {
      const profiles = value.split(',').map((part) => part.trim());
      const known = (name: string): name is Profile => PROFILES.some((profile) => profile === name);
      const unknown = profiles.filter((name) => !known(name));
      if (unknown.length > 0 || profiles.length === 0) return `bad --profiles: ${value} (default, real or both)`;
      args.profiles = PROFILES.filter((profile) => profiles.includes(profile));
    } else if (flag === '--runs' || flag === '--edits' || flag === '--timeout' || flag === '--seed') {
      const number = Number(value);
      const min = flag === '--seed' ? 0 : 1;
      if (!Number.isInteger(number) || number < min) return `bad ${flag}: ${value}`;
      if (flag === '--runs') args.runs = number;
      else if (flag === '--edits') args.edits = number;
      else if (flag === '--timeout') args.timeout = number;
      else args.seed = number;
    } else if (flag === '--variants') {
      const ids = value.split(',').map((part) => part.trim());
      const known = (id: string): id is VariantId => VARIANTS.some((variant) => variant.id === id);
      const unknown = ids.filter((id) => !known(id));
      if (unknown.length > 0) return `bad --variants: ${unknown.join(', ')} (${VARIANTS.map((variant) => variant.id).join(', ')})`;
      args.variants = ids.filter(known);
    } else if (flag === '--results') {
      args.results = value;
    } else {
      return `unknown flag: ${flag}`;
    }
  }
  if (args.featuresOnly && !args.features) return '--features-only and --no-features exclude each other';
  args.realSizes = sizesGiven ? args.sizes : args.sizes.filter((size) => size <= 10000);
  return args;
}
