/**
 * `stdraft checklist VERSION [-o grid.xlsx|grid.docx|grid.csv] [--centre NAME] [--set S]` — the evaluation
 * grid of a version: one row per indicator, grouped by module and standard, with the columns an evaluator
 * fills. The format follows the output's extension; without -o the CSV goes to stdout.
 */
import path from 'node:path';
import { usageError } from '../../errors.js';
import { gridCsv } from '../../evaluate/csv.js';
import { gridDocx } from '../../evaluate/grid-docx.js';
import { buildGrid } from '../../evaluate/grid.js';
import { gridXlsx } from '../../evaluate/xlsx.js';
import { parseBytes } from '../../parse/index.js';
import { maybeWorkspace, resolveDocument } from '../../workspace/index.js';
import { writeStdoutBytes, type Context } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { checkOutputPath, writeFileAtomic } from '../io.js';

export interface ChecklistOptions {
  set?: string;
  output?: string;
  centre?: string;
  format?: 'xlsx' | 'docx' | 'csv';
}

const FORMATS = { '.xlsx': 'xlsx', '.docx': 'docx', '.csv': 'csv' } as const;

export async function run(ctx: Context, args: unknown[], options: ChecklistOptions): Promise<number> {
  const ref = args[0] as string;
  const output = options.output;
  let format = options.format;
  if (output && output !== '-') {
    const ext = path.extname(output).toLowerCase() as keyof typeof FORMATS;
    const byName = FORMATS[ext];
    if (!byName) throw usageError(`the output ${output} does not end in .xlsx, .docx or .csv`, 'name the grid OUT.xlsx (spreadsheet), OUT.docx (paper) or OUT.csv');
    if (format && format !== byName) throw usageError(`--format ${format} does not match the output ${output}`, `leave out --format, or name the file OUT.${format}`);
    format = byName;
  }
  format ??= 'csv';
  if ((!output || output === '-') && format !== 'csv' && !ctx.io.stdoutBytes) throw usageError(`a ${format} grid needs an output file`, `give -o OUT.${format}`);
  const ws = maybeWorkspace(ctx.cwd);
  const source = resolveDocument(ref, { cwd: ctx.cwd, ws, ...(options.set ? { set: options.set } : {}) });
  const target = output && output !== '-' ? checkOutputPath(path.resolve(ctx.cwd, output), [source.file]) : null;
  const { doc } = parseBytes(source.bytes, source.label);
  const grid = buildGrid(doc, String(doc.meta.version ?? source.version));
  if (grid.rows.length === 0) throw usageError(`${source.label} has no requirement to evaluate`, 'check it with stdraft validate');
  const info = options.centre ? { service: options.centre } : {};
  const data = format === 'xlsx' ? await gridXlsx(grid, info) : format === 'docx' ? await gridDocx(grid, info) : gridCsv(grid, info);
  if (target) {
    writeFileAtomic(target, data);
    const requirements = new Set(grid.rows.map((r) => r.requirement)).size;
    ctx.io.stdout(`wrote ${output} (${grid.version}: ${grid.rows.length} rows for ${requirements} requirements; fingerprint ${grid.fingerprint})\n`);
  } else if (typeof data === 'string') {
    ctx.io.stdout(data);
  } else {
    writeStdoutBytes(ctx.io, data);
  }
  return EXIT_OK;
}
