/**
 * `stdraft render VERSION [--set S] [--template NAME|DIR] -o OUT.docx` — the consultation draft.
 * Also the shared work of `export` (export.ts): find the template, read its files, check the output path,
 * render, write atomically (or to stdout with `-o -`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StdraftError, configError, inputError, usageError } from '../../errors.js';
import { parseBytes } from '../../parse/index.js';
import { parseRegister } from '../../comments/index.js';
import { consultationsHeld } from '../../render/order-data.js';
import { referenceStyles } from '../../render/reference.js';
import { renderDocx } from '../../render/render.js';
import { TEMPLATE_FILE } from '../../render/template-config.js';
import type { PrintedValue } from '../../render/handlebars.js';
import { FRONT_MATTER_KEYS, loadTemplate, templateData, type TemplateFolder } from '../../render/template.js';
import { isDirectory, isFile, maybeWorkspace, readBytes, readTextFile, relativeLabel, resolveDocument, safeReaddir, type Workspace } from '../../workspace/index.js';
import { containedPath, isInside, kindOf, readRegularFile } from '../../workspace/regular-file.js';
import { refuseBinaryOnTerminal, say, writeStdoutBytes, type Context } from '../context.js';
import { missingConfigValues } from '../../render/required-values.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { checkOutputPath, writeFileAtomic } from '../io.js';
import { startProgress } from '../progress.js';

export interface DocxCommandOptions {
  set?: string;
  template?: string;
  output: string;
}

/** The templates shipped with stdraft. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../../templates/', import.meta.url));

export function run(ctx: Context, args: unknown[], options: DocxCommandOptions): Promise<number> {
  return produceDocx(ctx, args[0] as string, options, { command: 'render', defaultTemplate: 'consultation' });
}

/** render and export: the same steps, export with the final gate first. */
export async function produceDocx(
  ctx: Context,
  ref: string,
  options: DocxCommandOptions,
  mode: { command: 'render' | 'export'; defaultTemplate: string },
): Promise<number> {
  if (!options.output) throw usageError('an output file is required', 'give -o OUT.docx, or -o - for stdout');
  if (options.output !== '-' && !/\.docx$/i.test(options.output)) {
    throw usageError(`the output ${options.output} does not end in .docx`, 'name the Word file OUT.docx (or -o - for stdout)');
  }
  // Relative outputs start at --cwd; messages show them as the user's shell sees them.
  const output = options.output === '-' || path.isAbsolute(options.output) ? options.output : path.relative(process.cwd(), path.resolve(ctx.cwd, options.output));
  if (output === '-') refuseBinaryOnTerminal(ctx.io); // before any work
  const ws = maybeWorkspace(ctx.cwd);
  const source = resolveDocument(ref, { cwd: ctx.cwd, ws, ...(options.set ? { set: options.set } : {}) });

  // The template: its files are read now, so that a broken one fails before any work.
  const dir = resolveTemplateDir(options.template ?? mode.defaultTemplate, ctx.cwd, ws);
  const { folder, files } = readTemplateFolder(dir, ctx.cwd);
  const configLabel = ws?.configFile ? relativeLabel(ws.configFile, ctx.cwd) : null;
  // export checks every value the templates print (the final gate).
  const printed: PrintedValue[] = [];
  const template = loadTemplate(folder, { documentFile: source.label, configFile: configLabel, ...(mode.command === 'export' ? { onValue: (v: PrintedValue) => printed.push(v) } : {}) });
  let reference: { file: string; label: string } | null = null;
  if (template.config.referenceDocx) {
    reference = referenceDocxFile(dir, template.config.referenceDocx, `${folder.label}/${TEMPLATE_FILE}`, ctx.cwd);
    files.push(reference.file);
  }
  const registers = source.set?.registers ?? [];
  if (output !== '-') checkOutputPath(output, [source.file, ...files, ws?.configFile ?? null, ...registers]);
  const styles = reference ? await referenceStyles(readRegularFile(reference.file, reference.label, { kind: 'template' }), reference.label) : null;

  const progress = startProgress(ctx, mode.command === 'export' ? 'exporting' : 'rendering');
  progress.update(0, 3, 'reading the version');
  const { doc, source: text } = parseBytes(source.bytes, source.label);
  const fatal = doc.problems.find((p) => p.fatal);
  if (fatal) throw inputError(source.label, fatal.message, { line: fatal.span.start.line, hint: 'fix it first (stdraft validate shows every problem)' });

  let configValueReasons: typeof import('../../render/config-values.js').configValueReasons | null = null;
  const refuse = (reasons: string[]): number => {
    ctx.io.stderr(`stdraft: ${source.label} cannot be exported as the final order (${reasons.length} reason${reasons.length === 1 ? '' : 's'}); nothing written:\n`);
    for (const reason of reasons) ctx.io.stderr(`  - ${reason}\n`);
    return EXIT_FINDINGS;
  };
  if (mode.command === 'export') {
    // The gate lints the version: its rules are loaded only for export.
    const gate = await import('../../render/gate.js');
    ({ configValueReasons } = await import('../../render/config-values.js'));
    const reasons = gate.finalGateReasons({
      doc,
      version: source.version,
      registers: registers.map((file) => ({ file: relativeLabel(file, ctx.cwd), text: readTextFile(file) })),
      lint: {
        text: text.text,
        expectedVersion: source.version,
        ...(ws ? { config: ws.config } : {}),
        ...(source.set ? { versions: source.set.versions.map((v) => v.name) } : {}),
      },
    });
    // The values the order takes from the config, before a template meets an empty one.
    for (const reason of configValueReasons(ws?.config.data ?? {}, configLabel)) reasons.push(reason);
    if (reasons.length > 0) return refuse(reasons);
  } else if (doc.problems.length > 0) {
    ctx.io.stderr(`stdraft: warning: ${source.label} has ${doc.problems.length} problem${doc.problems.length === 1 ? '' : 's'} (stdraft validate shows them); rendered as it is\n`);
  }

  // The workshops the version answers, counted from the set's registers (unreadable ones are left out: validate reports them).
  const held = consultationsHeld(
    registers.map((file) => parseRegister(readTextFile(file), relativeLabel(file, ctx.cwd))).filter((r) => r.problems.length === 0).map((r) => r.register),
    source.version,
    source.set?.versions.map((v) => v.name) ?? [],
  );
  const data = templateData({ doc, config: ws?.config.data ?? {}, template: template.config, set: source.set?.name ?? null, consultationsHeld: held });
  // Several missing config values are reported together (one alone gets the engine's message, with its line,
  // unless it is a list the engine would print as nothing).
  const missing = missingConfigValues(template, ws?.config.data ?? {});
  if (missing.length > 1 || missing.some((m) => m.iterated)) {
    const list = missing.map((m) => `${m.path} (${m.file}:${m.line})`).join(', ');
    const needs = missing.length === 1 ? 'a value' : `${missing.length} values`;
    throw configError(configLabel ?? 'stdraft.config.yaml', `the template needs ${needs} the config does not set: ${list}`, {
      hint: configLabel
        ? `set ${missing.length === 1 ? 'it' : 'them'} in ${configLabel} (docs/templates.md)`
        : `create stdraft.config.yaml at the workspace root and set ${missing.length === 1 ? 'it' : 'them'} there (docs/templates.md)`,
    });
  }
  progress.update(1, 3, 'building the document');
  const bytes = await renderDocx({ doc, template, data, referenceStyles: styles });
  progress.update(3, 3);
  progress.end();
  if (configValueReasons) {
    // The other values the templates printed (the config's order.* and consultation.* passed above).
    const reasons = configValueReasons(ws?.config.data ?? {}, configLabel, printed, FRONT_MATTER_KEYS, { file: source.label, data: doc.frontMatter?.data ?? {} });
    if (reasons.length > 0) return refuse(reasons);
  }

  if (output === '-') {
    writeStdoutBytes(ctx.io, bytes);
  } else {
    writeFileAtomic(output, bytes);
    say(ctx, `wrote ${output} (${source.label}, template ${folder.label})\n`);
  }
  return EXIT_OK;
}

/**
 * `NAME` → the workspace's `templates/NAME/`, else the built-in one; a value with a slash (or starting with
 * `.`) is a folder path.
 */
export function resolveTemplateDir(spec: string, cwd: string, ws: Workspace | null): string {
  if (/[\\/]/.test(spec) || spec.startsWith('.')) {
    const dir = path.resolve(cwd, spec);
    if (!isDirectory(dir)) throw usageError(`template folder ${spec} not found`, 'give a folder holding template.yaml and .md.hbs files');
    return dir;
  }
  const candidates = [...(ws ? [path.join(ws.root, 'templates', spec)] : []), path.join(BUILTIN_TEMPLATES, spec)];
  const found = candidates.find(isDirectory);
  if (found) return found;
  const names = new Set<string>();
  for (const base of [...(ws ? [path.join(ws.root, 'templates')] : []), BUILTIN_TEMPLATES]) {
    for (const entry of safeReaddir(base)) if (isDirectory(path.join(base, entry))) names.add(entry);
  }
  throw usageError(`unknown template "${spec}"`, `templates: ${[...names].sort().join(', ') || 'none'}; a folder path must contain a slash, e.g. ./${spec}`);
}

/** Template files larger than this are refused unread (the bundled ones are a few KB). */
const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads template.yaml and the `*.hbs` files of a template folder. Only regular files whose real path lies
 * inside the folder are read: a link out of it (`leak.md.hbs -> /etc/passwd`) is refused, and so is a FIFO or
 * a device; each file is at most 4 MB.
 */
export function readTemplateFolder(dir: string, cwd: string): { folder: TemplateFolder; files: string[] } {
  const label = relativeLabel(dir, cwd);
  const configFile = path.join(dir, TEMPLATE_FILE);
  if (!fs.existsSync(configFile) && !isSymbolicLink(configFile)) {
    throw new StdraftError('template', `no ${TEMPLATE_FILE} in the template folder`, {
      file: label,
      hint: 'a template folder holds template.yaml and .md.hbs files; copy templates/consultation to start one',
    });
  }
  const read = (file: string): string => {
    const fileLabel = relativeLabel(file, cwd);
    const real = containedFile(dir, file, fileLabel);
    return decodeTemplateText(readRegularFile(real, fileLabel, { limit: MAX_TEMPLATE_FILE_BYTES, kind: 'template' }), fileLabel);
  };
  const files: string[] = [configFile];
  const config = read(configFile);
  const texts = new Map<string, string>();
  for (const entry of safeReaddir(dir).sort()) {
    const file = path.join(dir, entry);
    if (!entry.endsWith('.hbs') || isDirectory(file)) continue;
    texts.set(entry, read(file));
    files.push(file);
  }
  return { folder: { label, config, files: texts }, files };
}

/** A file of the template folder, its type checked first (a FIFO or device is refused), then its real path. */
function containedFile(dir: string, file: string, label: string): string {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = null;
  }
  if (stat && !stat.isFile()) throw new StdraftError('template', `is ${kindOf(stat)}, not a regular file`, { file: label, hint: 'give the file itself' });
  return containedPath(dir, file, label);
}

/** `reference-docx:` of template.yaml: a regular .docx file inside the template folder. */
function referenceDocxFile(dir: string, spec: { path: string; line: number }, configLabel: string, cwd: string): { file: string; label: string } {
  const outside = () =>
    new StdraftError('template', `reference-docx ${spec.path} is outside the template folder`, {
      file: configLabel,
      line: spec.line,
      hint: 'put the reference document in the template folder and name it relative to it',
    });
  const file = path.resolve(dir, spec.path);
  if (path.isAbsolute(spec.path) || !isInside(path.resolve(dir), file)) throw outside();
  if (!fs.existsSync(file)) {
    throw new StdraftError('template', `reference-docx ${spec.path} not found`, { file: configLabel, line: spec.line, hint: 'the path is relative to the template folder' });
  }
  const label = relativeLabel(file, cwd);
  return { file: containedFile(dir, file, label), label };
}

function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function decodeTemplateText(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new StdraftError('template', 'file is not UTF-8', { file: label, hint: `convert it: iconv -f cp1250 -t utf-8 '${label}' > converted` });
  }
}
