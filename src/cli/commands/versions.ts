/** `stdraft versions [SET] [--format text|json]` */
import { StdraftError } from '../../errors.js';
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
  /** Structural problems the parser found (stdraft validate shows them). */
  problems: number;
  /** Why the file could not be read at all (then every count is 0), or null. */
  error: string | null;
}

export function run(ctx: Context, args: unknown[], options: { format?: string }): number {
  const ws = openWorkspace(ctx.cwd);
  const set = resolveSet(ws, args[0] as string | undefined);
  const rows: VersionRow[] = set.versions.map((v) => {
    const label = relativeLabel(v.file, ctx.cwd);
    const row: VersionRow = {
      version: v.name,
      file: label,
      title: null,
      date: null,
      status: null,
      supersedes: null,
      workshop: null,
      modules: 0,
      standards: 0,
      requirements: 0,
      indicators: 0,
      problems: 0,
      error: null,
    };
    try {
      const { doc } = parseBytes(readBytes(v.file, label), label);
      Object.assign(row, {
        title: text(doc.meta.title),
        date: text(doc.meta.date),
        status: text(doc.meta.status),
        supersedes: text(doc.meta.supersedes),
        workshop: text(doc.meta.workshop),
        ...countUnits(doc),
        problems: doc.problems.length,
      });
    } catch (error) {
      // One unreadable file does not hide the others: it is listed, and named on stderr.
      if (!(error instanceof StdraftError)) throw error;
      row.error = error.message;
      ctx.io.stderr(`stdraft: warning: ${error.oneLine()}\n`);
    }
    return row;
  });
  if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({ set: set.name, versions: rows }, null, 2)}\n`);
    return EXIT_OK;
  }
  ctx.io.stdout(formatVersionsTable(set.name, rows));
  return EXIT_OK;
}

/** Front-matter values as text (a YAML number such as `version: 2016` is shown as written). */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function formatVersionsTable(setName: string, rows: VersionRow[]): string {
  const header = ['version', 'date', 'status', 'supersedes', 'modules', 'standards', 'requirements', 'indicators', 'workshop'];
  const body = rows.map((r) => [
    r.version,
    r.date ?? '—',
    r.error ? 'unreadable' : (r.status ?? '—'),
    r.supersedes ?? '—',
    String(r.modules),
    String(r.standards),
    String(r.requirements),
    String(r.indicators),
    r.workshop ?? '',
  ]);
  const widths = header.map((h, i) => body.reduce((most, row) => Math.max(most, row[i]!.length), h.length));
  const numeric = new Set([4, 5, 6, 7]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const title = [...rows].reverse().find((r) => r.title)?.title;
  const notes = rows.flatMap((r) => {
    if (r.error) return [`${r.version}: cannot be read: ${r.error}`];
    if (r.problems > 0) return [`${r.version}: ${r.problems} structural problem${r.problems === 1 ? '' : 's'} (stdraft validate ${r.file} shows them)`];
    return [];
  });
  return (
    [`${setName}${title ? ` — ${title}` : ''}`, '', line(header), ...body.map(line), ''].join('\n') +
    `\n${rows.length} version${rows.length === 1 ? '' : 's'}\n` +
    notes.map((n) => `${n}\n`).join('')
  );
}
