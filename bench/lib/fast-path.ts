// The share of a vault's notes that take the fast parse path, computed in this process with
// the modules the run measures (the dist/ copy of bench/lib/snapshot.ts): a note's body (after
// its frontmatter, as parseNote reads it) takes the fast path when fastPathRefusal says
// nothing against it and the fast tokenizer does not give up on it (FastPathUnsupported),
// as in parseMarkdown (src/parse/processor.ts). The refusals are counted by reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownFiles, type BenchVault } from './vaults.js';

export interface FastPathShare {
  vault: string;
  /** The generator's profile, or `sample`. */
  profile: string;
  notes: number;
  fast: number;
  /** Notes sent to remark, by reason, most first. */
  reasons: Array<{ reason: string; notes: number }>;
  /** Set when the share could not be computed (e.g. the parser's exports changed). */
  error?: string;
  seconds: number;
}

interface Parser {
  refusal: (markdown: string) => string | null;
  fastMdast: (markdown: string) => unknown;
  unsupported: abstract new (...args: never[]) => Error;
  body: (source: string) => string;
  nesting: (markdown: string) => void;
}

const BOM = '\uFEFF';

export async function fastPathShare(vault: BenchVault, distDir: string): Promise<FastPathShare> {
  const started = performance.now();
  const profile = vault.profile ?? 'sample';
  const files = markdownFiles(vault.dir);
  const base = { vault: vault.label, profile, notes: files.length };
  let parser: Parser;
  try {
    parser = await loadParser(distDir);
  } catch (error) {
    return { ...base, fast: 0, reasons: [], error: error instanceof Error ? error.message : String(error), seconds: 0 };
  }
  const reasons = new Map<string, number>();
  let fast = 0;
  for (const file of files) {
    const source = readFileSync(join(vault.dir, file), 'utf8');
    const reason = refusalOf(parser, parser.body(source.startsWith(BOM) ? source.slice(1) : source));
    if (reason === null) fast++;
    else reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const sorted = [...reasons].map(([reason, notes]) => ({ reason, notes })).sort((a, b) => b.notes - a.notes || a.reason.localeCompare(b.reason));
  return { ...base, fast, reasons: sorted, seconds: (performance.now() - started) / 1000 };
}

/** Why this body goes to remark (or to a parse error), or null when the fast path reads it. */
function refusalOf(parser: Parser, body: string): string | null {
  try {
    parser.nesting(body);
  } catch {
    return 'nested too deep (parse error)';
  }
  const refusal = parser.refusal(body);
  if (refusal !== null) return refusal;
  try {
    parser.fastMdast(body);
    return null;
  } catch (error) {
    if (error instanceof parser.unsupported) return `fast tokenizer gave up: ${error.message.replace(/\d+/g, 'N')}`;
    return `fast tokenizer threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function loadParser(distDir: string): Promise<Parser> {
  const load = async (file: string): Promise<Record<string, unknown>> => {
    const module: unknown = await import(pathToFileURL(join(distDir, 'parse', file)).href);
    if (typeof module !== 'object' || module === null) throw new Error(`dist/parse/${file} is not a module`);
    return { ...module };
  };
  const [eligible, toMdast, frontmatter, nesting] = await Promise.all([
    load('fast/eligible.js'),
    load('fast/to-mdast.js'),
    load('frontmatter.js'),
    load('nesting.js'),
  ]);
  const fn = (module: Record<string, unknown>, name: string, file: string): ((text: string) => unknown) => {
    const value = module[name];
    if (typeof value !== 'function') throw new Error(`dist/parse/${file} exports no ${name}: the fast-path share needs updating`);
    return (text: string): unknown => Reflect.apply(value, undefined, [text]);
  };
  const refusal = fn(eligible, 'fastPathRefusal', 'fast/eligible.js');
  const read = fn(frontmatter, 'readFrontmatter', 'frontmatter.js');
  const unsupported = toMdast.FastPathUnsupported;
  if (typeof unsupported !== 'function') throw new Error('dist/parse/fast/to-mdast.js exports no FastPathUnsupported');
  return {
    refusal: (markdown) => {
      const reason = refusal(markdown);
      return typeof reason === 'string' ? reason : null;
    },
    fastMdast: fn(toMdast, 'fastMdast', 'fast/to-mdast.js'),
    unsupported: unsupported as Parser['unsupported'],
    body: (source) => {
      const parsed = read(source);
      return typeof parsed === 'object' && parsed !== null && 'body' in parsed && typeof parsed.body === 'string' ? parsed.body : source;
    },
    nesting: fn(nesting, 'checkSourceNesting', 'nesting.js'),
  };
}

/** `comment 1,820 (91.0%)`, the first `top` reasons. */
export function topReasons(share: FastPathShare, top = 4): string {
  if (share.error !== undefined) return `not measured: ${share.error}`;
  if (share.reasons.length === 0) return '—';
  const shown = share.reasons.slice(0, top).map((entry) => `${entry.reason} ${entry.notes} (${percent(entry.notes, share.notes)})`);
  const rest = share.reasons.length - top;
  return `${shown.join('; ')}${rest > 0 ? `; ${rest} other reason${rest === 1 ? '' : 's'}` : ''}`;
}

export const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

export const FAST_PATH_HEADER = ['Vault', 'Profile', 'Notes', 'Fast path', 'Share', 'Top reasons for remark'];

export function fastPathRows(shares: readonly FastPathShare[]): string[][] {
  return shares.map((share) => [
    share.vault,
    share.profile,
    String(share.notes),
    share.error === undefined ? String(share.fast) : '—',
    share.error === undefined ? percent(share.fast, share.notes) : '—',
    topReasons(share),
  ]);
}
