import { describe, expect, it } from 'vitest';
import { formatGithub, formatJson, formatPretty, formatSarif } from '../src/report/index.js';
import { checkFiles } from './support/vault.js';

const vault = {
  'Rotations/Sector Rotation.md': '---\ntype: rotation\n---\n# Sector Rotation\n\n[[NVIDIA#Drivers]] and [[NVDA]], 50% [[Gone]]\n',
  'Companies/NVIDIA.md': '---\ntype: company\naliases: [NVDA]\n---\n# NVIDIA\n\n[[Sector Rotation]]\n',
};

describe('output formats', () => {
  it('json has the documented, stable shape', async () => {
    const json: unknown = JSON.parse(formatJson(await checkFiles(vault)));
    expect(json).toEqual({
      summary: { notes: 2, links: 4, errors: 2, warnings: 1, infos: 0 },
      problems: [
        {
          rule: 'unresolved-heading',
          severity: 'error',
          file: 'Rotations/Sector Rotation.md',
          line: 6,
          column: 1,
          target: 'NVIDIA#Drivers',
          message: 'No heading “Drivers” in “NVIDIA”',
        },
        {
          rule: 'alias-link',
          severity: 'warning',
          file: 'Rotations/Sector Rotation.md',
          line: 6,
          column: 24,
          target: 'NVDA',
          message: '“NVDA” is an alias of “NVIDIA”, not a note name: Obsidian leaves this link unresolved',
          suggestion: '[[NVIDIA|NVDA]]',
        },
        {
          rule: 'unresolved-link',
          severity: 'error',
          file: 'Rotations/Sector Rotation.md',
          line: 6,
          column: 38,
          target: 'Gone',
          message: 'No note or file named “Gone”',
        },
      ],
    });
  });

  it('pretty: file:line:col  severity  message  rule, grouped by file, with a summary', async () => {
    const text = formatPretty(await checkFiles(vault), { color: false });
    expect(text.split('\n')).toEqual([
      'Rotations/Sector Rotation.md',
      '  Rotations/Sector Rotation.md:6:1  error    No heading “Drivers” in “NVIDIA”  unresolved-heading',
      '  Rotations/Sector Rotation.md:6:24  warning  “NVDA” is an alias of “NVIDIA”, not a note name: Obsidian leaves this link unresolved → [[NVIDIA|NVDA]]  alias-link',
      '  Rotations/Sector Rotation.md:6:38  error    No note or file named “Gone”  unresolved-link',
      '',
      '✖ 2 errors, 1 warning, 0 info in 2 notes and 4 links',
      '',
    ]);
  });

  it('pretty colours only when asked', async () => {
    const result = await checkFiles(vault);
    expect(formatPretty(result, { color: true })).toContain('\u001b[31m');
    expect(formatPretty(result, { color: false })).not.toContain('\u001b[');
  });

  it('github: workflow commands with repository-relative paths and escaped properties', async () => {
    const text = formatGithub(await checkFiles(vault), { pathPrefix: 'notes/' });
    expect(text).toBe(
      '::error file=notes/Rotations/Sector Rotation.md,line=6,col=1,title=unresolved-heading::No heading “Drivers” in “NVIDIA”\n' +
        '::warning file=notes/Rotations/Sector Rotation.md,line=6,col=24,title=alias-link::“NVDA” is an alias of “NVIDIA”, not a note name: Obsidian leaves this link unresolved (suggestion: [[NVIDIA|NVDA]])\n' +
        '::error file=notes/Rotations/Sector Rotation.md,line=6,col=38,title=unresolved-link::No note or file named “Gone”\n',
    );
  });

  it('sarif 2.1.0 with rules, levels and regions', async () => {
    const sarif = JSON.parse(formatSarif(await checkFiles(vault), { pathPrefix: 'notes/', version: '1.2.3' })) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
        results: Array<{
          ruleId: string;
          level: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
        }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run?.tool.driver).toMatchObject({ name: 'almanac', version: '1.2.3' });
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toContain('alias-link');
    expect(
      run?.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startColumn]),
    ).toEqual([
      ['unresolved-heading', 'error', 'notes/Rotations/Sector%20Rotation.md', 1],
      ['alias-link', 'warning', 'notes/Rotations/Sector%20Rotation.md', 24],
      ['unresolved-link', 'error', 'notes/Rotations/Sector%20Rotation.md', 38],
    ]);
  });
});
