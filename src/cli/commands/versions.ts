/** `stdraft versions [SET] [--format text|json]` */
import { countUnits, type Counts } from '../../model/walk.js';
import { openWorkspace, resolveSet, readBytes, relativeLabel } from '../../workspace/index.js';
import { parseBytes } from '../../parse/index.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../exit.js';

export interface VersionRow extends Counts {
  version: string;
  file: string;
  title: string | null;
  date: string | null;
  status: string | null;
  supersedes: string | null;
  workshop: string | null;
  problems: number;
}

export function run(ctx: Context, args: unknown[], options: { format?: string }): number {
  const ws = openWorkspace(ctx.cwd);
  const set = resolveSet(ws, args[0] as string | undefined);
  const rows: VersionRow[] = set.versions.map((v) => {
    const label = relativeLabel(v.file, ctx.cwd);
    const { doc } = parseBytes(readBytes(v.file, label), label);
    return {
      version: v.name,
      file: label,
      title: doc.meta.title ?? null,
      date: doc.meta.date ?? null,
      status: doc.meta.status ?? null,
      supersedes: doc.meta.supersedes ?? null,
      workshop: doc.meta.workshop ?? null,
      ...countUnits(doc),
      problems: doc.problems.length,
    };
  });
  if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({ set: set.name, versions: rows }, null, 2)}\n`);
    return EXIT_OK;
  }
  ctx.io.stdout(formatVersionsTable(set.name, rows));
  return EXIT_OK;
}

export function formatVersionsTable(setName: string, rows: VersionRow[]): string {
  const header = ['version', 'date', 'status', 'supersedes', 'modules', 'standards', 'requirements', 'indicators', 'workshop'];
  const body = rows.map((r) => [
    r.version,
    r.date ?? '—',
    r.status ?? '—',
    r.supersedes ?? '—',
    String(r.modules),
    String(r.standards),
    String(r.requirements),
    String(r.indicators),
    r.workshop ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const numeric = new Set([4, 5, 6, 7]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const title = rows[rows.length - 1]?.title;
  return [`${setName}${title ? ` — ${title}` : ''}`, '', line(header), ...body.map(line), ''].join('\n') +
    `\n${rows.length} version${rows.length === 1 ? '' : 's'}\n`;
}
