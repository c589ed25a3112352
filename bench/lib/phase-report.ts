// "Where the time goes": the per-phase table of each vault's fastest cold build (its
// ALMANAC_TRACE, bench/lib/trace.ts), the worker threads' heaps, and the physical limit of
// the machine (bench/lib/physical.ts) under it.
import { fmt, step } from './stats.js';
import type { VaultResult } from './suite.js';
import { peakPhase, phaseRows, workerLines, type TraceLine } from './trace.js';

const HEADER = ['Phase', 'Thread', 'Wall s', 'CPU s', 'Share of wall', 'RSS at end MiB', 'Peak RSS so far MiB', 'Heap MiB (used / allocated)'];

/** The trace of the fastest successful cold build of `result`, or null. */
export function fastestTrace(result: VaultResult): TraceLine[] | null {
  const runs = step(result, 'build-cold')?.runs ?? [];
  let best: { seconds: number; trace: TraceLine[] } | null = null;
  runs.forEach((run, index) => {
    const trace = result.traces[index] ?? [];
    if (!run.ok || trace.length === 0) return;
    if (best === null || run.seconds < best.seconds) best = { seconds: run.seconds, trace };
  });
  return (best as { seconds: number; trace: TraceLine[] } | null)?.trace ?? null;
}

export function phaseTableRows(trace: readonly TraceLine[], physical: VaultResult['physical']): string[][] {
  const rows = phaseRows(trace);
  const total = rows.reduce((sum, row) => sum + row.wallMs, 0);
  const out = rows.map((row) => [
    row.phase,
    row.thread,
    fmt(row.wallMs / 1000),
    fmt(row.cpuMs / 1000),
    total > 0 ? `${fmt((100 * row.wallMs) / total, 1)} %` : '—',
    fmt(row.rssMiB, 0),
    fmt(row.maxRssMiB, 0),
    `${fmt(row.heapMiB, 0)} / ${fmt(row.heapTotalMiB, 0)}`,
  ]);
  out.push(['**total (traced)**', '', fmt(total / 1000), fmt(rows.reduce((sum, row) => sum + row.cpuMs, 0) / 1000), '100 %', '', '', '']);
  if (physical) {
    out.push([`physical limit: read ${physical.files} Markdown files`, 'bench', fmt(physical.readSeconds), '', '', '', '', '']);
    out.push([
      `physical limit: write ${physical.pages} pages (${fmt(physical.pageBytes / 1e6, 1)} MB)`,
      'bench',
      fmt(physical.writeSeconds),
      fmt(physical.cpuSeconds),
      '',
      '',
      '',
      '',
    ]);
  }
  return out;
}

export function phaseSection(vaults: readonly VaultResult[], table: (rows: string[][], header: string[]) => string): string[] {
  const out = ['## Where the time goes (cold build, per phase)', ''];
  out.push(
    'Each phase of the fastest cold build, from the trace it wrote (`ALMANAC_TRACE`, src/publish/build/trace.ts): wall and CPU time ' +
      '(the whole process, every thread) since the phase before, RSS at its end and the peak RSS of the process so far, and the heap of the ' +
      'thread that ended it. The build runs in a worker thread ("build"); the note workers parse and render, the search worker indexes ' +
      'while pages are planned, the writer thread saves pages while Eleventy renders. "Physical limit" is this machine reading the same ' +
      'Markdown files and writing as many pages of the same total size, nothing else (bench/lib/physical.ts, in the benchmark process).',
    '',
  );
  let any = false;
  for (const result of vaults) {
    const trace = fastestTrace(result);
    if (!trace) continue;
    any = true;
    out.push(`### ${result.vault.label}`, '');
    out.push(table(phaseTableRows(trace, result.physical), HEADER), '');
    const peak = peakPhase(trace);
    if (peak) out.push(`- Peak RSS ${fmt(peak.maxRssMiB, 0)} MiB, first seen at the end of "${peak.phase}" (${peak.thread}).`);
    const workers = workerLines(trace);
    if (workers.length > 0)
      out.push(
        `- Worker threads' heaps (used / allocated MiB) at their phase ends: ${workers
          .map((line) => `${line.thread} ${line.phase} ${fmt(line.heapMiB, 0)} / ${fmt(line.heapTotalMiB ?? null, 0)}`)
          .join('; ')}.`,
      );
    out.push('');
  }
  if (!any) out.push('No traced cold build in this run.', '');
  return out;
}
