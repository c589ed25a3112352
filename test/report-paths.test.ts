// A problem in almanac.yaml is named `../almanac.yaml` relative to the vault; in GitHub
// annotations and SARIF, which name repository paths, it is `almanac.yaml`, not `notes/../almanac.yaml`.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostic.js';
import { formatDiagnosticsAs } from '../src/report/index.js';

const problems: Diagnostic[] = [
  { rule: 'unmatched-exclude', severity: 'warning', file: '../almanac.yaml', line: 4, column: 5, message: 'site.exclude entry `Nope` matches nothing' },
  { rule: 'unresolved-link', severity: 'error', file: 'ETFs/XLI.md', line: 2, column: 1, message: 'No note or file named “X”' },
];

describe('repository paths in CI formats', () => {
  it('resolve `..` against the vault folder', () => {
    const github = formatDiagnosticsAs(problems, 'github', { pathPrefix: 'notes/' });
    expect(github).toContain('file=almanac.yaml,line=4');
    expect(github).toContain('file=notes/ETFs/XLI.md,line=2');
    expect(github).not.toContain('..');
    const sarif = formatDiagnosticsAs(problems, 'sarif', { pathPrefix: 'notes/' });
    expect(sarif).toContain(`"uri": "almanac.yaml"`);
    expect(sarif).toContain(`"uri": "notes/ETFs/XLI.md"`);
  });
});
