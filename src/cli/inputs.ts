/** Turning command-line paths into the files a command works on, and reading them. */
import fs from 'node:fs';
import path from 'node:path';
import { inputError } from '../errors.js';
import { parseBytes, type Parsed } from '../parse/index.js';
import { listSets, readBytes, relativeLabel, type Workspace } from '../workspace/index.js';

export interface InputFile {
  /** Absolute path. */
  file: string;
  /** What messages call it (relative to the cwd). */
  label: string;
}

/**
 * Files named by `paths` (folders are searched for files matching `accept`, skipping `node_modules`,
 * hidden folders and symbolic-link loops); with no paths, `fallback()`.
 */
export function expandPaths(paths: string[], cwd: string, accept: (file: string) => boolean, fallback: () => string[]): InputFile[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (p: string, explicit: boolean) => {
    let real: string;
    try {
      real = fs.realpathSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (explicit) {
        throw inputError(relativeLabel(p, cwd), code === 'ELOOP' ? 'symbolic link loop' : 'file not found', { hint: 'check the path' });
      }
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    const stat = fs.statSync(real);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(real).sort()) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        visit(path.join(p, entry), false);
      }
    } else if (explicit || accept(p)) {
      files.push(path.resolve(p));
    }
  };
  if (paths.length === 0) for (const f of fallback()) visit(f, false);
  else for (const p of paths) visit(path.resolve(cwd, p), true);
  return files.map((file) => ({ file, label: relativeLabel(file, cwd) }));
}

/** Every version (and translation) file of every set of the workspace. */
export function workspaceVersionFiles(ws: Workspace): string[] {
  return listSets(ws).flatMap((s) => [...s.versions, ...s.translations].map((v) => v.file));
}

export function isMarkdown(file: string): boolean {
  return /\.md$/i.test(file) && !/(^|[\\/])readme\.md$/i.test(file);
}

export function readParsed(input: InputFile): Parsed {
  return parseBytes(readBytes(input.file, input.label), input.label);
}
