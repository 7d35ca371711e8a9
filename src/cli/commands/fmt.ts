/** `stdraft fmt [paths…] [--check | --write] [--renumber]` */
import { inputError, usageError } from '../../errors.js';
import { formatVerified } from '../../print/index.js';
import { planChanges, planRenumber } from '../../print/renumber.js';
import { renumberBlockers, renumberRefusal } from '../../print/renumber-guard.js';
import { summariseRenumber } from '../../print/renumber-summary.js';
import { maybeWorkspace, openWorkspace } from '../../workspace/index.js';
import { useColor, type Context } from '../context.js';
import { unifiedDiff } from '../dry-run.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { expandPaths, isMarkdown, readParsed, workspaceVersionFiles, type InputFile } from '../inputs.js';
import { takeEditLocks } from '../lock.js';
import { writeFileAtomic } from '../io.js';
import { startProgress } from '../progress.js';
import { expandGlobs } from '../globs.js';
import { readStdin, usesStdin } from '../stdin.js';
import { parseBytes } from '../../parse/index.js';

export interface FmtOptions {
  check?: boolean;
  write?: boolean;
  renumber?: boolean;
  dryRun?: boolean;
  stdinFilename?: string;
}

export function run(ctx: Context, args: unknown[], options: FmtOptions): number {
  const paths = (args[0] as string[] | undefined) ?? [];
  if (options.check && options.write) throw usageError('--check and --write cannot be used together', 'choose one');
  if (options.dryRun && options.check) throw usageError('--dry-run and --check cannot be used together', 'use --check to list the files, --dry-run to see the changes');
  if (options.dryRun && !options.write && !options.renumber) throw usageError('--dry-run shows what --write or --renumber would change', 'use it with one of them: stdraft fmt --write --dry-run FILE');
  const stdin = usesStdin(paths);
  if (stdin && options.write) throw usageError('--write cannot rewrite standard input', 'without --write, stdraft fmt - prints the canonical text');
  const ws = paths.length === 0 ? openWorkspace(ctx.cwd) : maybeWorkspace(ctx.cwd);
  const piped = stdin ? readStdin(ctx, options.stdinFilename) : null;
  const inputs = piped ? [{ file: piped.file, label: piped.label }] : expandPaths(expandGlobs(paths, ctx.cwd), ctx.cwd, isMarkdown, () => (ws ? workspaceVersionFiles(ws) : []));
  if (inputs.length === 0) throw usageError('no Markdown files to format', 'give .md files or folders');
  if (!options.check && !options.write && !options.dryRun && inputs.length > 1) {
    throw usageError(`${inputs.length} files given: printing is for one file`, 'use --check to list files that are not canonical, or --write to rewrite them');
  }
  // --write: each file is locked from before it is read until it is written (two runs would lose an edit).
  const release = options.write ? takeEditLocks(inputs) : null;
  try {
    return formatFiles(ctx, inputs, options, piped);
  } finally {
    release?.();
  }
}

function formatFiles(ctx: Context, inputs: InputFile[], options: FmtOptions, piped: ReturnType<typeof readStdin> | null): number {
  // Format everything first: a bad file stops the run before anything is written.
  const progress = startProgress(ctx, 'formatting');
  const results = inputs.map((input, index) => {
    progress.update(index, inputs.length, input.label);
    const parsed = piped ? parseBytes(piped.bytes, piped.label) : readParsed(input);
    const fatal = parsed.doc.problems.find((p) => p.fatal);
    if (fatal) {
      throw inputError(input.label, fatal.message, { line: fatal.span.start.line, hint: 'fix it before formatting (stdraft validate shows every problem)' });
    }
    if (options.renumber) {
      const refusal = renumberRefusal(parsed.doc);
      if (refusal) {
        const first = renumberBlockers(parsed.doc)[0]!;
        throw inputError(input.label, refusal, { line: first.span.start.line, hint: 'nothing was written' });
      }
    }
    const original = (parsed.source.bom ? '\uFEFF' : '') + parsed.source.text;
    const plan = options.renumber ? planRenumber(parsed.doc) : null;
    const formatted = formatVerified(parsed, { renumber: plan });
    const renumbered = plan && planChanges(parsed.doc, plan).length > 0 ? summariseRenumber(parsed.doc, plan) : [];
    return { input, original, formatted, renumbered, changed: formatted !== original };
  });
  progress.end();

  const changed = results.filter((r) => r.changed);
  if (options.dryRun) {
    for (const r of changed) {
      ctx.io.stdout(`would ${r.renumbered.length > 0 ? 'renumber and reformat' : 'reformat'} ${r.input.label}\n${r.renumbered.map((c) => `  renumbered ${c}\n`).join('')}`);
      ctx.io.stdout(unifiedDiff(r.input.label, r.original, r.formatted, useColor(ctx.io)));
    }
    if (changed.length === 0) ctx.io.stdout(`${results.length} file${results.length === 1 ? '' : 's'} already formatted; nothing would change\n`);
    return changed.length === 0 ? EXIT_OK : EXIT_FINDINGS;
  }
  if (!options.check && !options.write) {
    ctx.io.stdout(results[0]!.formatted.replace(/^\uFEFF/, ''));
    return EXIT_OK;
  }
  if (options.check) {
    for (const r of changed) ctx.io.stdout(`would ${r.renumbered.length > 0 ? 'renumber and reformat' : 'reformat'} ${r.input.label}\n`);
    ctx.io.stdout(
      changed.length === 0
        ? `${results.length} file${results.length === 1 ? '' : 's'} already formatted\n`
        : `${changed.length} of ${results.length} files would be ${options.renumber ? 'renumbered or reformatted' : 'reformatted'} (run stdraft fmt ${options.renumber ? '--renumber ' : ''}--write)\n`,
    );
    return changed.length === 0 ? EXIT_OK : EXIT_FINDINGS;
  }
  for (const r of changed) {
    writeFileAtomic(r.input.file, r.formatted);
    ctx.io.stdout(`formatted ${r.input.label}${r.renumbered.length > 0 ? ' (renumbered)' : ''}\n${r.renumbered.map((c) => `  renumbered ${c}\n`).join('')}`);
  }
  ctx.io.stdout(`${changed.length} file${changed.length === 1 ? '' : 's'} rewritten, ${results.length - changed.length} already formatted\n`);
  return EXIT_OK;
}
