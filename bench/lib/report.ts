// The results: a table on the terminal and bench/RESULTS.md.
import { existsSync, readFileSync } from 'node:fs';
import { FAST_PATH_HEADER, fastPathRows, percent, topReasons, type FastPathShare } from './fast-path.js';
import type { FeaturesResult } from './features.js';
import { featuresMarkdownSection } from './features-report.js';
import type { ProfileSummary } from './profile.js';
import type { ServeResult } from './serve-latency.js';
import { fmt, maxRss, minCpu, minSeconds, pages, ratio, spread, step } from './stats.js';
import { phaseSection } from './phase-report.js';
import { STEP_LABELS, type VaultResult } from './suite.js';
import type { TargetCheck } from './targets.js';

export interface RunInfo {
  command: string;
  started: Date;
  finished: Date;
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
  loadStart: number[];
  loadEnd: number[];
  commit: string;
  notes: string[];
  runs: number;
  rssSource: string;
}

const HEADER = ['Vault', 'Step', 'Min s', 'All runs, s', 'Spread', 'Min CPU s', 'Peak RSS MiB', 'Pages', '× Eleventy time', '× Eleventy CPU', '× Eleventy RSS'];

export function measurementRows(vaults: VaultResult[]): string[][] {
  const rows: string[][] = [];
  for (const result of vaults) {
    const eleventy = step(result, 'eleventy');
    for (const entry of result.steps) {
      if (entry.runs.length === 0) {
        rows.push([result.vault.label, STEP_LABELS[entry.step], 'not run', '', '', '', '', '', '', '', '']);
        continue;
      }
      const failed = entry.runs.filter((run) => !run.ok).length;
      const runs = entry.runs.map((run) => (run.ok ? run.seconds.toFixed(2) : 'FAILED')).join(' / ');
      const isBase = entry.step === 'eleventy';
      rows.push([
        result.vault.label,
        STEP_LABELS[entry.step],
        minSeconds(entry) === null ? 'FAILED' : fmt(minSeconds(entry)),
        failed > 0 ? `${runs} (${failed} failed)` : runs,
        spread(entry) === null ? '—' : `${fmt((spread(entry) ?? 0) * 100, 0)} %`,
        fmt(minCpu(entry), 1),
        fmt(maxRss(entry), 0),
        pages(entry) === null ? '—' : String(pages(entry)),
        isBase ? '1' : fmt(ratio(minSeconds(entry), minSeconds(eleventy))),
        isBase ? '1' : fmt(ratio(minCpu(entry), minCpu(eleventy))),
        isBase ? '1' : fmt(ratio(maxRss(entry), maxRss(eleventy))),
      ]);
    }
  }
  return rows;
}

export function textTable(rows: string[][], header = HEADER): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(rows: string[][], header = HEADER): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}

export function fastPathLine(share: FastPathShare): string {
  if (share.error !== undefined) return `fast parse path on ${share.vault}: ${topReasons(share)}`;
  return `fast parse path on ${share.vault} (${share.profile}): ${share.fast} of ${share.notes} notes (${percent(share.fast, share.notes)}); remark for: ${topReasons(share)}`;
}

function fastPathSection(shares: readonly FastPathShare[]): string[] {
  const out = ['## Fast parse path', ''];
  out.push(
    'The notes whose body `parseMarkdown` (src/parse/processor.ts) gives to the fast tokenizer and that it reads to the end, counted in the ' +
      'benchmark process with the dist/ copy the run measured (bench/lib/fast-path.ts); every other note goes to remark. A note counts under ' +
      "the first reason `fastPathRefusal` (src/parse/fast/eligible.ts) finds, or the fast tokenizer's own (`FastPathUnsupported`, numbers as N).",
    '',
  );
  out.push(shares.length === 0 ? 'Not measured in this run.' : markdownTable(fastPathRows(shares), FAST_PATH_HEADER), '');
  return out;
}

export function serveLine(serve: ServeResult): string {
  if (!serve.ok) return `serve on ${serve.vault}: FAILED (${serve.error ?? 'unknown'})`;
  const all = serve.latenciesMs.map((ms) => ms.toFixed(0)).join(', ');
  return `serve on ${serve.vault}: edit on disk in its page after ${fmt(serve.medianMs, 0)} ms (median of ${serve.latenciesMs.length}: ${all} ms)`;
}

export interface Report {
  info: RunInfo;
  vaults: VaultResult[];
  /** The share of each vault's notes on the fast parse path. */
  shares: FastPathShare[];
  serve: ServeResult | null;
  profile: ProfileSummary | null;
  targets: TargetCheck[];
  failures: string[];
  /** The render-features section; null when not run (`--no-features`). */
  features: FeaturesResult | null;
}

/** `--features-only`: the run and the render-features section alone (bench/RESULTS-features.md). */
export function featuresMarkdown(info: RunInfo, features: FeaturesResult | null, failures: string[]): string {
  const out = ['# Benchmark results: render features', ''];
  out.push(`Written by \`${info.command}\` (bench/run.ts); nothing in this file is typed in by hand. The full run is bench/RESULTS.md.`, '');
  out.push(...runLines(info), featuresMarkdownSection(features, markdownTable));
  if (failures.length > 0) out.push('## Failures', '', ...failures.map((failure) => `- ${failure}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function runLines(info: RunInfo): string[] {
  const out = ['## Run', ''];
  out.push(
    `- Date: ${info.started.toISOString()} → ${info.finished.toISOString()} (${((info.finished.getTime() - info.started.getTime()) / 60000).toFixed(1)} min)`,
  );
  out.push(`- Machine: ${info.cores} cores (os.availableParallelism()), ${info.cpu}, ${info.memoryGiB.toFixed(1)} GiB RAM, ${info.os}`);
  out.push(`- Node ${info.node}; Almanac at ${info.commit}`);
  out.push(
    `- Load average (1, 5, 15 min): ${info.loadStart.map((n) => n.toFixed(2)).join(', ')} at the start, ${info.loadEnd.map((n) => n.toFixed(2)).join(', ')} at the end`,
  );
  out.push(
    `- Times: wall clock of each child process, the minimum of ${info.runs} run${info.runs === 1 ? '' : 's'}; peak RSS: ${info.rssSource}, the highest of the runs`,
  );
  for (const note of info.notes) out.push(`- Note: ${note}`);
  out.push('');
  return out;
}

export function resultsMarkdown(report: Report, previousFile: string): string {
  const { info } = report;
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(`Written by \`${info.command}\` (bench/run.ts); nothing in this file is typed in by hand except the profile notes at the end.`, '');
  out.push(...runLines(info));
  out.push('## Vaults', '');
  out.push(
    markdownTable(
      report.vaults.map((result) => [
        result.vault.label,
        result.vault.profile === null ? result.vault.kind : `${result.vault.kind}, ${result.vault.profile} profile`,
        String(result.vault.notes),
        (result.vault.bytes / 1024 ** 2).toFixed(1),
        result.vault.links === null ? '—' : String(result.vault.links),
        result.vault.editNote,
      ]),
      ['Vault', 'Kind', 'Markdown files', 'MB of Markdown', '`[[…]]` references', 'Note edited'],
    ),
    '',
  );
  out.push('## Measurements', '');
  out.push(
    'Plain Eleventy 3 is bench/eleventy-baseline/ (default markdown-it, no wikilinks, one trivial layout, notes not templated) on the same vault. ' +
      "`-real` vaults are the generator's real profile (test/support/genvault-real.ts: notes shaped like people's vaults). " +
      '"Cold" has no `.almanac/` cache and no output folder; "warm" runs again with both present and nothing changed; ' +
      '"1 note edited" appends a line to one note first. Every build includes the search index. ' +
      'Pages: `.html` files in the output folder. Spread: (slowest − fastest) / fastest run. CPU: user + system seconds of the ' +
      'process and its children (every thread), the least of the runs.',
    '',
  );
  out.push(markdownTable(measurementRows(report.vaults)), '');
  out.push(...phaseSection(report.vaults, markdownTable));
  out.push(...fastPathSection(report.shares));
  out.push('## `almanac serve`', '');
  if (report.serve) {
    const serve = report.serve;
    out.push(`- ${serveLine(serve)}`);
    out.push(
      `- Note edited: ${serve.note}${serve.page ? `; page polled: ${serve.page}` : ''}; ready after ${fmt(serve.startupSeconds, 1)} s (its initial build)`,
    );
    if (serve.loggedMs.length > 0) out.push(`- serve's own log per update: ${serve.loggedMs.join(', ')} ms`);
    out.push(
      '- Method: append a unique line to the note, poll the page file every 5 ms until the line is in it; wait for the serve process tree to go idle (search re-index included) before the next edit. A first, untimed edit finds the page.',
    );
  } else {
    out.push('Not measured in this run (`--no-serve`).');
  }
  out.push('');
  out.push("## Targets (issue 16, and issue 6's that remain)", '');
  out.push(
    markdownTable(
      report.targets.map((target) => [target.target, target.measured, statusMark(target.status)]),
      ['Target', 'Measured', 'Status'],
    ),
    '',
  );
  out.push(featuresMarkdownSection(report.features, markdownTable));
  if (report.failures.length > 0) {
    out.push('## Failures', '');
    for (const failure of report.failures) out.push(`- ${failure}`);
    out.push('');
  }
  out.push(profileSection(report.profile, previousFile));
  return `${out.join('\n').trimEnd()}\n`;
}

const statusMark = (status: TargetCheck['status']): string => (status === 'met' ? '✅ met' : status === 'not met' ? '❌ not met' : '— not measured');

const PROFILE_HEADING = '## Profile findings';
const NOTES_PLACEHOLDER = '### Notes\n\n_Where the time goes and what to do about it: to be filled in by the lead._\n';

/** The automatic profile summary when this run profiled; otherwise the section of the previous results, kept. */
function profileSection(profile: ProfileSummary | null, previousFile: string): string {
  const previous = existsSync(previousFile) ? readFileSync(previousFile, 'utf8') : '';
  const at = previous.indexOf(PROFILE_HEADING);
  const kept = at === -1 ? null : previous.slice(at);
  if (!profile) return kept ?? `${PROFILE_HEADING}\n\n${NOTES_PLACEHOLDER}`;
  const notesAt = kept?.indexOf('### Notes') ?? -1;
  const notes = kept !== null && notesAt !== -1 ? kept.slice(notesAt) : NOTES_PLACEHOLDER;
  const pct = (ms: number) => `${((100 * ms) / profile.totalMs).toFixed(1)} %`;
  const lines = [PROFILE_HEADING, ''];
  lines.push(
    `One cold \`almanac build\` of the ${profile.vault} vault under \`node --cpu-prof\` (${profile.run.ok ? `${profile.run.seconds.toFixed(1)} s with the profiler on` : `FAILED: ${profile.run.error ?? ''}`}); ` +
      `${profile.profiles} profile${profile.profiles === 1 ? '' : 's'} (one per thread) in ${profile.dir.replace(/^.*\/bench\//, 'bench/')}, ` +
      `${(profile.totalMs / 1000).toFixed(1)} s of samples on the CPU, ${(profile.idleMs / 1000).toFixed(1)} s idle.`,
    '',
  );
  lines.push('### Top self time by function', '');
  lines.push(
    markdownTable(
      profile.functions.map((row) => [row.name, row.where === '' ? '—' : `\`${row.where}\``, (row.ms / 1000).toFixed(2), pct(row.ms)]),
      ['Function', 'Where', 'Self s', 'Share'],
    ),
    '',
  );
  lines.push('### Top self time by package / source file', '');
  lines.push(
    markdownTable(
      profile.modules.map((row) => [`\`${row.name}\``, (row.ms / 1000).toFixed(2), pct(row.ms)]),
      ['Package or file', 'Self s', 'Share'],
    ),
    '',
  );
  lines.push("### Top self time in Almanac's own code (dist/)", '');
  lines.push(
    markdownTable(
      profile.ownFiles.map((row) => [`\`${row.name}\``, (row.ms / 1000).toFixed(2), pct(row.ms)]),
      ['File', 'Self s', 'Share'],
    ),
    '',
  );
  lines.push(notes);
  return lines.join('\n');
}
