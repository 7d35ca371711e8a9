/** `stdraft diff FROM TO [--set S] [--format text|markdown|json] [--exit-code] [-o FILE]` */
import path from 'node:path';
import { containsMarks } from '../../diff/critic.js';
import { formatCriticMarkup } from '../../diff/format-markdown.js';
import { formatJson } from '../../diff/format-json.js';
import { formatText } from '../../diff/format-text.js';
import { diffDocuments, hasDifferences } from '../../diff/index.js';
import { usageError } from '../../errors.js';
import { parseBytes, parseText, type Parsed } from '../../parse/index.js';
import { formatDocument } from '../../print/index.js';
import { maybeWorkspace, relativeLabel, resolveDocument, type DocumentSource } from '../../workspace/index.js';
import { say, useColor, type Context } from '../context.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { checkOutputPath, writeFileAtomic } from '../io.js';
import { readStdin, stdinFolder, STDIN } from '../stdin.js';

export interface DiffCommandOptions {
  set?: string;
  format?: 'text' | 'markdown' | 'json';
  exitCode?: boolean;
  output?: string;
  stdinFilename?: string;
}

/** `-`: the text on standard input (an editor's unsaved buffer), named by --stdin-filename. */
function stdinSource(ctx: Context, stdinFilename: string | undefined): DocumentSource {
  const piped = readStdin(ctx, stdinFilename);
  return { label: piped.label, file: null, bytes: piped.bytes, version: path.basename(piped.file).replace(/\.md$/i, ''), set: null };
}

/** Parse problems shown per document; the rest are counted. */
const MAX_WARNINGS = 10;

export function run(ctx: Context, args: unknown[], options: DiffCommandOptions): number {
  const [fromRef, toRef] = args as [string, string];
  const format = options.format ?? 'text';
  if (fromRef === STDIN && toRef === STDIN) throw usageError('only one side of diff can be "-" (standard input)', 'give a version name or a file for the other');
  const ws = maybeWorkspace(fromRef === STDIN || toRef === STDIN ? stdinFolder(ctx, options.stdinFilename) : ctx.cwd);
  const resolve = (ref: string): DocumentSource => (ref === STDIN ? stdinSource(ctx, options.stdinFilename) : resolveDocument(ref, { cwd: ctx.cwd, ws, set: options.set }));
  const fromSource = resolve(fromRef);
  const toSource = resolve(toRef);
  // -o is relative to --cwd; messages name it as seen from where stdraft was started.
  const toFile =
    options.output && options.output !== '-'
      ? checkOutputPath(relativeLabel(path.resolve(ctx.cwd, options.output), process.cwd()), [fromSource.file, toSource.file])
      : null;

  let from = read(fromSource, ctx);
  let to = read(toSource, ctx);
  if (format === 'markdown') {
    from = canonical(from);
    to = canonical(to);
    for (const p of [from, to]) {
      if (containsMarks(p.source.text)) {
        ctx.io.stderr(`stdraft: warning: ${p.doc.file}: the text itself contains CriticMarkup delimiters; accepting or rejecting the marks will not restore it exactly\n`);
      }
    }
  }
  const changeset = diffDocuments(from.doc, to.doc, { fromLabel: labelOf(fromRef, fromSource), toLabel: labelOf(toRef, toSource) });

  let output: string;
  if (format === 'json') output = formatJson(changeset);
  else if (format === 'markdown') output = formatCriticMarkup(changeset, { from: from.source.text, to: to.source.text });
  else if (format === 'text') output = formatText(changeset, { color: !toFile && useColor(ctx.io) });
  else throw usageError(`unknown format "${String(format)}"`, 'use text, markdown or json');

  if (toFile) {
    writeFileAtomic(toFile, output);
    const s = changeset.summary;
    say(ctx, `wrote ${options.output} (requirements: ${s.added} added, ${s.removed} removed, ${s.modified} modified, ${s.renumbered} renumbered, ${s.unchanged} unchanged)\n`);
  } else {
    ctx.io.stdout(output);
  }
  return options.exitCode && hasDifferences(changeset) ? EXIT_FINDINGS : EXIT_OK;
}

/** What outputs call a version: the name it was given by, or its file label / `REV:path`. */
function labelOf(ref: string, source: DocumentSource): string {
  return ref === source.version ? ref : source.label;
}

/** Parses a document; its parse problems are warnings (the diff covers what parsed). */
function read(source: DocumentSource, ctx: Context): Parsed {
  const parsed = parseBytes(source.bytes, source.label);
  const problems = parsed.doc.problems;
  for (const p of problems.slice(0, MAX_WARNINGS)) {
    ctx.io.stderr(`stdraft: warning: ${source.label}:${p.span.start.line}:${p.span.start.column}: ${p.message} (${p.ruleId})\n`);
  }
  if (problems.length > MAX_WARNINGS) {
    ctx.io.stderr(`stdraft: warning: ${source.label}: ${problems.length - MAX_WARNINGS} more problems (stdraft validate lists them all)\n`);
  }
  if (problems.length > 0) ctx.io.stderr(`stdraft: warning: ${source.label} has problems; the diff covers what could be read\n`);
  return parsed;
}

/**
 * The text compared by `--format markdown`: the canonical `fmt` text with LF line endings and no BOM, so that
 * layout differences (bullets, blank lines, label spellings) are not marked. A document `fmt` refuses (no front
 * matter, invalid YAML) is compared as written.
 */
function canonical(parsed: Parsed): Parsed {
  const fatal = parsed.doc.problems.some((p) => p.fatal);
  const text = (fatal ? parsed.source.text : formatDocument(parsed)).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text === parsed.source.text) return parsed;
  return parseText(text, parsed.doc.file);
}
