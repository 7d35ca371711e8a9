/**
 * `-` as a path: the document is read from standard input, as ESLint and Prettier do, so an editor can check or
 * format the buffer being edited. `--stdin-filename PATH` names it in messages and says where it lives: the
 * workspace, its set and the config are found from there (the file need not exist).
 */
import path from 'node:path';
import { usageError } from '../errors.js';
import type { Context } from './context.js';

export const STDIN = '-';

export interface StdinDocument {
  /** Where the text would live: the --stdin-filename resolved, or `<stdin>.md` in the cwd. */
  file: string;
  /** What messages call it: the --stdin-filename as given, or `<stdin>`. */
  label: string;
  bytes: Uint8Array;
}

/** Whether `-` is among the paths; `-` must then be the only one (standard input can be read once). */
export function usesStdin(paths: readonly string[]): boolean {
  if (!paths.includes(STDIN)) return false;
  if (paths.length > 1) throw usageError('"-" (standard input) cannot be combined with other paths', 'give "-" alone, with --stdin-filename PATH to name it');
  return true;
}

/** The folder the workspace is looked for from: the --stdin-filename's, or the cwd. */
export function stdinFolder(ctx: Context, stdinFilename: string | undefined): string {
  return stdinFilename ? path.dirname(path.resolve(ctx.cwd, stdinFilename)) : ctx.cwd;
}

export function readStdin(ctx: Context, stdinFilename: string | undefined): StdinDocument {
  if (!ctx.io.stdin) throw usageError('standard input cannot be read here', 'give a file path instead of "-"');
  const bytes = ctx.io.stdin();
  const label = stdinFilename ?? '<stdin>';
  return { file: path.resolve(ctx.cwd, stdinFilename ?? '<stdin>.md'), label, bytes };
}
