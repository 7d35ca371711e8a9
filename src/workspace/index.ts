/**
 * The workspace: the folder holding `standards/`, its sets, versions and observation registers, its
 * config (`stdraft.config.yaml`), and the resolution of `VERSION`, a path, or git `REV:path`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { isMap } from 'yaml';
import { readYaml } from '../yaml/reader.js';
import { StdraftError, configError, inputError, usageError } from '../errors.js';
import { readRegularFile } from './regular-file.js';
import { checkConfigDocument, type ConfigProblem } from './config-schema.js';

export const CONFIG_FILE = 'stdraft.config.yaml';
export const STANDARDS_DIR = 'standards';

export type Severity = 'error' | 'warning' | 'off';

export interface Config {
  /** The set commands use when none is named. */
  defaultSet?: string;
  /** Rule id → severity. */
  rules: Record<string, Severity>;
  /** Author of tracked changes in redlines. */
  author?: string;
  /** Everything else in the file, for templates (`config.*`). */
  data: Record<string, unknown>;
}

export interface VersionFile {
  /** `2016-02` */
  name: string;
  file: string;
}

export interface Translation extends VersionFile {
  lang: string;
}

export interface StandardsSet {
  name: string;
  dir: string;
  /** In chronological (name) order. */
  versions: VersionFile[];
  translations: Translation[];
  /** `comments/*.yaml` files. */
  registers: string[];
}

export interface Workspace {
  root: string;
  standardsDir: string;
  config: Config;
  configFile: string | null;
}

/** The nearest folder at or above `cwd` that holds `standards/`, or null. */
export function findWorkspaceRoot(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    if (isDirectory(path.join(dir, STANDARDS_DIR))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function openWorkspace(cwd: string): Workspace {
  if (!isDirectory(cwd)) throw usageError(`--cwd ${cwd} is not a folder`, 'give an existing folder');
  const root = findWorkspaceRoot(cwd);
  if (!root) {
    throw usageError(`no workspace found: no standards/ folder in ${path.resolve(cwd)} or any folder above it`, 'run stdraft in a workspace, pass --cwd DIR, or give file paths');
  }
  const configPath = path.join(root, CONFIG_FILE);
  const exists = fs.existsSync(configPath);
  return {
    root,
    standardsDir: path.join(root, STANDARDS_DIR),
    config: exists ? readConfig(configPath) : { rules: {}, data: {} },
    configFile: exists ? configPath : null,
  };
}

/** Like openWorkspace, but null outside a workspace (commands given plain file paths still work). */
export function maybeWorkspace(cwd: string): Workspace | null {
  if (!isDirectory(cwd)) throw usageError(`--cwd ${cwd} is not a folder`, 'give an existing folder');
  return findWorkspaceRoot(cwd) ? openWorkspace(cwd) : null;
}

export function readConfig(file: string): Config {
  const text = readTextFile(file);
  // The guarded reader: duplicate keys, aliases, tags and nesting checked in linear time (yaml/reader.ts).
  const read = readYaml(text);
  const doc = read.doc;
  if (read.problem) throw configError(file, `invalid YAML: ${read.problem.message}`, { line: read.problem.line, hint: 'fix the YAML syntax' });
  if (doc.contents === null) return { rules: {}, data: {} };
  if (!isMap(doc.contents)) throw configError(file, 'expected a mapping of options (key: value)', { hint: 'see docs/config.md' });
  const data = read.data as Record<string, unknown>;
  const problems = checkConfigDocument(doc, data, read.lines);
  if (problems.length > 0) throw configProblems(file, problems);
  const config: Config = { rules: {}, data };
  const defaultSet = data['default-set'];
  if (defaultSet !== undefined) {
    if (typeof defaultSet !== 'string') throw configError(file, 'default-set must be a set name', { hint: 'e.g. default-set: vtp' });
    config.defaultSet = defaultSet;
  }
  const author = data['author'];
  if (author !== undefined) {
    if (typeof author !== 'string') throw configError(file, 'author must be text', { hint: 'e.g. author: Atelierul de lucru, februarie 2016' });
    config.author = author;
  }
  const rules = data['rules'];
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== 'object' || Array.isArray(rules)) {
      throw configError(file, 'rules must map rule ids to off, warning or error', { hint: 'e.g. rules: { typography-quotes: off }' });
    }
    for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
      if (value !== 'off' && value !== 'warning' && value !== 'error') {
        throw configError(file, `rules.${id} must be off, warning or error, found ${JSON.stringify(value)}`);
      }
      config.rules[id] = value;
    }
  }
  return config;
}

/** Every problem of the config in one error: the first with its line, the others listed after it. */
function configProblems(file: string, problems: ConfigProblem[]): StdraftError {
  const [first, ...rest] = problems as [ConfigProblem, ...ConfigProblem[]];
  const more = rest.map((p) => `line ${p.line}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('; ');
  const hint = [first.hint, more && `also ${more}`].filter(Boolean).join('; ');
  return configError(file, first.message, { line: first.line, ...(hint ? { hint } : {}) });
}

const TRANSLATION = /^(.+)\.([a-z]{2})\.md$/;

export function listSets(ws: Workspace): StandardsSet[] {
  const sets: StandardsSet[] = [];
  for (const entry of safeReaddir(ws.standardsDir)) {
    const dir = path.join(ws.standardsDir, entry);
    if (!isDirectory(dir)) continue;
    sets.push(readSet(entry, dir));
  }
  return sets.sort((a, b) => a.name.localeCompare(b.name));
}

/** The set a file belongs to: the folder it sits in (FORMAT.md). */
export function readSet(name: string, dir: string): StandardsSet {
  const versions: VersionFile[] = [];
  const translations: Translation[] = [];
  for (const entry of safeReaddir(dir)) {
    const file = path.join(dir, entry);
    if (!entry.endsWith('.md') || !isFile(file) || /^readme\.md$/i.test(entry)) continue;
    const t = TRANSLATION.exec(entry);
    if (t) translations.push({ name: t[1]!, lang: t[2]!, file });
    else versions.push({ name: entry.slice(0, -3), file });
  }
  const commentsDir = path.join(dir, 'comments');
  const registers = safeReaddir(commentsDir)
    .filter((e) => /\.ya?ml$/.test(e))
    .map((e) => path.join(commentsDir, e))
    .filter(isFile)
    .sort();
  versions.sort((a, b) => a.name.localeCompare(b.name));
  return { name, dir, versions, translations, registers };
}

/** The named set, or the only one, or the config's default; a usage error that lists the sets otherwise. */
export function resolveSet(ws: Workspace, name?: string): StandardsSet {
  const sets = listSets(ws);
  const names = sets.map((s) => s.name).join(', ') || 'none';
  if (name) {
    const set = sets.find((s) => s.name === name);
    if (!set) throw usageError(`unknown set "${name}" in ${ws.standardsDir}`, `sets: ${names}`);
    return set;
  }
  if (ws.config.defaultSet) {
    const set = sets.find((s) => s.name === ws.config.defaultSet);
    if (!set) throw configError(ws.configFile ?? CONFIG_FILE, `default-set "${ws.config.defaultSet}" is not a set`, { hint: `sets: ${names}` });
    return set;
  }
  if (sets.length === 1) return sets[0]!;
  if (sets.length === 0) throw usageError(`no standards sets in ${ws.standardsDir}`, 'create standards/<set>/<version>.md, or run stdraft init');
  throw usageError(`several standards sets and none named`, `name one with --set: ${names}`);
}

/** A document to read: where it comes from and its bytes. */
export interface DocumentSource {
  /** What diagnostics and outputs call it: a path relative to the cwd, or `REV:path`. */
  label: string;
  /** The file on disk, when it is one (outputs must never overwrite it). */
  file: string | null;
  bytes: Uint8Array;
  /** The version name, when known (file name without `.md`). */
  version: string;
  /** The set it belongs to (its folder), when known. */
  set: StandardsSet | null;
}

/**
 * Resolves `2016-02` (a version of the set), `path/to/file.md`, or `REV:path` (through git).
 * `cwd` is where relative paths start.
 */
export function resolveDocument(ref: string, options: { cwd: string; ws: Workspace | null; set?: string }): DocumentSource {
  const { cwd, ws } = options;
  const asPath = path.resolve(cwd, ref);
  if (fs.existsSync(asPath)) return fileSource(asPath, cwd);
  const git = /^([^:\\/][^:]*):(.+)$/.exec(ref);
  if (git && !/^[A-Za-z]:[\\/]/.test(ref)) return gitSource(git[1]!, git[2]!, cwd);
  if (ref.includes('/') || ref.includes(path.sep) || ref.endsWith('.md')) {
    throw inputError(ref, 'file not found', { hint: 'check the path, or give a version name such as 2016-02' });
  }
  if (!ws) throw usageError(`"${ref}" is not a file and there is no workspace to find a version in`, 'give a path to a .md file or run in a workspace');
  const set = resolveSet(ws, options.set);
  const version = set.versions.find((v) => v.name === ref);
  if (!version) {
    throw usageError(`unknown version "${ref}" in set ${set.name}`, `versions: ${set.versions.map((v) => v.name).join(', ') || 'none'}`);
  }
  return fileSource(version.file, cwd, set);
}

function fileSource(file: string, cwd: string, set?: StandardsSet): DocumentSource {
  const label = relativeLabel(file, cwd);
  const bytes = readBytes(file, label);
  const base = path.basename(file).replace(/\.md$/i, '').replace(/\.[a-z]{2}$/, '');
  const dir = path.dirname(file);
  return { label, file, bytes, version: base, set: set ?? readSet(path.basename(dir), dir) };
}

function gitSource(rev: string, file: string, cwd: string): DocumentSource {
  const label = `${rev}:${file}`;
  // A revision such as `--output=FILE` would be read by git as an option (and overwrite FILE).
  if (rev.startsWith('-')) {
    throw inputError(label, 'a git revision cannot start with "-"', { hint: 'name a commit, branch or tag, e.g. HEAD~1:standards/vtp/2016-02.md' });
  }
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw inputError(label, 'cannot read a git revision here: not inside a git repository', { hint: 'run in the repository, or give a file path' });
  }
  let bytes: Buffer;
  try {
    bytes = execFileSync('git', ['show', '--end-of-options', `${rev}:${file}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] ?? '';
    throw inputError(label, `git could not read it: ${stderr.replace(/^fatal:\s*/, '')}`, {
      hint: 'check the revision (git log) and the path (relative to the repository root, or ./path from the current folder)',
    });
  }
  const base = path.basename(file).replace(/\.md$/i, '');
  return { label, file: null, bytes, version: base, set: null };
}

export function relativeLabel(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/**
 * Reads a file's bytes, with one-line errors for what a user can get wrong: only a regular file is read (a
 * FIFO or a device is refused unread) and at most the 32 MB input limit (regular-file.ts).
 */
export function readBytes(file: string, label = file): Uint8Array {
  return readRegularFile(file, label);
}

export function readTextFile(file: string): string {
  const bytes = readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw inputError(file, 'file is not UTF-8', { hint: `convert it: iconv -f cp1250 -t utf-8 '${file}' > converted` });
  }
}

/** Whether a path is a folder (false when it does not exist or cannot be read). */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a path is a file (false when it does not exist or cannot be read). */
export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A folder's entries, or none when it cannot be read. */
export function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export { StdraftError };
