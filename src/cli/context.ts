import fs from 'node:fs';
import { usageError } from '../errors.js';
import { stopQuietlyOnClosedPipe } from './io.js';
/** What a command receives: its streams and environment, so tests can run commands in-process. */
export interface Io {
  stdout: (text: string) => void;
  /** Bytes on stdout as they are (`-o -` with a .docx); absent where stdout takes only text. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  /** All of standard input, as bytes (`-` as a path); absent where there is none. */
  stdin?: () => Uint8Array;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress). */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
}

export interface Context {
  io: Io;
  /** The folder given by --cwd, or the process's. */
  cwd: string;
  /** --quiet: no progress, no hints on stderr, no "wrote …" / "created …" lines. */
  quiet?: boolean;
  /** The name of the (sub)command being run. */
  command?: string;
  /** The commander program (for `completion`, which lists commands and options). */
  program?: import('commander').Command;
}

export function processIo(): Io {
  stopQuietlyOnClosedPipe(process.stdout);
  stopQuietlyOnClosedPipe(process.stderr);
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    stderr: (t) => process.stderr.write(t),
    stdin: () => fs.readFileSync(0),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

/** Colour only on a terminal and never with NO_COLOR (https://no-color.org) or FORCE_COLOR=0. */
export function useColor(io: Io): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined) return io.env['FORCE_COLOR'] !== '0';
  return io.isTTY;
}

/** `-o -` with a binary document: its bytes on stdout; refused on a terminal (as pandoc does), written to a pipe. */
export function writeStdoutBytes(io: Io, bytes: Uint8Array): void {
  if (!io.stdoutBytes) throw new Error('this output takes only text: cannot write a binary document to it');
  refuseBinaryOnTerminal(io);
  io.stdoutBytes(bytes);
}

/** A Word document printed on a terminal is noise (and can garble it): `-o -` needs a pipe or a redirection. */
export function refuseBinaryOnTerminal(io: Io): void {
  if (io.isTTY) throw usageError('-o - would print a Word document on the terminal', 'redirect it (-o - > out.docx, or | another command) or give -o FILE');
}

/** A line saying what was written or created ("wrote out.docx …"): silenced by -q. */
export function say(ctx: Context, text: string): void {
  if (!ctx.quiet) ctx.io.stdout(text);
}
