/**
 * Reading a file a user named, safely: only regular files are read (a FIFO would hang, a device such as
 * /dev/zero would be read forever), the size is checked before reading, and at most the limit is read even
 * when the file grows meanwhile. Files of a folder that must stay contained (a template folder) are checked
 * by their real path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StdraftError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../parse/source.js';

/** What a file that is not a regular file is, for messages ("is a FIFO, not a regular file"). */
export function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1);

function tooLarge(label: string, size: number, limit: number, kind: StdraftError['kind']): StdraftError {
  return new StdraftError(kind, `file is ${megabytes(size)} MB, over the ${limit / 1048576} MB limit`, {
    file: label,
    hint: kind === 'input' ? 'split the standards into several sets or versions' : 'keep template files small',
  });
}

export interface ReadOptions {
  /** Bytes read at most (default: the 32 MB input limit). */
  limit?: number;
  /** The kind of error (input by default; template files are template errors). */
  kind?: StdraftError['kind'];
}

/**
 * The bytes of a regular file: a folder, FIFO, device or socket is refused without reading it (opened, if at
 * all, without blocking), and a file over the limit is refused after reading at most limit + 1 bytes.
 */
export function readRegularFile(file: string, label = file, options: ReadOptions = {}): Uint8Array {
  const limit = options.limit ?? MAX_INPUT_BYTES;
  const kind = options.kind ?? 'input';
  const fail = (message: string, hint: string) => new StdraftError(kind, message, { file: label, hint });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw fail('symbolic link loop', 'fix or remove the link');
    throw fail('file not found', 'check the path');
  }
  if (stat.isDirectory()) throw fail('is a folder, not a file', 'give a .md file, or a folder where paths are accepted');
  if (!stat.isFile()) throw fail(`is ${kindOf(stat)}, not a regular file`, 'give the file itself');
  if (stat.size > limit) throw tooLarge(label, stat.size, limit, kind);
  let fd: number;
  try {
    // O_NONBLOCK: a file swapped for a FIFO after the check above is opened without waiting for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw fail(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'check its permissions');
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw fail(`is ${kindOf(opened)}, not a regular file`, 'give the file itself');
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw tooLarge(label, length, limit, kind);
        break;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) throw tooLarge(label, length, limit, kind);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof StdraftError) throw error;
    throw fail(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'check its permissions');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `file`, checked to lie inside `folder` once links are resolved; its real path. A link out of the folder
 * (a template's `leak.md.hbs -> /etc/passwd`) is refused with an error of `kind` naming `label`.
 */
export function containedPath(folder: string, file: string, label: string, kind: StdraftError['kind'] = 'template'): string {
  const realFolder = fs.realpathSync(folder);
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StdraftError(kind, code === 'ELOOP' ? 'symbolic link loop' : 'file not found (a link to nothing?)', { file: label, hint: 'fix or remove the link' });
  }
  if (!isInside(realFolder, real)) {
    throw new StdraftError(kind, `is a link to ${real}, outside the template folder; refusing to read it`, {
      file: label,
      hint: 'copy the file into the template folder instead of linking to it',
    });
  }
  return real;
}

/** Whether `file` is `folder` itself or lies under it (both absolute). */
export function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
