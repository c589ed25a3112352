// The public surface is pinned: adding or removing an export is a deliberate change.
import { expect, it } from 'vitest';
import * as almanac from '../src/index.js';

it('exports the library API', () => {
  expect(Object.keys(almanac).sort()).toEqual(
    expect.arrayContaining([
      'AlmanacError',
      'CONFIG_FILE',
      'ConfigError',
      'FORMATS',
      'RULES',
      'RULE_IDS',
      'UsageError',
      'VERSION',
      'check',
      'configSchema',
      'defaultConfig',
      'findHeading',
      'formatGithub',
      'formatJson',
      'formatPretty',
      'formatResult',
      'formatSarif',
      'listVaultFiles',
      'loadConfig',
      'loadVault',
      'normaliseHeading',
      'openProject',
      'readProject',
      'runCheck',
      'updateProject',
      'parseConfig',
      'parseMarkdown',
      'parseNote',
      'resolveLink',
      'resolveLinks',
      'splitTarget',
    ]),
  );
});
