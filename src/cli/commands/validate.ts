/**
 * `stdraft validate [paths…] [--format stylish|json|sarif] [--strict] [--fix]`
 *
 * Reads the files (every version and register of the workspace when none is named; a name such as
 * `2016-02` is a version of the set), gives the rules what they need (the config, the versions of the file's
 * set, the version its name gives, the parsed versions register targets point into), prints the findings and
 * exits 1 when there are errors. `--fix` applies the safe fixes, writes each fixed file atomically, and
 * reports what changed; everything is read and checked before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { configError, usageError } from '../../errors.js';
import { FORMATTERS, type Diagnostic, type FileResult } from '../../diagnostics/index.js';
import { describeRules, effectiveSeverity, fixDocument, fixRefusals, lintRegister, runDocumentRules, RULES, type LintContext } from '../../lint/index.js';
import type { StandardsDoc } from '../../model/types.js';
import { decodeSource, parseText, type Parsed } from '../../parse/index.js';
import {
  listSets,
  maybeWorkspace,
  openWorkspace,
  readBytes,
  readSet,
  relativeLabel,
  resolveDocument,
  type Config,
  type StandardsSet,
  type Workspace,
} from '../../workspace/index.js';
import { useColor, type Context } from '../context.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { expandPaths, isMarkdown, type InputFile } from '../inputs.js';
import { unifiedDiff } from '../dry-run.js';
import { fixRegisterText } from '../../lint/register-typography.js';
import { writeFileAtomic } from '../io.js';
import { takeEditLocks } from '../lock.js';
import { startProgress } from '../progress.js';
import { expandGlobs } from '../globs.js';
import { readStdin, stdinFolder, usesStdin, type StdinDocument } from '../stdin.js';
import { VERSION } from '../version.js';

export interface ValidateOptions {
  format?: 'stylish' | 'json' | 'sarif';
  strict?: boolean;
  fix?: boolean;
  dryRun?: boolean;
  set?: string;
  stdinFilename?: string;
}

interface Input extends InputFile {
  kind: 'document' | 'register';
  /** Bytes already read (a version named by name or a git revision); otherwise read from `file`. */
  bytes?: Uint8Array;
  /** Whether `file` may be written (--fix): not for git revisions. */
  writable: boolean;
}

const TRANSLATION = /\.[a-z]{2}$/;

export function run(ctx: Context, args: unknown[], options: ValidateOptions): number {
  const paths = (args[0] as string[] | undefined) ?? [];
  const format = options.format ?? 'stylish';
  if (options.dryRun && !options.fix) throw usageError('--dry-run shows what --fix would change', 'use it with --fix: stdraft validate --fix --dry-run FILE');
  const stdin = usesStdin(paths);
  if (stdin && options.fix) throw usageError('--fix cannot rewrite standard input', 'stdraft fmt - prints the canonical text; validate - reports the findings');
  const ws = paths.length === 0 ? openWorkspace(ctx.cwd) : maybeWorkspace(stdin ? stdinFolder(ctx, options.stdinFilename) : ctx.cwd);
  const config: Config = ws?.config ?? { rules: {}, data: {} };
  checkConfig(config, ws);

  const inputs = stdin ? [stdinInput(readStdin(ctx, options.stdinFilename))] : collectInputs(expandGlobs(paths, ctx.cwd), ctx.cwd, ws, options.set);
  if (inputs.length === 0) throw usageError('no files to validate', 'give .md version files, comments/*.yaml registers, or folders holding them');
  // --fix: each file it may rewrite is locked from before it is read until it is written.
  const release = options.fix ? takeEditLocks(inputs.filter((i) => i.writable && i.kind === 'document')) : null;
  try {
    return validateInputs(ctx, inputs, ws, config, options, format);
  } finally {
    release?.();
  }
}

function validateInputs(ctx: Context, inputs: Input[], ws: Workspace | null, config: Config, options: ValidateOptions, format: NonNullable<ValidateOptions['format']>): number {

  const sets = new SetCache(ctx.cwd);
  const base: LintContext = { config, ...(options.strict ? { strict: true } : {}) };

  // Read and check everything first: an unreadable file stops the run before anything is written.
  const progress = startProgress(ctx, 'validating');
  const checked = inputs.map((input, index) => {
    progress.update(index, inputs.length, input.label);
    if (input.kind === 'register') {
      const text = decodeRegister(input);
      const set = sets.forRegister(input.file);
      return { input, parsed: null, registerText: text, diagnostics: lintRegister(text, input.label, { ...base, ...set.context(input.file) }) };
    }
    let parsed: Parsed;
    try {
      parsed = readDocument(input);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return { input, parsed: null, diagnostics: tooDeep(input.label, base) };
    }
    const set = sets.forDocument(input.file);
    const context: LintContext = { ...base, ...set.context(input.file), expectedVersion: versionOf(input.file), text: parsed.source.text };
    set.remember(input.file, parsed.doc);
    const findings = runDocumentRules(parsed.doc, context);
    return { input, parsed, context, diagnostics: findings.map((f) => f.diagnostic) };
  });
  progress.end();

  const report = (text: string) => (format === 'stylish' ? ctx.io.stdout(text) : ctx.io.stderr(text));
  const results: FileResult[] = [];
  let fixedFiles = 0;
  for (const item of checked) {
    let diagnostics = item.diagnostics;
    if (options.fix && item.parsed && item.input.writable && (diagnostics.some((d) => d.fixable) || fixRefusals(item.parsed, item.context, diagnostics).length > 0)) {
      const fixed = fixDocument(item.parsed, item.context);
      if (fixed.changed) {
        const original = (item.parsed.source.bom ? '\uFEFF' : '') + item.parsed.source.text;
        fixedFiles++;
        if (options.dryRun) {
          report(`would fix ${item.input.label} (${fixed.changes.length} change${fixed.changes.length === 1 ? '' : 's'}):\n${fixed.changes.map((c) => `  ${c}\n`).join('')}`);
          report(unifiedDiff(item.input.label, original, fixed.text, format === 'stylish' ? useColor(ctx.io) : false));
        } else {
          writeFileAtomic(item.input.file, fixed.text);
          report(`fixed ${item.input.label} (${fixed.changes.length} change${fixed.changes.length === 1 ? '' : 's'}):\n${fixed.changes.map((c) => `  ${c}\n`).join('')}`);
        }
      }
      for (const reason of fixed.refused) report(`${item.input.label}: ${reason}\n`);
      diagnostics = fixed.diagnostics;
    }
    if (options.fix && 'registerText' in item && item.registerText !== undefined && item.input.writable && diagnostics.some((d) => d.fixable)) {
      const fixed = fixRegisterText(item.registerText, item.input.label);
      if (fixed.changes.length > 0) {
        fixedFiles++;
        const original = readBytes(item.input.file, item.input.label);
        const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? '\uFEFF' : '';
        if (options.dryRun) {
          report(`would fix ${item.input.label} (${fixed.changes.length} change${fixed.changes.length === 1 ? '' : 's'}):\n${fixed.changes.map((c) => `  ${c}\n`).join('')}`);
          report(unifiedDiff(item.input.label, item.registerText, fixed.text, format === 'stylish' ? useColor(ctx.io) : false));
        } else {
          writeFileAtomic(item.input.file, bom + fixed.text);
          report(`fixed ${item.input.label} (${fixed.changes.length} change${fixed.changes.length === 1 ? '' : 's'}):\n${fixed.changes.map((c) => `  ${c}\n`).join('')}`);
          diagnostics = diagnostics.filter((d) => !(d.ruleId === 'typography-cedilla' && d.fixable));
        }
      }
    }
    results.push({ file: item.input.label, diagnostics });
  }
  if (fixedFiles > 0 && format === 'stylish') report('\n');

  const rules = describeRules(base);
  if (format === 'sarif') {
    const root = ws?.root ?? ctx.cwd;
    const relabeled = results.map((r, i) => {
      const input = checked[i]!.input;
      const file = input.writable ? relativeLabel(input.file, root).split(path.sep).join('/') : r.file;
      return { file, diagnostics: r.diagnostics.map((d) => ({ ...d, file })) };
    });
    ctx.io.stdout(FORMATTERS.sarif(relabeled, { rules, tool: { name: 'stdraft', version: VERSION, informationUri: informationUri() } }));
  } else {
    ctx.io.stdout(FORMATTERS[format](results, { color: useColor(ctx.io), rules }));
  }
  if (options.dryRun && fixedFiles > 0) return EXIT_FINDINGS;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The Markdown reader (remark) recurses into nested blocks; thousands of levels exhaust the call stack.
 * Such a file is still answered with a diagnostic, not an internal error.
 */
function tooDeep(file: string, context: LintContext): Diagnostic[] {
  const severity = effectiveSeverity({ id: 'structure', severity: 'error' }, context);
  if (severity === 'off') return [];
  const message = 'Expected Markdown nested at most about a thousand levels deep, found deeper nesting the Markdown reader cannot follow (nothing else was checked)';
  return [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'structure', severity, message }];
}

/** Unknown rule ids in the config are a configuration error (a typo would silently keep a rule on). */
function checkConfig(config: Config, ws: Workspace | null): void {
  const known = new Set(RULES.map((r) => r.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) {
      throw configError(ws?.configFile ?? 'stdraft.config.yaml', `rules.${id} is not a rule of stdraft validate`, { hint: `rules: ${[...known].join(', ')}` });
    }
  }
}

/** `-`: a register when --stdin-filename names a comments/*.yaml file, else a version. */
function stdinInput(piped: StdinDocument): Input {
  const kind = /\.ya?ml$/i.test(piped.file) ? 'register' : 'document';
  return { file: piped.file, label: piped.label, kind, bytes: piped.bytes, writable: false };
}

function isRegisterFile(file: string): boolean {
  return /\.ya?ml$/i.test(file) && path.basename(path.dirname(file)) === 'comments';
}

function collectInputs(paths: string[], cwd: string, ws: Workspace | null, setName: string | undefined): Input[] {
  const kindOf = (file: string): Input['kind'] => (/\.ya?ml$/i.test(file) ? 'register' : 'document');
  if (paths.length === 0) {
    const files = ws ? (setName ? [resolveSetByName(ws, setName)] : listSets(ws)).flatMap((s) => [...s.versions, ...s.translations].map((v) => v.file).concat(s.registers)) : [];
    return files.map((file) => ({ file, label: relativeLabel(file, cwd), kind: kindOf(file), writable: true }));
  }
  const out: Input[] = [];
  for (const p of paths) {
    if (fs.existsSync(path.resolve(cwd, p))) {
      for (const f of expandPaths([p], cwd, (file) => isMarkdown(file) || isRegisterFile(file), () => [])) out.push({ ...f, kind: kindOf(f.file), writable: true });
      continue;
    }
    // A version name of the set, or a git REV:path.
    const source = resolveDocument(p, { cwd, ws, ...(setName ? { set: setName } : {}) });
    out.push(
      source.file
        ? { file: source.file, label: source.label, kind: 'document', bytes: source.bytes, writable: true }
        : { file: path.resolve(cwd, source.label), label: source.label, kind: 'document', bytes: source.bytes, writable: false },
    );
  }
  const seen = new Set<string>();
  return out.filter((i) => (seen.has(i.label) ? false : (seen.add(i.label), true)));
}

function resolveSetByName(ws: Workspace, name: string): StandardsSet {
  const set = listSets(ws).find((s) => s.name === name);
  if (!set) throw usageError(`unknown set "${name}"`, `sets: ${listSets(ws).map((s) => s.name).join(', ') || 'none'}`);
  return set;
}

/** A version file: an empty one is a document without front matter (a diagnostic), not an unreadable file. */
function readDocument(input: Input): Parsed {
  const bytes = input.bytes ?? readBytes(input.file, input.label);
  if (isBlank(bytes)) return parseText(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), input.label);
  const source = decodeSource(bytes, input.label);
  return parseText(source.text, input.label, { bom: source.bom });
}

function decodeRegister(input: Input): string {
  const bytes = input.bytes ?? readBytes(input.file, input.label);
  if (isBlank(bytes)) return '';
  return decodeSource(bytes, input.label).text;
}

function isBlank(bytes: Uint8Array): boolean {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  }
  return true;
}

/** `2016-02.md` → `2016-02`; `2016-02.en.md` (a translation) → `2016-02`. */
function versionOf(file: string): string {
  return path.basename(file).replace(/\.md$/i, '').replace(TRANSLATION, '');
}

/** The set a file belongs to is the folder it sits in (FORMAT.md); its versions are parsed once, when needed. */
class SetCache {
  private readonly sets = new Map<string, SetInfo>();

  constructor(private readonly cwd: string) {}

  forDocument(file: string): SetInfo {
    return this.get(path.dirname(file));
  }

  forRegister(file: string): SetInfo {
    const dir = path.dirname(file);
    return this.get(path.basename(dir) === 'comments' ? path.dirname(dir) : dir);
  }

  private get(dir: string): SetInfo {
    let info = this.sets.get(dir);
    if (!info) {
      info = new SetInfo(fs.existsSync(dir) ? readSet(path.basename(dir), dir) : null, this.cwd);
      this.sets.set(dir, info);
    }
    return info;
  }
}

class SetInfo {
  private readonly parsed = new Map<string, StandardsDoc | null>();

  constructor(
    private readonly set: StandardsSet | null,
    private readonly cwd: string,
  ) {}

  remember(file: string, doc: StandardsDoc): void {
    const version = this.set?.versions.find((v) => path.resolve(v.file) === path.resolve(file));
    if (version) this.parsed.set(version.name, doc);
  }

  context(file: string): Pick<LintContext, 'versions' | 'getVersion'> {
    if (!this.set) return {};
    const set = this.set;
    const versions = set.versions.map((v) => v.name);
    // A version file outside its set's list (a stray name) still counts as a version of it.
    const own = versionOf(file);
    if (/\.md$/i.test(file) && !versions.includes(own)) versions.push(own);
    return {
      versions,
      getVersion: (name) => {
        if (this.parsed.has(name)) return this.parsed.get(name)!;
        const version = set.versions.find((v) => v.name === name);
        let doc: StandardsDoc | null = null;
        if (version) {
          try {
            doc = readDocument({ file: version.file, label: relativeLabel(version.file, this.cwd), kind: 'document', writable: false }).doc;
          } catch (error) {
            if (!(error instanceof RangeError)) throw error;
          }
        }
        this.parsed.set(name, doc);
        return doc;
      },
    };
  }
}

/** The project's page for SARIF `informationUri`: package.json `homepage` or `repository`, else its npm page. */
function informationUri(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      name?: string;
      homepage?: string;
      repository?: string | { url?: string };
    };
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const url = pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, '');
    if (url && /^https?:\/\//.test(url)) return url;
    return `https://www.npmjs.com/package/${pkg.name ?? 'stdraft'}`;
  } catch {
    return 'https://www.npmjs.com/package/stdraft';
  }
}
