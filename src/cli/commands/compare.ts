/**
 * `stdraft compare FROM TO [--set S] [--layout synoptic|redline] [--comments REG…] [--full] [--author NAME]
 *  [--format docx|html] -o OUT`
 *
 * The comparison drafts for a workshop: the synoptic table (Word, or one HTML page for projecting) with the
 * observations of the registers, or the redline with tracked changes. Everything is read and checked
 * (versions, registers and their targets, the output path) before any work; the output is written
 * atomically.
 */
import path from 'node:path';
import { diffDocuments } from '../../diff/index.js';
import { StdraftError, inputError, usageError } from '../../errors.js';
import type { StandardsDoc } from '../../model/types.js';
import { parseBytes } from '../../parse/index.js';
import { readRegisters, registersFor, resolveObservations, type LoadedRegister } from '../../compare/observations.js';
import { redlineDocx } from '../../compare/redline.js';
import { synopticDocx } from '../../compare/synoptic-docx.js';
import { synopticHtml } from '../../compare/synoptic-html.js';
import { maybeWorkspace, readBytes, relativeLabel, resolveDocument, type DocumentSource, type StandardsSet } from '../../workspace/index.js';
import { refuseBinaryOnTerminal, say, writeStdoutBytes, type Context, type Io } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { checkOutputPath, writeFileAtomic } from '../io.js';
import { startProgress } from '../progress.js';

export interface CompareOptions {
  set?: string;
  layout?: 'synoptic' | 'redline';
  comments?: string[];
  full?: boolean;
  author?: string;
  format?: 'docx' | 'html';
  output: string;
}

/** The author of a redline's revisions when neither --author nor the config's `author` gives one. */
export const DEFAULT_AUTHOR = 'stdraft';

export async function run(ctx: Context, args: unknown[], options: CompareOptions): Promise<number> {
  const [fromRef, toRef] = args as [string, string];
  const layout = options.layout ?? 'synoptic';
  const format = options.format ?? 'docx';
  if (format === 'html' && layout === 'redline') {
    throw usageError('--format html is the synoptic table; a redline is a Word document', 'use --layout synoptic --format html, or --layout redline with a .docx output');
  }
  const extension = format === 'html' ? /\.html?$/i : /\.docx$/i;
  if (options.output !== '-' && !extension.test(options.output)) {
    throw usageError(`the output ${options.output} does not end in ${format === 'html' ? '.html' : '.docx'}`, `name the file OUT.${format === 'html' ? 'html' : 'docx'} (or -o - for stdout)`);
  }

  const ws = maybeWorkspace(ctx.cwd);
  const fromSource = resolveDocument(fromRef, { cwd: ctx.cwd, ws, ...(options.set ? { set: options.set } : {}) });
  const toSource = resolveDocument(toRef, { cwd: ctx.cwd, ws, ...(options.set ? { set: options.set } : {}) });
  const [fromName, toName] = versionNames(fromRef, fromSource, toRef, toSource);
  const set = toSource.set ?? fromSource.set;

  // Registers: those named, or the set's on FROM that TO answers.
  const registerFiles = options.comments?.map((file) => path.resolve(ctx.cwd, file)) ?? set?.registers ?? [];
  const sources = registerFiles.map((file) => ({ file, label: relativeLabel(file, ctx.cwd) }));
  if (options.output === '-' && (options.format ?? 'docx') === 'docx') refuseBinaryOnTerminal(ctx.io); // before any work
  const output = options.output === '-' ? null : checkOutputPath(relativeLabel(path.resolve(ctx.cwd, options.output), process.cwd()), [fromSource.file, toSource.file, ...registerFiles, ws?.configFile ?? null]);

  const all = readRegisters(sources.map(({ file, label }) => ({ file: label, text: readText(file, label) })));
  const registers: LoadedRegister[] = options.comments ? all : registersFor(all, fromName, toName);

  const from = parse(fromSource);
  const to = parse(toSource);
  const observations = resolveObservations(registers, versionLookup(set, { [fromName]: from, [toName]: to }, ctx.cwd), set?.versions.map((v) => v.name) ?? [fromName, toName]);
  const progress = startProgress(ctx, 'comparing');
  progress.update(1, 3, 'matching the versions');
  const changeset = diffDocuments(from, to, { fromLabel: fromName, toLabel: toName });
  progress.update(2, 3, 'building the document');
  const what = `${fromName} → ${toName}`;

  let bytes: Uint8Array | string;
  let summary: string;
  if (layout === 'redline') {
    const author = options.author ?? ws?.config.author ?? DEFAULT_AUTHOR;
    const short = ws?.config.data['short-title'];
    const redline = await redlineDocx(changeset, { author, ...(typeof short === 'string' && short.trim() ? { shortTitle: short.trim() } : {}) });
    bytes = redline.bytes;
    summary =
      redline.stats.revisions === 0
        ? `redline ${what}: the versions do not differ`
        : `redline ${what}: ${redline.stats.revisions} revision${redline.stats.revisions === 1 ? '' : 's'} (${redline.stats.typographic} typographic), ${redline.stats.characters} characters marked, author "${author}"`;
  } else {
    const made = format === 'html' ? synopticHtml(changeset, { full: Boolean(options.full), registers, observations }) : await synopticDocx(changeset, { full: Boolean(options.full), registers, observations });
    bytes = 'html' in made ? made.html : made.bytes;
    const rows = made.synoptic.rows.length;
    summary = made.synoptic.changed
      ? `synoptic table ${what}: ${rows} row${rows === 1 ? '' : 's'}, ${observations.length} observation${observations.length === 1 ? '' : 's'} from ${registers.length} register${registers.length === 1 ? '' : 's'}`
      : `synoptic table ${what}: the versions do not differ`;
  }

  progress.end();
  if (output) {
    writeFileAtomic(output, bytes);
    say(ctx, `wrote ${options.output} (${summary})\n`);
  } else {
    writeOut(ctx.io, bytes);
  }
  return EXIT_OK;
}

/** What the documents call the versions: their names, or their labels when the names would not tell them apart. */
function versionNames(fromRef: string, from: DocumentSource, toRef: string, to: DocumentSource): [string, string] {
  const name = (ref: string, s: DocumentSource) => (ref === s.version ? ref : s.version || s.label);
  const a = name(fromRef, from);
  const b = name(toRef, to);
  if (a === b && from.label !== to.label) return [from.label, to.label];
  return [a, b];
}

export function parse(source: DocumentSource): StandardsDoc {
  const { doc } = parseBytes(source.bytes, source.label);
  const fatal = doc.problems.find((p) => p.fatal);
  if (fatal) throw inputError(source.label, fatal.message, { line: fatal.span.start.line, hint: 'fix it first (stdraft validate shows every problem)' });
  return doc;
}

/** Versions of the set by name (read when a target names them), FROM and TO as given. */
export function versionLookup(set: StandardsSet | null, known: Record<string, StandardsDoc>, cwd: string): (name: string) => StandardsDoc | null {
  const cache = new Map<string, StandardsDoc>(Object.entries(known));
  return (name) => {
    const cached = cache.get(name);
    if (cached) return cached;
    const version = set?.versions.find((v) => v.name === name);
    if (!version) return null;
    const label = relativeLabel(version.file, cwd);
    const doc = parse({ label, file: version.file, bytes: readBytes(version.file, label), version: name, set });
    cache.set(name, doc);
    return doc;
  };
}

/** A register's text (UTF-8, BOM dropped); a one-line error naming it otherwise. */
export function readText(file: string, label: string): string {
  const bytes = readBytes(file, label);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new StdraftError('input', 'file is not UTF-8', { file: label, hint: `convert it: iconv -f cp1250 -t utf-8 '${label}' > converted.yaml` });
  }
}

/** `-o -`: the document on stdout (bytes as they are). */
function writeOut(io: Io, data: Uint8Array | string): void {
  if (typeof data === 'string') io.stdout(data);
  else writeStdoutBytes(io, data);
}
