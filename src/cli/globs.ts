/**
 * Quoted globs (`stdraft validate 'standards/vtp/2016-*.md'`) are expanded by stdraft itself: Windows shells
 * pass them through unexpanded, and a quoted pattern works the same in every shell. A path that exists is taken
 * as it is (a file may have `*` or `[` in its name); a pattern that matches nothing is an error naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { inputError } from '../errors.js';

/** The paths with each glob pattern replaced by the files it matches (sorted; hidden folders and node_modules skipped). */
export function expandGlobs(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-' || fs.existsSync(path.resolve(cwd, p)) || !isDynamicPattern(p)) {
      out.push(p);
      continue;
    }
    const pattern = p.split(path.sep).join('/');
    const matches = globSync(pattern, { cwd, absolute: false, dot: false, onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false });
    if (matches.length === 0) throw inputError(p, 'no file matches this pattern', { hint: 'check the pattern, e.g. standards/vtp/2016-*.md' });
    for (const match of matches.sort()) out.push(match);
  }
  return out;
}
