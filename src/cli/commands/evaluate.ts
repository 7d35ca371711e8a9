/**
 * `stdraft evaluate GRID… [--version V] [-o report.docx|report.html|report.json] [--observations REGISTER]`
 * — reads filled grids (.xlsx, .csv; folders are searched), checks each against the version, aggregates the
 * scores and writes the report. Findings go to stderr as `file!cell: severity message`; the evaluation goes
 * on with what is valid. Exit 0, or 1 when a grid has errors (the report is still written), or 2 when no grid
 * can be read or on a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseRegister } from '../../comments/index.js';
import { StdraftError, inputError, usageError } from '../../errors.js';
import { evaluate, serviceInputs, failingRequirements, type Evaluation } from '../../evaluate/aggregate.js';
import { readCsvSheet } from '../../evaluate/csv.js';
import { decodeBytes } from '../../text-encoding.js';
import { buildGrid } from '../../evaluate/grid.js';
import { appendObservations, draftObservations, newRegister } from '../../evaluate/observations.js';
import { hasGridHeader, readGrid, sheetVersion, findingLine, type FilledGrid, type Finding, type Sheet } from '../../evaluate/read-grid.js';
import { evaluationHtml, evaluationJson, percent } from '../../evaluate/report.js';
import { evaluationDocx } from '../../evaluate/report-docx.js';
import { readXlsxSheets } from '../../evaluate/xlsx.js';
import { parseBytes } from '../../parse/index.js';
import { maybeWorkspace, readBytes, relativeLabel, resolveDocument } from '../../workspace/index.js';
import { type Context } from '../context.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { expandPaths } from '../inputs.js';
import { checkOutputPath, writeFileAtomic } from '../io.js';

export interface EvaluateOptions {
  version?: string;
  /** `--version` as main.ts passes it on (see there). */
  evaluatedVersion?: string;
  set?: string;
  output?: string;
  centre?: string;
  observations?: string;
  by?: string;
  partialWeight?: string;
  failing?: string;
}

const REPORTS = { '.docx': 'docx', '.html': 'html', '.htm': 'html', '.json': 'json' } as const;
const SHOWN_PER_FILE = 12;

export async function run(ctx: Context, args: unknown[], options: EvaluateOptions): Promise<number> {
  const paths = (args[0] as string[] | undefined) ?? [];
  if (paths.length === 0) throw usageError('no grid given', 'give the filled grids: stdraft evaluate grids/*.xlsx');
  const ws = maybeWorkspace(ctx.cwd);
  const fromConfig = (key: string) => configValue(ws?.config.data, key);
  const partialWeight = options.partialWeight !== undefined ? share(options.partialWeight, '--partial-weight') : share(fromConfig('partial-weight') ?? '0.5', 'evaluation.partial-weight in stdraft.config.yaml');
  const failingShare = options.failing !== undefined ? share(options.failing, '--failing') : share(fromConfig('failing-share') ?? '0.5', 'evaluation.failing-share in stdraft.config.yaml');

  let format: 'docx' | 'html' | 'json' | null = null;
  let output: string | null = null;
  if (options.output && options.output !== '-') {
    const ext = path.extname(options.output).toLowerCase() as keyof typeof REPORTS;
    format = REPORTS[ext] ?? null;
    if (!format) throw usageError(`the output ${options.output} does not end in .docx, .html or .json`, 'name the report OUT.docx, OUT.html or OUT.json');
    output = options.output;
  } else if (options.output === '-') {
    format = 'json';
  }

  const inputs = expandPaths(paths, ctx.cwd, (f) => /\.(xlsx|csv)$/i.test(f) && !path.basename(f).startsWith('~$'), () => []);
  if (inputs.length === 0) throw usageError(`no .xlsx or .csv grid found in ${paths.join(', ')}`, 'give the filled grids (stdraft checklist makes them)');
  if (options.centre && inputs.length > 1) throw usageError('--centre names the service of a single grid', 'give one grid, or put each service\'s name in its grid (Serviciul evaluat)');

  // Each file as a sheet; files that are not readable are findings too.
  const findings: Finding[] = [];
  const sheets: { label: string; sheet: Sheet | null }[] = [];
  for (const input of inputs) {
    const bytes = readBytes(input.file, input.label);
    if (/\.csv$/i.test(input.file)) {
      const decoded = decodeBytes(bytes);
      try {
        const { sheet } = readCsvSheet(decoded.text, input.label);
        if (decoded.encoding === 'windows-1250' || decoded.encoding === 'iso-8859-2') {
          const table = decoded.encoding === 'windows-1250' ? 'Windows-1250 (Central European)' : 'ISO-8859-2 (Latin-2)';
          findings.push({ file: input.label, cell: null, severity: 'warning', message: `Expected UTF-8, found another encoding: read as ${table}; save the CSV as "CSV UTF-8" to be sure of the diacritics` });
        }
        sheets.push({ label: input.label, sheet });
      } catch (error) {
        findings.push({ file: input.label, cell: null, severity: 'error', message: `Expected a CSV file, found text that does not parse as CSV (${(error as Error).message.split('\n')[0]})` });
        sheets.push({ label: input.label, sheet: null });
      }
    } else {
      let all: Sheet[];
      try {
        all = await readXlsxSheets(bytes, input.label);
      } catch {
        findings.push({ file: input.label, cell: null, severity: 'error', message: 'Expected an Excel workbook (.xlsx), found a file that does not open as one: save it again as .xlsx' });
        sheets.push({ label: input.label, sheet: null });
        continue;
      }
      sheets.push({ label: input.label, sheet: all.find(hasGridHeader) ?? all[0] ?? { file: input.label, rows: [], hiddenRows: [], merges: [] } });
    }
  }

  // The version: named, or the one the grids name.
  let ref = options.evaluatedVersion ?? options.version;
  if (!ref) {
    const named = [...new Set(sheets.map((s) => (s.sheet ? sheetVersion(s.sheet) : null)).filter((v): v is string => v !== null))];
    if (named.length === 0) throw usageError('the grids do not name the version they were made for', 'give it with --version, e.g. --version 2007-11');
    if (named.length > 1) throw usageError(`the grids were made for different versions (${named.join(', ')})`, 'choose one with --version');
    ref = named[0]!;
  }
  const source = resolveDocument(ref, { cwd: ctx.cwd, ws, ...(options.set ? { set: options.set } : {}) });
  const { doc } = parseBytes(source.bytes, source.label);
  const grid = buildGrid(doc, String(doc.meta.version ?? source.version));

  const filled: { filled: FilledGrid; name: string }[] = [];
  for (const s of sheets) {
    if (!s.sheet) continue;
    const f = readGrid(s.sheet, grid);
    for (const finding of f.findings) findings.push(finding);
    if (!f.usable) continue;
    const name = options.centre ?? (f.meta.service || path.basename(s.label).replace(/\.(xlsx|csv)$/i, ''));
    filled.push({ filled: f, name });
  }
  // Two grids naming the same service: told apart by their files.
  const counts = new Map<string, number>();
  for (const f of filled) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  for (const f of filled) if (counts.get(f.name)! > 1) f.name = `${f.name} (${path.basename(f.filled.file)})`;

  if (filled.length === 0) {
    const errors = findings.filter((f) => f.severity === 'error');
    if (inputs.length === 1 && errors.length === 1) {
      const only = errors[0]!;
      throw new StdraftError('input', `${only.cell ? `${only.cell}: ` : ''}${only.message}`, { file: only.file, hint: 'stdraft checklist makes a grid to fill' });
    }
    printFindings(ctx, findings);
    throw usageError(`none of the ${inputs.length} grid file(s) could be read (see the findings above)`, 'stdraft checklist makes a grid to fill');
  }
  printFindings(ctx, findings);
  const e = evaluate(grid, serviceInputs(filled), { partialWeight, findings });

  // Outputs are checked before any is written.
  const inputFiles = [source.file, ...inputs.map((i) => i.file)];
  const reportTarget = output ? checkOutputPath(path.resolve(ctx.cwd, output), inputFiles) : null;
  const registerTarget = options.observations ? checkOutputPath(path.resolve(ctx.cwd, options.observations), inputFiles, { allow: ['register'] }) : null;

  let registerText: string | null = null;
  let registerMessage = '';
  if (registerTarget) {
    const label = relativeLabel(registerTarget, ctx.cwd);
    const by = options.by ?? (e.lang === 'ro' ? `Evaluarea serviciilor (standardele ${e.version})` : `Evaluation of the services (standards ${e.version})`);
    if (fs.existsSync(registerTarget)) {
      const text = fs.readFileSync(registerTarget, 'utf8');
      const { register, problems } = parseRegister(text, label);
      const fatal = problems.find((p) => p.messageId === 'yaml' || (p.messageId === 'schema' && /^Expected a mapping/.test(p.message)));
      if (fatal) throw inputError(label, fatal.message, { line: fatal.span.start.line, hint: 'fix the register, or give a new file for --observations' });
      const targetVersion = register.from && register.from !== e.version ? e.version : undefined;
      const drafts = draftObservations(e, { by, share: failingShare, ...(targetVersion ? { targetVersion } : {}) });
      const edit = appendObservations(text, drafts);
      registerText = edit.added > 0 ? edit.text : null;
      registerMessage = `${label}: ${edit.added} observation(s) added${edit.skipped ? `, ${edit.skipped} already there` : ''}`;
    } else {
      const drafts = draftObservations(e, { by, share: failingShare });
      const date = latestDate(e) ?? new Date().toISOString().slice(0, 10);
      const title = e.lang === 'ro' ? `Observații rezultate din evaluarea serviciilor față de standardele ${e.version}` : `Observations from the evaluation of the services against the standards ${e.version}`;
      registerText = newRegister(drafts, { title, date, from: e.version });
      registerMessage = `${label}: new register with ${drafts.length} observation(s)`;
    }
  }

  if (format) {
    const data = format === 'docx' ? await evaluationDocx(e, { failingShare }) : format === 'html' ? evaluationHtml(e, { failingShare }) : evaluationJson(e, { failingShare });
    if (reportTarget) writeFileAtomic(reportTarget, data);
    else ctx.io.stdout(typeof data === 'string' ? data : '');
  }
  if (registerTarget && registerText !== null) writeFileAtomic(registerTarget, registerText);

  if (reportTarget || !format) ctx.io[format ? 'stderr' : 'stdout'](summary(e, failingShare));
  if (reportTarget) ctx.io.stdout(`wrote ${output} (${e.services.length} services, ${e.version})\n`);
  if (registerMessage) ctx.io.stdout(`${registerMessage}\n`);
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function share(text: string, option: string): number {
  const n = Number(String(text).replace(',', '.'));
  if (!Number.isFinite(n) || n < 0 || n > 1 || String(text).trim() === '') throw usageError(`${option} must be a number from 0 to 1, found "${text}"`, option.startsWith('--') ? `e.g. ${option} 0.5` : 'e.g. 0.5');
  return n;
}

function configValue(data: Record<string, unknown> | undefined, key: string): string | undefined {
  const section = data?.['evaluation'];
  if (!section || typeof section !== 'object') return undefined;
  const value = (section as Record<string, unknown>)[key];
  return value === undefined || value === null ? undefined : String(value);
}

function latestDate(e: Evaluation): string | null {
  const dates = e.services.map((s) => s.date ?? '').filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return dates.at(-1) ?? null;
}

function printFindings(ctx: Context, findings: Finding[]): void {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, list] of byFile) {
    for (const f of list.slice(0, SHOWN_PER_FILE)) ctx.io.stderr(`${findingLine(f)}\n`);
    if (list.length > SHOWN_PER_FILE) ctx.io.stderr(`${file}: … and ${list.length - SHOWN_PER_FILE} more finding(s) (all in the report)\n`);
  }
}

/** The scores as a small text table. */
function summary(e: Evaluation, failingShare: number): string {
  const head = ['service', 'score', ...e.modules.map((m) => m.numeral)];
  const rows = e.services.map((s) => [s.name, percent(s.score.score), ...s.modules.map((m) => percent(m.score.score))]);
  const widths = head.map((h, i) => rows.reduce((most, r) => Math.max(most, r[i]!.length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const failing = failingRequirements(e, failingShare).map((r) => r.id);
  return `${[line(head), ...rows.map(line)].join('\n')}\nrequirements most services do not meet (${failing.length}): ${failing.join(', ') || 'none'}\n`;
}
