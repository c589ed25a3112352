// SARIF 2.1.0 for code-scanning UIs.
import { repoPath, type Diagnostic } from '../diagnostic.js';
import { RULES, RULE_DESCRIPTIONS, RULE_IDS } from '../config/rules.js';

export interface SarifOptions {
  pathPrefix?: string;
  version?: string;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(result: { problems: readonly Diagnostic[] }, options: SarifOptions = {}): string {
  const prefix = options.pathPrefix ?? '';
  // Check's rules, then any build or refresh rule the diagnostics use (`unsafe-attachment`, `feed-failed`…).
  const known = new Set<string>(RULE_IDS);
  const extra = [...new Set(result.problems.map((problem) => problem.rule).filter((rule) => !known.has(rule)))].sort();
  const ruleIds: string[] = [...RULE_IDS, ...extra];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'almanac',
            version: options.version ?? '0.0.0',
            informationUri: 'https://github.com/almanac/almanac#rules',
            rules: [
              ...RULE_IDS.map((id) => ({
                id,
                shortDescription: { text: RULE_DESCRIPTIONS[id] },
                defaultConfiguration: { level: RULES[id] === 'info' ? 'note' : RULES[id] },
              })),
              ...extra.map((id) => ({ id })),
            ],
          },
        },
        results: result.problems.map((problem) => ({
          ruleId: problem.rule,
          ruleIndex: ruleIds.indexOf(problem.rule),
          level: LEVEL[problem.severity],
          message: { text: problem.suggestion ? `${problem.message} (suggestion: ${problem.suggestion})` : problem.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(repoPath(prefix, problem.file)), uriBaseId: '%SRCROOT%' },
                region: { startLine: problem.line, startColumn: problem.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
