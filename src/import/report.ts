/** The import report printed on stderr: what was recognised, left as text and dropped, and the front matter. */
import type { Dropped } from './types.js';
import type { LeftAsText } from './recognise.js';

export interface ImportReport {
  file: string;
  format: string;
  counts: { modules: number; standards: number; requirements: number; indicators: number; tables: number };
  left: LeftAsText[];
  dropped: Dropped[];
  order: { from: number; to: number; paragraphs: number } | null;
  notes: string[];
  /** Front matter keys and where their values came from (`text`, `option`, `front matter`). */
  frontMatter: Record<string, string>;
  /** Required keys nobody gave: left for the drafter (validate reports them). */
  missing: string[];
  unit: 'line' | 'paragraph';
}

const FORMAT_NAMES: Record<string, string> = { text: 'plain text', md: 'Markdown', docx: 'Word document', html: 'HTML page' };

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function formatReport(report: ImportReport): string {
  const c = report.counts;
  const out: string[] = [];
  out.push(`imported ${report.file} (${FORMAT_NAMES[report.format] ?? report.format})`);
  out.push(
    `  recognised: ${plural(c.modules, 'module')}, ${plural(c.standards, 'standard')}, ${plural(c.requirements, 'requirement')}, ${plural(c.indicators, 'indicator')}, ${plural(c.tables, 'table')}`,
  );
  if (report.order) {
    out.push(`  dropped: the order's own text before its annex (${report.unit}s ${report.order.from}-${report.order.to}, ${plural(report.order.paragraphs, 'paragraph')}); its date, issuer and acts were read into the front matter`);
  }
  if (report.dropped.length > 0) {
    const byWhy = new Map<string, Dropped[]>();
    for (const d of report.dropped) byWhy.set(d.why, [...(byWhy.get(d.why) ?? []), d]);
    const parts = [...byWhy.entries()].map(([why, ds]) => {
      const where = ds.every((d) => d.line > 0) ? `${report.unit}s ${lines(ds.map((d) => d.line))}` : ds.map((d) => `"${excerpt(d.text)}"`).slice(0, 3).join(', ');
      return `${ds.length} ${why}${ds.length === 1 ? '' : 's'} (${where})`;
    });
    out.push(`  dropped: ${parts.join(', ')}`);
  }
  if (report.left.length > 0) {
    out.push(`  left as text (${report.left.length}):`);
    for (const l of report.left.slice(0, 50)) out.push(`    ${report.unit} ${l.line}: "${l.text}": ${l.why}`);
    if (report.left.length > 50) out.push(`    … and ${report.left.length - 50} more`);
  }
  for (const n of report.notes.slice(0, 50)) out.push(`  note: ${n}`);
  if (report.notes.length > 50) out.push(`  … and ${report.notes.length - 50} more notes`);
  const found = Object.entries(report.frontMatter).map(([k, from]) => `${k} (${from})`);
  out.push(`  front matter: ${found.length > 0 ? found.join(', ') : 'nothing found'}${report.missing.length > 0 ? `; missing ${report.missing.join(', ')}: stdraft validate reports them, give them with --title, --date, --status, --as` : ''}`);
  return `${out.join('\n')}\n`;
}

/** `1, 54, 108, … (12 in all)` */
function lines(ns: number[]): string {
  return ns.length <= 6 ? ns.join(', ') : `${ns.slice(0, 5).join(', ')}, … ${ns[ns.length - 1]}`;
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
