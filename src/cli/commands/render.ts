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
import { referenceStyles } from '../../render/reference.js';
import { renderDocx } from '../../render/render.js';
import { TEMPLATE_FILE } from '../../render/template-config.js';
import { loadTemplate, templateData, type TemplateFolder } from '../../render/template.js';
import { isDirectory, isFile, maybeWorkspace, readBytes, readTextFile, relativeLabel, resolveDocument, safeReaddir, type Workspace } from '../../workspace/index.js';
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
  const template = loadTemplate(folder, { documentFile: source.label, configFile: configLabel });
  let reference: { file: string; label: string } | null = null;
  if (template.config.referenceDocx) {
    const file = path.resolve(dir, template.config.referenceDocx.path);
    if (!fs.existsSync(file)) {
      throw new StdraftError('template', `reference-docx ${template.config.referenceDocx.path} not found`, {
        file: `${folder.label}/${TEMPLATE_FILE}`,
        line: template.config.referenceDocx.line,
        hint: 'the path is relative to the template folder',
      });
    }
    reference = { file, label: relativeLabel(file, ctx.cwd) };
    files.push(file);
  }
  const registers = source.set?.registers ?? [];
  if (output !== '-') checkOutputPath(output, [source.file, ...files, ws?.configFile ?? null, ...registers]);
  const styles = reference ? await referenceStyles(readBytes(reference.file, reference.label), reference.label) : null;

  const progress = startProgress(ctx, mode.command === 'export' ? 'exporting' : 'rendering');
  progress.update(0, 3, 'reading the version');
  const { doc, source: text } = parseBytes(source.bytes, source.label);
  const fatal = doc.problems.find((p) => p.fatal);
  if (fatal) throw inputError(source.label, fatal.message, { line: fatal.span.start.line, hint: 'fix it first (stdraft validate shows every problem)' });

  if (mode.command === 'export') {
    // The gate lints the version: its rules are loaded only for export.
    const { finalGateReasons } = await import('../../render/gate.js');
    const reasons = finalGateReasons({
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
    if (reasons.length > 0) {
      ctx.io.stderr(`stdraft: ${source.label} cannot be exported as the final order (${reasons.length} reason${reasons.length === 1 ? '' : 's'}); nothing written:\n`);
      for (const reason of reasons) ctx.io.stderr(`  - ${reason}\n`);
      return EXIT_FINDINGS;
    }
  } else if (doc.problems.length > 0) {
    ctx.io.stderr(`stdraft: warning: ${source.label} has ${doc.problems.length} problem${doc.problems.length === 1 ? '' : 's'} (stdraft validate shows them); rendered as it is\n`);
  }

  const data = templateData({ doc, config: ws?.config.data ?? {}, template: template.config, set: source.set?.name ?? null });
  // Several missing config values are reported together (one alone gets the engine's message, with its line).
  const missing = missingConfigValues(template, ws?.config.data ?? {});
  if (missing.length > 1) {
    const list = missing.map((m) => `${m.path} (${m.file}:${m.line})`).join(', ');
    throw configError(configLabel ?? 'stdraft.config.yaml', `the template needs ${missing.length} values the config does not set: ${list}`, {
      hint: configLabel ? `set them in ${configLabel} (docs/templates.md)` : 'create stdraft.config.yaml at the workspace root and set them there (docs/templates.md)',
    });
  }
  progress.update(1, 3, 'building the document');
  const bytes = await renderDocx({ doc, template, data, referenceStyles: styles });
  progress.update(3, 3);
  progress.end();

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

/** Reads template.yaml and the `*.hbs` files of a template folder. */
export function readTemplateFolder(dir: string, cwd: string): { folder: TemplateFolder; files: string[] } {
  const label = relativeLabel(dir, cwd);
  const configFile = path.join(dir, TEMPLATE_FILE);
  if (!fs.existsSync(configFile)) {
    throw new StdraftError('template', `no ${TEMPLATE_FILE} in the template folder`, {
      file: label,
      hint: 'a template folder holds template.yaml and .md.hbs files; copy templates/consultation to start one',
    });
  }
  const files: string[] = [configFile];
  const texts = new Map<string, string>();
  for (const entry of safeReaddir(dir).sort()) {
    const file = path.join(dir, entry);
    if (!entry.endsWith('.hbs') || !isFile(file)) continue;
    texts.set(entry, readTextFile(file));
    files.push(file);
  }
  return { folder: { label, config: readTextFile(configFile), files: texts }, files };
}

