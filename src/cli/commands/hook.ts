/** `stdraft hook install [--force]` and `stdraft hook uninstall`: the git pre-commit hook. */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StdraftError, usageError } from '../../errors.js';
import { HOOK_MARKER, preCommitHook } from '../../workflow/hook.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { writeFileAtomic } from '../io.js';

function hookPath(cwd: string): string {
  try {
    const out = execFileSync('git', ['rev-parse', '--git-path', 'hooks/pre-commit'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    return path.resolve(cwd, out.toString().trim());
  } catch {
    throw usageError(`${cwd} is not inside a git repository`, 'run git init first, or run stdraft hook in the repository');
  }
}

export function run(ctx: Context, _args: unknown[], options: { force?: boolean }): number {
  const file = hookPath(ctx.cwd);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  const ours = existing !== null && existing.includes(HOOK_MARKER);
  if (ctx.command === 'uninstall') {
    if (existing === null) {
      ctx.io.stdout('no pre-commit hook installed\n');
      return EXIT_OK;
    }
    if (!ours) throw new StdraftError('usage', 'the pre-commit hook was not installed by stdraft; leaving it', { file, hint: 'remove it by hand if you want' });
    fs.unlinkSync(file);
    ctx.io.stdout(`removed ${file}\n`);
    return EXIT_OK;
  }
  if (existing !== null && !ours && !options.force) {
    throw new StdraftError('usage', 'a pre-commit hook already exists and stdraft did not install it', { file, hint: 'use --force to replace it' });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bin = fileURLToPath(new URL('../../../bin/stdraft.js', import.meta.url));
  writeFileAtomic(file, preCommitHook({ node: process.execPath, bin }));
  fs.chmodSync(file, 0o755);
  ctx.io.stdout(`installed ${file}: commits of standards with validation errors are blocked (bypass once with git commit --no-verify)\n`);
  return EXIT_OK;
}
