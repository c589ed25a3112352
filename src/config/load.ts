// Find, read and validate almanac.yaml; errors name the key and its line.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { configSchema, defaultConfig, type Config } from './schema.js';
import type { SiteOptions } from './site.js';
import { conversionReason, failedValueOffset } from '../yaml-culprit.js';

/** Aliases expanded before YAML counts the file as a billion-laughs attack. */
const MAX_ALIAS_COUNT = 100;

export const CONFIG_FILE = 'almanac.yaml';

export interface LoadedConfig {
  /** The config file, or null when running on defaults (`--vault`). */
  path: string | null;
  /** Folder the config's relative paths are resolved against. */
  dir: string;
  config: Config;
  /** Absolute vault and output folders. */
  vaultDir: string;
  outputDir: string;
}

export interface ConfigOptions {
  /** `--config PATH`. */
  config?: string | null | undefined;
  /** `--vault DIR`: check a folder with no config file at all. */
  vault?: string | null | undefined;
  cwd?: string | undefined;
}

export function loadConfig(options: ConfigOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const file = options.config ? resolve(cwd, options.config) : options.vault ? null : resolve(cwd, CONFIG_FILE);
  if (file && !existsSync(file)) {
    if (options.config) throw new ConfigError(`Config file not found: ${file}`);
    throw new ConfigError(`No ${CONFIG_FILE} in ${cwd}. Pass --vault DIR to check a folder, or --config PATH.`);
  }
  const config = file ? readConfigFile(file) : defaultConfig();
  const dir = file ? dirname(file) : cwd;
  const vaultDir = options.vault ? resolve(cwd, options.vault) : resolve(dir, config.vault);
  if (!existsSync(vaultDir)) throw new ConfigError(`Vault folder not found: ${vaultDir}`);
  return { path: file, dir, config, vaultDir, outputDir: resolve(dir, config.output) };
}

export function readConfigFile(file: string): Config {
  return parseConfig(readFileSync(file, 'utf8'), file);
}

export function parseConfig(text: string, file = CONFIG_FILE): Config {
  const lines = new LineCounter();
  // logLevel 'error': no yaml-package warning reaches the console without the file's name.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const first = doc.errors[0];
  if (first) {
    const at = lines.linePos(first.pos[0]);
    throw new ConfigError(`${file}:${at.line}:${at.col}: ${first.message.split('\n')[0]}`);
  }
  const raw = configData(doc, lines, file);
  const result = configSchema.safeParse(raw);
  if (result.success) {
    rememberExcludeLines(result.data, doc, lines, file);
    return result.data;
  }
  const messages = result.error.issues.map((issue) => describeIssue(issue, doc, lines, file));
  throw new ConfigError(messages.join('\n'));
}

/** The document as plain data; aliases that do not resolve, loop or explode are config errors. */
function configData(doc: Document, lines: LineCounter, file: string): unknown {
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    // A circular alias (`a: &a {b: 1, <<: *a}`) makes a value that holds itself.
    JSON.stringify(data);
    return data ?? {};
  } catch (error) {
    const at = lines.linePos(failedValueOffset(doc, MAX_ALIAS_COUNT));
    throw new ConfigError(`${file}:${at.line}: ${conversionReason(error)}`);
  }
}

/** Where each `site.exclude` entry was written, by the parsed `site` object (see excludePlace). */
const EXCLUDE_PLACES = new WeakMap<SiteOptions, { file: string; lines: number[] }>();

function rememberExcludeLines(config: Config, doc: Document, lines: LineCounter, file: string): void {
  const list = doc.getIn(['site', 'exclude'], true);
  const entries = isSeq(list) ? list.items : [];
  EXCLUDE_PLACES.set(config.site, {
    file,
    lines: config.site.exclude.map((_entry, index) => {
      const node = entries[index];
      const offset =
        node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) && typeof node.range[0] === 'number' ? node.range[0] : null;
      return offset === null ? keyLine(doc, lines, ['site', 'exclude']) : lines.linePos(offset).line;
    }),
  });
}

/** Where the `site.exclude` entries stand, as plain data that crosses into a thread (see restoreExcludePlaces). */
export function excludePlacesOf(site: SiteOptions): { file: string; lines: number[] } | null {
  return EXCLUDE_PLACES.get(site) ?? null;
}

/** Give a `site` copied across threads (structured clone) its entries' places again. */
export function restoreExcludePlaces(site: SiteOptions, places: { file: string; lines: number[] } | null): void {
  if (places) EXCLUDE_PLACES.set(site, places);
}

/** The config file and line of `site.exclude[index]`, when `site` came from parseConfig. */
export function excludePlace(site: SiteOptions, index: number): { file: string; line: number } | null {
  const places = EXCLUDE_PLACES.get(site);
  return places ? { file: places.file, line: places.lines[index] ?? 1 } : null;
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter, file: string): string {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const line = keyLine(doc, lines, [...path, key]);
        return `${file}:${line}: unknown key \`${[...path, key].join('.')}\``;
      })
      .join('\n');
  }
  const line = keyLine(doc, lines, path);
  const name = path.length > 0 ? `\`${path.join('.')}\`` : 'config';
  return `${file}:${line}: ${name}: ${issue.message}`;
}

/** Line of the key (or list item) at `path`, or of its nearest ancestor. */
function keyLine(doc: Document, lines: LineCounter, path: Array<string | number>): number {
  for (let length = path.length; length > 0; length--) {
    const parent = length > 1 ? doc.getIn(path.slice(0, length - 1), true) : doc.contents;
    const key = path[length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      if (range) return lines.linePos(range[0]).line;
    }
    const node = doc.getIn(path.slice(0, length), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) && typeof node.range[0] === 'number')
      return lines.linePos(node.range[0]).line;
  }
  return 1;
}
