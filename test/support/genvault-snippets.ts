// The text genvault-render.ts plants: code in eight languages (from bench/code-cost.ts of
// issue 15), TeX, Mermaid, a JSON Canvas board and a Bases table view. Each snippet takes a
// number, so blocks differ from note to note (no renderer cache hides the work).

type Snippet = readonly [lang: string, make: (n: number) => string];

export const CODE_SNIPPETS: readonly Snippet[] = [
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

export const MATH_INLINE: ReadonlyArray<(n: number) => string> = [
  (n) => `$\\beta_{${n}} = \\frac{\\operatorname{cov}(r_i, r_m)}{\\sigma_m^2}$`,
  (n) => `$r_t = \\ln(P_t / P_{t-${n + 1}})$`,
  (n) => `$\\sum_{k=1}^{${n + 2}} w_k = 1$`,
];

export const MATH_DISPLAY: ReadonlyArray<(n: number) => string> = [
  (n) => `\\sigma_p^2 = \\sum_{i=1}^{${n + 2}} \\sum_{j=1}^{${n + 2}} w_i w_j \\sigma_{ij}`,
  (n) => `\\begin{aligned}\nS_${n} &= \\frac{E[R_p - R_f]}{\\sigma_p} \\\\\nD &= \\max_{t \\le T} \\frac{P_t - P_T}{P_t}\n\\end{aligned}`,
  (n) => `\\hat{\\mu} = \\frac{1}{${n + 1}} \\sum_{t=1}^{${n + 1}} r_t, \\quad \\hat{\\sigma} = \\sqrt{\\frac{\\sum (r_t - \\hat{\\mu})^2}{${n}}}`,
];

export function mermaidDiagram(n: number): string {
  return `graph LR\n  A[Flows ${n}] --> B{Rotation?}\n  B -->|yes| C[Cyclicals]\n  B -->|no| D[Defensives]\n  C --> E((Review))\n  D --> E`;
}

/** Folder and tag of each base's table view. */
export const BASE_FOLDERS: ReadonlyArray<readonly [folder: string, tag: string]> = [
  ['Rotations', 'rotation'],
  ['ETFs', 'etf'],
  ['Companies', 'company'],
  ['Theses', 'thesis'],
  ['Concepts', 'concept'],
];

/** A table view over one folder; every other base caps its rows at 50. */
export function viewYaml(k: number, [folder, tag]: readonly [string, string]): string {
  const limit = k % 2 === 0 ? '    limit: 50\n' : '';
  return (
    `filters:\n  and:\n    - file.inFolder("${folder}")\n    - file.hasTag("${tag}")\n` +
    `properties:\n  file.name:\n    displayName: Note\n` +
    `views:\n  - type: table\n    name: ${folder} ${k + 1}\n    order:\n      - file.name\n      - type\n      - updated\n` +
    `    sort:\n      - property: updated\n        direction: DESC\n${limit}`
  );
}

/** A board: a group, two text cards linking notes, two note cards, a chart, a link card, edges. */
export function boardJson(k: number, notes: readonly string[]): string {
  const [a = '', b = '', c = '', d = ''] = notes;
  const stem = (path: string) => path.replace(/\.md$/, '');
  const nodes = [
    { id: 'group', type: 'group', x: -40, y: -60, width: 1000, height: 520, label: `Plan ${k + 1}`, color: String((k % 6) + 1) },
    { id: 'intro', type: 'text', x: 0, y: 0, width: 300, height: 160, text: `# Board ${k + 1}\n\nStart at [[${stem(a)}]], then [[${stem(b)}|the follow-up]].` },
    { id: 'note', type: 'file', x: 400, y: 0, width: 280, height: 200, file: c },
    { id: 'other', type: 'file', x: 700, y: 0, width: 240, height: 200, file: d, subpath: '#Summary' },
    { id: 'chart', type: 'file', x: 400, y: 260, width: 200, height: 100, file: `attachments/chart-${k % 50}.png` },
    { id: 'site', type: 'link', x: 0, y: 220, width: 300, height: 100, url: `https://example.com/boards/${k}` },
    { id: 'todo', type: 'text', x: 700, y: 260, width: 240, height: 120, text: `- [ ] check ==flows== ${k}\n- [x] #canvas note` },
  ];
  const edges = [
    { id: 'e1', fromNode: 'intro', fromSide: 'right', toNode: 'note', toSide: 'left', label: 'then' },
    { id: 'e2', fromNode: 'note', toNode: 'other', toEnd: 'arrow' },
    { id: 'e3', fromNode: 'note', fromSide: 'bottom', toNode: 'chart', toSide: 'top' },
  ];
  return `${JSON.stringify({ nodes, edges }, null, '\t')}\n`;
}

/** A one-page PDF, small and valid enough to be copied and embedded. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
