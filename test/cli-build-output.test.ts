// `almanac build` reports problems in check's words and layout (file:line:col, severity,
// message, rule, grouped under the file), and says once that a site without site.url has no
// feed or sitemap (issue 17, item 13 and §10).
import { describe, expect, it } from 'vitest';
import { runCli, writeVault } from './support/vault.js';

describe('almanac build output', () => {
  it('prints a broken link as check does, as a warning, and one line about site.url', () => {
    const dir = writeVault({ 'almanac.yaml': 'vault: notes\nrules: {orphan-note: off}\n', 'notes/a.md': 'See [[Gone]].\n' });
    const build = runCli(['build', '--no-search'], dir);
    const check = runCli(['check'], dir);
    expect(build.status).toBe(0);
    expect(build.stderr).toBe('a.md\n  a.md:1:5  warning  No note or file named “Gone”  unresolved-link\n');
    expect(check.stdout).toContain('a.md\n  a.md:1:5  error    No note or file named “Gone”  unresolved-link\n');
    expect(build.stdout).toMatch(
      /^Built \d+ pages \(1 note\) in \d+\.\d s, 1 warning → site\/ \(no feed\.xml or sitemap\.xml: they need site\.url in almanac\.yaml\)\n$/,
    );
    const again = runCli(['build', '--no-search'], dir);
    expect(again.stdout).toMatch(/^Up to date: .* → site\/\n$/);
  });
});
