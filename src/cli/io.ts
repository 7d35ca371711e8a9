/** File output: atomic writes (temporary file in the same folder, then rename) with checks a user needs. */
import fs from 'node:fs';
import path from 'node:path';
import { outputError } from '../errors.js';
import { workspaceRole, type WorkspaceRole } from '../workspace/protected-files.js';
import { kindOf } from '../workspace/regular-file.js';

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
 * must not be a folder, a FIFO, a socket or a block device, and it must not be one of the inputs or one of
 * the workspace's own files (config, versions, registers, templates), links seen through.
 */
export function checkOutputPath(file: string, inputs: (string | null)[] = [], options: { allow?: readonly WorkspaceRole['kind'][] } = {}): string {
  const resolved = path.resolve(file);
  const dir = path.dirname(resolved);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw outputError(file, `the folder ${path.dirname(file)} does not exist`, `create it first (mkdir -p ${path.dirname(file)})`);
  }
  if (!dirStat.isDirectory()) throw outputError(file, `${path.dirname(file)} is a file, not a folder`, 'choose another output path');
  const target = realTarget(resolved);
  const stat = statOrNull(target);
  if (stat?.isDirectory()) throw outputError(file, 'is a folder', 'give a file name, e.g. out/draft.docx');
  if (stat && !stat.isFile() && !stat.isCharacterDevice()) {
    throw outputError(file, `is ${kindOf(stat)}; refusing to write to it`, 'give a regular file (or -o - for stdout)');
  }
  for (const input of inputs) {
    if (input && sameFile(input, target)) throw outputError(file, 'is also an input; refusing to overwrite it', 'choose another output path');
  }
  const role = workspaceRole(target);
  // A command whose work is to make or extend one kind of workspace file says so (import writes a version,
  // evaluate --observations adds to a register); every other file of the workspace stays out of reach.
  if (role && !options.allow?.includes(role.kind)) throw outputError(file, `is ${role.description}; refusing to replace it`, 'write outputs outside standards/ and templates/, e.g. out/');
  return resolved;
}

/** The file a write to `file` lands in: the end of its links (an absent file: its real folder and name). */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
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

/**
 * Writes `data` to `file` atomically; on failure nothing is left behind and the old file is intact.
 *
 * A symbolic link is written through: its target is replaced, the link stays. The new file keeps the old
 * one's mode and (where permitted) owner. A file with several hard links is rewritten in place, after the
 * complete new text has been written to a temporary file beside it, so that its links are not split. A
 * character device (`/dev/null`) is written directly; a FIFO, socket or block device is refused, never
 * renamed over.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  installCleanup();
  const target = realTarget(path.resolve(file));
  const old = statOrNull(target);
  if (old && !old.isFile()) {
    if (!old.isCharacterDevice()) throw outputError(file, `is ${kindOf(old)}; refusing to write to it`, 'give a regular file (or -o - for stdout)');
    try {
      fs.writeFileSync(target, data);
      return;
    } catch (error) {
      throw outputError(file, `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'check the device is writable');
    }
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(tmp);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    if (old) {
      fs.chmodSync(tmp, old.mode & 0o7777);
      if (typeof process.getuid === 'function' && (old.uid !== process.getuid() || old.gid !== process.getgid?.())) {
        try {
          fs.chownSync(tmp, old.uid, old.gid);
        } catch {
          // not permitted: the file becomes the writer's, as with any editor
        }
      }
    }
    if (old && old.nlink > 1) {
      // Every byte is on disk beside the file; now the file itself, so that its other names see the change.
      const fd = fs.openSync(target, 'r+');
      try {
        const bytes = typeof data === 'string' ? Buffer.from(data) : data;
        let offset = 0;
        while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset, offset);
        fs.ftruncateSync(fd, bytes.length);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.unlinkSync(tmp);
    } else {
      fs.renameSync(tmp, target);
    }
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
