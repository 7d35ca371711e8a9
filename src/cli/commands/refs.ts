/**
 * `stdraft refs UNIT [VERSION] [--set S] [--format text|json]`: every place in a version (default: the latest
 * of the set) that cites a unit, with file:line:column, the unit it is in and the sentence, for the drafter
 * about to change or repeal it. Exit 0 whether or not it is cited; 2 when the unit is not in the version.
 */
import { usageError } from '../../errors.js';
import { findCitations, parseUnit, toUnitRef } from '../../refs/citations.js';
import { resolveUnit, unitLabel } from '../../comments/index.js';
import { parseBytes } from '../../parse/index.js';
import { maybeWorkspace, resolveDocument, resolveSet } from '../../workspace/index.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../exit.js';

export interface RefsOptions {
  set?: string;
  format?: 'text' | 'json';
}

export function run(ctx: Context, args: unknown[], options: RefsOptions): number {
  const [unitText, versionRef] = args as [string, string | undefined];
  const unit = parseUnit(unitText);
  if (!unit) throw usageError(`"${unitText}" is not a unit`, 'name a requirement (S4.5), a standard (Standardul 4) or a module (Modulul II)');
  const ws = maybeWorkspace(ctx.cwd);
  let ref = versionRef;
  if (ref === undefined) {
    if (!ws) throw usageError('no version given and no workspace to find the latest in', 'give a version name or a .md file: stdraft refs S4.5 standards/vtp/2016-04.md');
    const set = resolveSet(ws, options.set);
    const latest = set.versions[set.versions.length - 1];
    if (!latest) throw usageError(`set ${set.name} has no versions`, 'create one, or run stdraft init');
    ref = latest.name;
  }
  const source = resolveDocument(ref, { cwd: ctx.cwd, ws, ...(options.set ? { set: options.set } : {}) });
  const parsed = parseBytes(source.bytes, source.label);
  const label = unitLabel(toUnitRef(unit), parsed.doc.lang);
  if (!resolveUnit(parsed.doc, toUnitRef(unit))) throw usageError(`${label} is not in ${source.label}`, 'check the number (stdraft refs cites units of the version given, default the latest)');
  const citations = findCitations(parsed.doc, parsed.source.text, unit);

  if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({ unit: label, file: source.label, citations: citations.map((c) => ({ file: source.label, ...c })) }, null, 2)}\n`);
    return EXIT_OK;
  }
  if (citations.length === 0) {
    ctx.io.stdout(`${label} is not cited in ${source.label}\n`);
    return EXIT_OK;
  }
  ctx.io.stdout(`${label} is cited ${citations.length === 1 ? 'once' : `${citations.length} times`} in ${source.label}:\n`);
  for (const c of citations) {
    const names = c.names ? ` (${c.names})` : '';
    ctx.io.stdout(`${source.label}:${c.line}:${c.column}  in ${c.in}: ${c.text}${names}\n    ${c.sentence}\n`);
  }
  return EXIT_OK;
}
