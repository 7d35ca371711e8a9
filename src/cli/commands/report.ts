/**
 * `stdraft report REGISTER.yaml [-o OUT.docx|OUT.md] [--format docx|md]` — the report on the observations
 * received (Legea nr. 52/2003): counts per decision and per organisation, then every observation with its
 * target, text, decision and response. Markdown goes to stdout without `-o`.
 *
 * A register inside a set (`standards/<set>/comments/`) has its targets checked against the version it
 * comments on (and those a target names); elsewhere only their spelling is checked.
 */
import path from 'node:path';
import { parseTarget } from '../../comments/index.js';
import { StdraftError, usageError } from '../../errors.js';
import type { Lang } from '../../model/types.js';
import { readRegisters, resolveObservations, type PlacedObservation } from '../../compare/observations.js';
import { buildReport, reportDocx, reportMarkdown } from '../../compare/report.js';
import { readSet, relativeLabel, type StandardsSet } from '../../workspace/index.js';
import { refuseBinaryOnTerminal, say, writeStdoutBytes, type Context } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { checkOutputPath, writeFileAtomic } from '../io.js';
import { readText, versionLookup } from './compare.js';

export interface ReportOptions {
  format?: 'docx' | 'md';
  output?: string;
}

export async function run(ctx: Context, args: unknown[], options: ReportOptions): Promise<number> {
  const ref = args[0] as string;
  const format = options.format ?? 'docx';
  if (format === 'docx' && !options.output) throw usageError('a Word report needs an output file', 'give -o OUT.docx, or --format md to print Markdown');
  if (options.output && options.output !== '-') {
    const extension = format === 'md' ? /\.(md|markdown)$/i : /\.docx$/i;
    if (!extension.test(options.output)) {
      throw usageError(`the output ${options.output} does not end in ${format === 'md' ? '.md' : '.docx'}`, `name the file OUT.${format === 'md' ? 'md' : 'docx'} (or -o - for stdout)`);
    }
  }
  if (options.output === '-' && format === 'docx') refuseBinaryOnTerminal(ctx.io); // before any work
  const file = path.resolve(ctx.cwd, ref);
  const label = relativeLabel(file, ctx.cwd);
  if (!/\.ya?ml$/i.test(file)) throw notARegister(label, /\.(md|markdown)$/i.test(file) ? 'it is Markdown (a version of the standards?)' : 'it is not a .yaml file');
  const set = setOf(file);
  const output =
    options.output && options.output !== '-' ? checkOutputPath(relativeLabel(path.resolve(ctx.cwd, options.output), process.cwd()), [file, ...(set?.versions.map((v) => v.file) ?? [])]) : null;

  const [loaded] = readRegisters([{ file: label, text: readText(file, label) }]);
  const register = loaded!.register;
  let placed: PlacedObservation[] = [];
  let lang: Lang = 'ro';
  if (set) {
    const lookup = versionLookup(set, {}, ctx.cwd);
    placed = resolveObservations([loaded!], lookup, set.versions.map((v) => v.name));
    lang = lookup(register.from)?.lang ?? 'ro';
  } else {
    for (const o of register.comments) {
      if (!parseTarget(o.target)) {
        throw new StdraftError('input', `observation ${o.id}: Expected a target such as S3.1, Im2S3.1, Standardul 3, Modulul II or 2016-02:S3.1, found "${o.target}"`, {
          file: label,
          line: o.fields['target']?.start.line ?? o.span.start.line,
          hint: 'fix the target',
        });
      }
    }
  }
  const report = buildReport(loaded!, lang, placed);

  const data = format === 'md' ? reportMarkdown(report) : await reportDocx(report);
  if (output) {
    writeFileAtomic(output, data);
    const c = report.counts;
    say(ctx, `wrote ${options.output} (${c.received} observations: ${c.accepted} accepted, ${c['partially-accepted']} partially accepted, ${c.rejected} rejected, ${c.pending} pending)\n`);
  } else if (typeof data === 'string') {
    ctx.io.stdout(data);
  } else {
    writeStdoutBytes(ctx.io, data);
  }
  return EXIT_OK;
}

/** The set a register belongs to: `standards/<set>/comments/<name>.yaml` → `<set>`. */
function setOf(file: string): StandardsSet | null {
  const comments = path.dirname(file);
  if (path.basename(comments) !== 'comments') return null;
  const dir = path.dirname(comments);
  const set = readSet(path.basename(dir), dir);
  return set.versions.length > 0 ? set : null;
}

/** What an observation register looks like, for a file that is not one. */
export const REGISTER_SHAPE = 'a register is a YAML file in standards/<set>/comments/ with title:, date:, from: VERSION and comments: (each with id, target, by, text, decision, response); see docs/format.md';

function notARegister(label: string, why: string): StdraftError {
  return new StdraftError('input', `is not an observation register: ${why}`, { file: label, hint: REGISTER_SHAPE });
}
