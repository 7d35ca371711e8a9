/** `stdraft version new SET [--from VERSION] --as NEW [--workshop TEXT]`: starts the next revision round. */
import fs from 'node:fs';
import path from 'node:path';
import { inputError, usageError } from '../../errors.js';
import { nextVersionText, registerSkeleton, todayIso } from '../../workflow/versions.js';
import { versionNameProblem } from '../../workflow/version-name.js';
import { openWorkspace, readBytes, readTextFile, relativeLabel, resolveSet } from '../../workspace/index.js';
import { parseRegister } from '../../comments/index.js';
import { decodeSource } from '../../parse/source.js';
import { say, type Context } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { writeFileAtomic } from '../io.js';

export interface VersionNewOptions {
  as: string;
  from?: string;
  workshop?: string;
}

export function run(ctx: Context, args: unknown[], options: VersionNewOptions): number {
  const ws = openWorkspace(ctx.cwd);
  const set = resolveSet(ws, args[0] as string);
  const name = options.as;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.endsWith('.md')) {
    throw usageError(`"${name}" is not a version name`, 'use letters, digits, dots and dashes, e.g. 2016-06');
  }
  const pattern = typeof ws.config.data['version-pattern'] === 'string' ? (ws.config.data['version-pattern'] as string) : undefined;
  const problem = versionNameProblem(name, pattern);
  if (problem) {
    throw usageError(problem, pattern ? `choose a name that matches it, or change version-pattern in ${relativeLabel(ws.configFile ?? 'stdraft.config.yaml', ctx.cwd)}` : 'e.g. --as 2016-06; for another naming scheme set version-pattern in stdraft.config.yaml');
  }
  if (set.versions.some((v) => v.name === name)) {
    throw usageError(`version ${name} already exists in set ${set.name}`, 'choose a new name, later than every existing version');
  }
  const latest = set.versions[set.versions.length - 1];
  if (!latest) throw usageError(`set ${set.name} has no version to start from`, 'create the first one, or run stdraft init');
  if (name.localeCompare(latest.name) <= 0) {
    throw usageError(`version ${name} would sort before ${latest.name}`, `versions sort by name: choose a name after ${latest.name}, e.g. a later YYYY-MM`);
  }
  const from = options.from ? set.versions.find((v) => v.name === options.from) : latest;
  if (!from) throw usageError(`unknown version "${options.from}" in set ${set.name}`, `versions: ${set.versions.map((v) => v.name).join(', ')}`);

  const label = relativeLabel(from.file, ctx.cwd);
  const source = decodeSource(readBytes(from.file, label), label);
  const today = todayIso();
  const text = nextVersionText(source.text, { version: name, supersedes: from.name, date: today, workshop: options.workshop ?? null }, label);

  const target = path.join(set.dir, `${name}.md`);
  const registerFile = path.join(set.dir, 'comments', `${from.name}-observatii.yaml`);
  const writeRegister = !fs.existsSync(registerFile) && !set.registers.some((r) => fileFrom(r) === from.name);
  if (fs.existsSync(target)) throw inputError(relativeLabel(target, ctx.cwd), 'already exists', { hint: 'choose another version name' });

  writeFileAtomic(target, (source.bom ? '\uFEFF' : '') + (source.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text));
  say(ctx, `created ${relativeLabel(target, ctx.cwd)} (from ${from.name}, status draft, date ${today})\n`);
  if (writeRegister) {
    fs.mkdirSync(path.dirname(registerFile), { recursive: true });
    writeFileAtomic(registerFile, registerSkeleton({ from: from.name, to: name, date: today, workshop: options.workshop ?? null }));
    say(ctx, `created ${relativeLabel(registerFile, ctx.cwd)} (observations on ${from.name}, answered by ${name})\n`);
  }
  if (!ctx.quiet) ctx.io.stderr(`next: edit ${relativeLabel(target, ctx.cwd)}, then stdraft validate and stdraft diff ${from.name} ${name}\n`);
  return EXIT_OK;
}

/** The `from` version a register is about (null when it cannot be read). */
function fileFrom(file: string): string | null {
  try {
    return parseRegister(readTextFile(file), file).register.from || null;
  } catch {
    return null;
  }
}
