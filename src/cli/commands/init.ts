/** `stdraft init [DIR] [--lang ro|en] [--set NAME]`: a new workspace. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { usageError } from '../../errors.js';
import type { Lang } from '../../model/types.js';
import { initFiles } from '../../workflow/init.js';
import { todayIso } from '../../workflow/versions.js';
import { CONFIG_FILE, STANDARDS_DIR } from '../../workspace/index.js';
import { say, type Context } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { writeFileAtomic } from '../io.js';

export function run(ctx: Context, args: unknown[], options: { lang: Lang; set: string }): number {
  const dir = path.resolve(ctx.cwd, (args[0] as string | undefined) ?? '.');
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(options.set)) throw usageError(`"${options.set}" is not a set name`, 'use letters, digits and dashes, e.g. vtp');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw usageError(`${dir} is a file`, 'choose a folder');
  for (const existing of [STANDARDS_DIR, CONFIG_FILE]) {
    if (fs.existsSync(path.join(dir, existing))) {
      throw usageError(`${path.join(dir, existing)} already exists: this is a workspace already`, 'choose an empty or new folder');
    }
  }
  const today = todayIso();
  const files = initFiles({ lang: options.lang, set: options.set, version: today.slice(0, 7), date: today });
  const collisions = Object.keys(files).filter((f) => fs.existsSync(path.join(dir, f)));
  if (collisions.length > 0) throw usageError(`${collisions.join(', ')} already exist in ${dir}`, 'choose an empty or new folder');
  const templates = fileURLToPath(new URL('../../../templates', import.meta.url));
  if (fs.existsSync(path.join(dir, 'templates'))) throw usageError(`${path.join(dir, 'templates')} already exists`, 'choose an empty or new folder');

  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text);
  }
  if (fs.existsSync(templates)) fs.cpSync(templates, path.join(dir, 'templates'), { recursive: true });
  const shown = path.relative(ctx.cwd, dir) || '.';
  say(ctx, `created a stdraft workspace in ${shown}:\n${[...Object.keys(files), 'templates/'].map((f) => `  ${f}\n`).join('')}`);
  if (!ctx.quiet) ctx.io.stderr(`next: edit ${path.join(shown, Object.keys(files)[0]!)}, then run stdraft validate${shown === '.' ? '' : ` --cwd ${shown}`}\n`);
  return EXIT_OK;
}
