/** File output: atomic writes (temporary file in the same folder, then rename) with checks a user needs. */
import fs from 'node:fs';
import path from 'node:path';
import { outputError } from '../errors.js';

const pending = new Set<string>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const clean = () => {
    for (const tmp of pending) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
    pending.clear();
  };
  process.on('exit', clean);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      clean();
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Checks an output path before any work is done: its folder must exist (it is not created silently), it
 * must not be a folder, and it must not be one of the inputs.
 */
export function checkOutputPath(file: string, inputs: (string | null)[] = []): string {
  const resolved = path.resolve(file);
  const dir = path.dirname(resolved);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw outputError(file, `the folder ${path.dirname(file)} does not exist`, `create it first (mkdir -p ${path.dirname(file)})`);
  }
  if (!dirStat.isDirectory()) throw outputError(file, `${path.dirname(file)} is a file, not a folder`, 'choose another output path');
  try {
    if (fs.statSync(resolved).isDirectory()) throw outputError(file, 'is a folder', 'give a file name, e.g. out/draft.docx');
  } catch (error) {
    if ((error as { kind?: string }).kind) throw error;
  }
  for (const input of inputs) {
    if (input && sameFile(input, resolved)) throw outputError(file, 'is also an input; refusing to overwrite it', 'choose another output path');
  }
  return resolved;
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Writes `data` to `file` atomically; on failure nothing is left behind and the old file is intact. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  installCleanup();
  const resolved = path.resolve(file);
  const tmp = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(tmp);
  try {
    let mode: number | undefined;
    try {
      mode = fs.statSync(resolved).mode & 0o777;
    } catch {
      mode = undefined;
    }
    fs.writeFileSync(tmp, data, mode === undefined ? undefined : { mode });
    fs.renameSync(tmp, resolved);
  } catch (error) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing written
    }
    throw outputError(file, `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'check the folder exists and is writable');
  } finally {
    pending.delete(tmp);
  }
}

/**
 * A reader that stops early (`stdraft diff … | head -n 1`) closes the pipe: the next write fails with EPIPE.
 * That is the end of the output, not an error: stop quietly, as command-line tools do, instead of an unhandled
 * 'error' event with a stack trace.
 */
export function stopQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  if ((stream as { stdraftPipe?: boolean }).stdraftPipe) return;
  (stream as { stdraftPipe?: boolean }).stdraftPipe = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
