/** `stdraft fmt [paths…] [--check | --write] [--renumber]` */
import { inputError, usageError } from '../../errors.js';
import { formatVerified } from '../../print/index.js';
import { planRenumber } from '../../print/renumber.js';
import { maybeWorkspace, openWorkspace } from '../../workspace/index.js';
import type { Context } from '../context.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { expandPaths, isMarkdown, readParsed, workspaceVersionFiles, type InputFile } from '../inputs.js';
import { takeEditLocks } from '../lock.js';
import { writeFileAtomic } from '../io.js';
import { startProgress } from '../progress.js';

export interface FmtOptions {
  check?: boolean;
  write?: boolean;
  renumber?: boolean;
}

export function run(ctx: Context, args: unknown[], options: FmtOptions): number {
  const paths = (args[0] as string[] | undefined) ?? [];
  if (options.check && options.write) throw usageError('--check and --write cannot be used together', 'choose one');
  const ws = paths.length === 0 ? openWorkspace(ctx.cwd) : maybeWorkspace(ctx.cwd);
  const inputs = expandPaths(paths, ctx.cwd, isMarkdown, () => (ws ? workspaceVersionFiles(ws) : []));
  if (inputs.length === 0) throw usageError('no Markdown files to format', 'give .md files or folders');
  if (!options.check && !options.write && inputs.length > 1) {
    throw usageError(`${inputs.length} files given: printing is for one file`, 'use --check to list files that are not canonical, or --write to rewrite them');
  }
  // --write: each file is locked from before it is read until it is written (two runs would lose an edit).
  const release = options.write ? takeEditLocks(inputs) : null;
  try {
    return formatFiles(ctx, inputs, options);
  } finally {
    release?.();
  }
}

function formatFiles(ctx: Context, inputs: InputFile[], options: FmtOptions): number {

  // Format everything first: a bad file stops the run before anything is written.
  const progress = startProgress(ctx, 'formatting');
  const results = inputs.map((input, index) => {
    progress.update(index, inputs.length, input.label);
    const parsed = readParsed(input);
    const fatal = parsed.doc.problems.find((p) => p.fatal);
    if (fatal) {
      throw inputError(input.label, fatal.message, { line: fatal.span.start.line, hint: 'fix it before formatting (stdraft validate shows every problem)' });
    }
    const original = (parsed.source.bom ? '\uFEFF' : '') + parsed.source.text;
    const formatted = formatVerified(parsed, { renumber: options.renumber ? planRenumber(parsed.doc) : null });
    return { input, original, formatted, changed: formatted !== original };
  });
  progress.end();

  if (!options.check && !options.write) {
    ctx.io.stdout(results[0]!.formatted.replace(/^\uFEFF/, ''));
    return EXIT_OK;
  }
  const changed = results.filter((r) => r.changed);
  if (options.check) {
    for (const r of changed) ctx.io.stdout(`would reformat ${r.input.label}\n`);
    ctx.io.stdout(
      changed.length === 0
        ? `${results.length} file${results.length === 1 ? '' : 's'} already formatted\n`
        : `${changed.length} of ${results.length} files would be reformatted (run stdraft fmt --write)\n`,
    );
    return changed.length === 0 ? EXIT_OK : EXIT_FINDINGS;
  }
  for (const r of changed) {
    writeFileAtomic(r.input.file, r.formatted);
    ctx.io.stdout(`formatted ${r.input.label}\n`);
  }
  ctx.io.stdout(`${changed.length} file${changed.length === 1 ? '' : 's'} rewritten, ${results.length - changed.length} already formatted\n`);
  return EXIT_OK;
}
