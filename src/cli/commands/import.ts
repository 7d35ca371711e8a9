/** `stdraft import FILE [--set S --as VERSION | -o OUT.md] [--from …] [--title T] [--date D] [--status S] [--changes accept|reject]` */
import fs from 'node:fs';
import path from 'node:path';
import { outputError, usageError } from '../../errors.js';
import { formatReport, importDocument, type ImportFormat } from '../../import/index.js';
import { openWorkspace, readBytes, relativeLabel, resolveSet } from '../../workspace/index.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { checkOutputPath, writeFileAtomic } from '../io.js';

export interface ImportCommandOptions {
  output?: string;
  set?: string;
  as?: string;
  from?: ImportFormat | 'auto';
  title?: string;
  date?: string;
  status?: string;
  changes?: 'accept' | 'reject';
  keepCase?: boolean;
  force?: boolean;
}

const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function run(ctx: Context, args: unknown[], options: ImportCommandOptions): number {
  const input = path.resolve(ctx.cwd, args[0] as string);
  const label = relativeLabel(input, ctx.cwd);
  if (options.as && options.output) throw usageError('--as and -o cannot be used together', 'write into the workspace with --as VERSION, or to a file with -o FILE');
  if (options.set && !options.as) throw usageError('--set needs --as VERSION', 'e.g. stdraft import ordin.txt --set vtp --as 2019-01');
  if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw usageError(`--date ${options.date} is not YYYY-MM-DD`, 'e.g. --date 2019-01-10');
  if (options.status && !['draft', 'consultation', 'final'].includes(options.status)) {
    throw usageError(`--status ${options.status} is not draft, consultation or final`, 'choose one of them');
  }

  let target: string | null = null;
  let version: string | undefined;
  if (options.as) {
    if (!VERSION_NAME.test(options.as) || options.as.endsWith('.md')) throw usageError(`"${options.as}" is not a version name`, 'use letters, digits, dots and dashes, e.g. 2019-01');
    const ws = openWorkspace(ctx.cwd);
    const set = resolveSet(ws, options.set);
    target = path.join(set.dir, `${options.as}.md`);
    version = options.as;
  } else if (options.output && options.output !== '-') {
    target = path.resolve(ctx.cwd, options.output);
    const base = path.basename(target).replace(/\.md$/i, '');
    if (/\.md$/i.test(target) && VERSION_NAME.test(base)) version = base;
  }
  if (target) {
    // Making a version of a set is what import is for (an existing file only with --force, below).
    checkOutputPath(target, [input], { allow: ['version'] });
    if (fs.existsSync(target) && !options.force) {
      throw outputError(relativeLabel(target, ctx.cwd), 'already exists', 'choose another name, or give --force to replace it');
    }
  }

  const bytes = readBytes(input, label);
  const result = importDocument(bytes, {
    file: label,
    from: options.from ?? 'auto',
    ...(options.title ? { title: options.title } : {}),
    ...(options.date ? { date: options.date } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(version ? { version } : {}),
    ...(options.changes ? { changes: options.changes } : {}),
    keepCase: Boolean(options.keepCase),
  });

  if (target) {
    writeFileAtomic(target, result.markdown);
  } else {
    ctx.io.stdout(result.markdown);
  }
  ctx.io.stderr(formatReport(result.report));
  if (target) {
    const written = relativeLabel(target, ctx.cwd);
    ctx.io.stderr(`wrote ${written}\n`);
    if (!ctx.quiet) ctx.io.stderr(`next: stdraft validate ${written} (then stdraft fmt --write ${written} after editing)\n`);
  }
  return EXIT_OK;
}
