// Help texts and usage errors of the CLI (issue 17, item 12): what each command does, examples,
// exit codes, no "(default: true)" on --no-* flags, "did you mean", no stack traces.
import { describe, expect, it } from 'vitest';
import { runCli, writeVault } from './support/vault.js';

describe('almanac --help', () => {
  it('lists the commands, examples and exit codes', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n(.*\n)*\s+\$ almanac check --format github /);
    expect(help.stdout).toContain('Exit codes:\n  0  success');
    expect(help.stdout).toContain('  1  problems found');
    expect(help.stdout).toContain('  2  usage or configuration error');
  });

  it.each(['check', 'refresh', 'build', 'serve'])('%s --help says what it does, with an example and no "(default: true)"', (command) => {
    const help = runCli([command, '--help']);
    expect(help.status).toBe(0);
    // The first line under the version says what the command does.
    expect(help.stdout.split('\n')[2]).toMatch(/^[A-Z].{20,}[^.]$/);
    expect(help.stdout).toContain(`$ almanac ${command}`);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).not.toContain('(default: true)');
  });
});

describe('usage errors', () => {
  it('an unknown command gets "did you mean"', () => {
    const run = runCli(['buidl']);
    expect([run.status, run.stderr]).toEqual([2, 'almanac: Unknown command: buidl (did you mean `build`?)\nRun `almanac --help` for usage.\n']);
  });

  it('an unknown option gets "did you mean", from that command\'s options', () => {
    const run = runCli(['check', '--vault', writeVault({ 'a.md': '' }), '--todya', '2026-01-01']);
    expect([run.status, run.stderr]).toEqual([2, 'almanac: Unknown option `--todya` (did you mean `--today`?)\nRun `almanac check --help` for usage.\n']);
    const far = runCli(['build', '--zzz']);
    expect([far.status, far.stderr]).toEqual([2, 'almanac: Unknown option `--zzz`\nRun `almanac build --help` for usage.\n']);
  });

  it('serve --host that is no address here is a one-line error, exit 2', () => {
    const run = runCli(['serve', '--vault', writeVault({ 'a.md': '' }), '--host', '999.1.1.1', '--port', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('almanac: --host 999.1.1.1: not an address of this machine (ENOTFOUND)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
