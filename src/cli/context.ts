import { stopQuietlyOnClosedPipe } from './io.js';
/** What a command receives: its streams and environment, so tests can run commands in-process. */
export interface Io {
  stdout: (text: string) => void;
  /** Bytes on stdout as they are (`-o -` with a .docx); absent where stdout takes only text. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
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
  /** --quiet: no progress and no hints on stderr. */
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

/** `-o -` with a binary document: its bytes on stdout. */
export function writeStdoutBytes(io: Io, bytes: Uint8Array): void {
  if (!io.stdoutBytes) throw new Error('this output takes only text: cannot write a binary document to it');
  io.stdoutBytes(bytes);
}
