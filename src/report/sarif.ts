// SARIF 2.1.0 for code-scanning UIs.
import type { CheckResult } from '../check/problem.js';
import { RULES, RULE_DESCRIPTIONS, RULE_IDS } from '../config/rules.js';

export interface SarifOptions {
  pathPrefix?: string;
  version?: string;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(result: CheckResult, options: SarifOptions = {}): string {
  const prefix = options.pathPrefix ?? '';
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
            rules: RULE_IDS.map((id) => ({
              id,
              shortDescription: { text: RULE_DESCRIPTIONS[id] },
              defaultConfiguration: { level: RULES[id] === 'info' ? 'note' : RULES[id] },
            })),
          },
        },
        results: result.problems.map((problem) => ({
          ruleId: problem.rule,
          ruleIndex: RULE_IDS.indexOf(problem.rule),
          level: LEVEL[problem.severity],
          message: { text: problem.suggestion ? `${problem.message} (suggestion: ${problem.suggestion})` : problem.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(prefix + problem.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: problem.line, startColumn: problem.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
