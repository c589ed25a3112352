// What build-time highlighting costs (issue 15): a generated vault (10,000 notes by default)
// where 5% of the notes get one to three fenced code blocks, built cold twice over by the
// compiled CLI, alternating: once with languages Shiki knows (ts, py, sh, json, yaml, sql,
// go, rust) and once with the same blocks under unknown languages (plain, Shiki never
// loaded). Same Markdown bytes but for the language names. Run `npm run build:ts` first.
//   npx tsx bench/code-cost.ts [--notes 10000] [--runs 3] [--share 0.05]
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateVault, makeRng } from '../test/support/genvault.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const SNIPPETS: Array<[string, (n: number) => string]> = [
  [
    'ts',
    (n) =>
      `interface Quote${n} {\n  ticker: string;\n  price: number;\n}\n\nexport function spread${n}(a: Quote${n}, b: Quote${n}): number {\n  return Math.abs(a.price - b.price) / ${n + 1}; // basis\n}`,
  ],
  [
    'py',
    (n) =>
      `import pandas as pd\n\ndef rolling_${n}(frame: pd.DataFrame, window: int = ${(n % 20) + 5}) -> pd.Series:\n    """Rolling mean of closes."""\n    return frame["close"].rolling(window).mean()\n\nprint(rolling_${n}(pd.read_csv("prices-${n}.csv")).tail())`,
  ],
  [
    'sh',
    (n) =>
      `#!/usr/bin/env bash\nset -euo pipefail\nfor f in data/${n}/*.csv; do\n  echo "importing $f"\n  psql -c "\\\\copy prices from '$f' csv header"\ndone`,
  ],
  ['json', (n) => `{\n  "id": ${n},\n  "sector": "energy",\n  "weights": [0.${n % 10}, 0.3, 0.2],\n  "active": true\n}`],
  [
    'yaml',
    (n) =>
      `portfolio:\n  name: model-${n}\n  rebalance: monthly\n  holdings:\n    - ticker: XLE\n      weight: 0.${n % 10}\n    - ticker: XLF\n      weight: 0.2`,
  ],
  [
    'sql',
    (n) =>
      `SELECT ticker, AVG(close) AS mean_close\nFROM prices\nWHERE day >= DATE '2025-0${(n % 9) + 1}-01'\nGROUP BY ticker\nHAVING COUNT(*) > ${n % 50}\nORDER BY mean_close DESC;`,
  ],
  ['go', (n) => `package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; i < ${n % 10}; i++ {\n\t\tfmt.Println("tick", i)\n\t}\n}`],
  [
    'rust',
    (n) =>
      `fn drawdown_${n}(prices: &[f64]) -> f64 {\n    let mut peak = f64::MIN;\n    prices.iter().fold(0.0, |worst, &p| {\n        peak = peak.max(p);\n        worst.max((peak - p) / peak)\n    })\n}`,
  ],
];

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** Append code to `share` of the notes; `known` false writes the same blocks under unknown language names. */
function addCode(vault: string, share: number, known: boolean): { notes: number; blocks: number } {
  const rnd = makeRng(15);
  let notes = 0;
  let blocks = 0;
  for (const file of markdownFiles(vault)) {
    if (rnd() >= share) continue;
    const count = 1 + Math.floor(rnd() * 3);
    let text = '';
    for (let i = 0; i < count; i++) {
      const snippet = SNIPPETS[Math.floor(rnd() * SNIPPETS.length)];
      if (!snippet) continue;
      const [lang, make] = snippet;
      text += `\n\`\`\`${known ? lang : `${lang}-x`}\n${make(blocks)}\n\`\`\`\n`;
      blocks++;
    }
    appendFileSync(file, text);
    notes++;
  }
  return { notes, blocks };
}

function coldBuild(vault: string, out: string): number {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(vault, '.almanac'), { recursive: true, force: true });
  const started = performance.now();
  execFileSync(process.execPath, [join(REPO, 'bin/almanac.js'), 'build', '--vault', vault, '--out', out, '--no-cache', '--today', '2026-06-01'], {
    stdio: 'ignore',
  });
  return (performance.now() - started) / 1000;
}

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`bad --${name}`);
  return value;
}

function main(argv: string[]): void {
  const notes = option(argv, 'notes', 10_000);
  const runs = option(argv, 'runs', 3);
  const share = option(argv, 'share', 0.05);
  const root = mkdtempSync(join(tmpdir(), 'almanac-code-cost-'));
  try {
    const variants = [
      { name: 'highlighted', known: true },
      { name: 'plain (unknown languages)', known: false },
    ].map((variant) => {
      const vault = join(root, variant.known ? 'known' : 'unknown');
      generateVault({ out: vault, notes, seed: 7 });
      return { ...variant, vault, added: addCode(vault, share, variant.known), times: [] as number[] };
    });
    console.log(`vault: ${notes} notes (+ generator extras); code in ${variants[0]?.added.notes} notes, ${variants[0]?.added.blocks} blocks`);
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so a slow spell on the machine falls on both.
      const order = run % 2 === 0 ? variants : [...variants].reverse();
      for (const variant of order) variant.times.push(coldBuild(variant.vault, join(root, 'out')));
    }
    for (const variant of variants) {
      const sorted = [...variant.times].sort((a, b) => a - b);
      console.log(
        `${variant.name}: min ${sorted[0]?.toFixed(2)} s, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} s (${variant.times.map((t) => t.toFixed(2)).join(' / ')})`,
      );
    }
    console.log(`(vaults under ${relative(REPO, root)})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
