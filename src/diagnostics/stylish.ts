/**
 * The default output: findings grouped by file, one per line as `line:column  severity  message  rule-id`,
 * then a summary line. Colour only when asked (the CLI asks on a terminal without NO_COLOR).
 */
import { countSeverities, type FileResult, type FormatOptions } from './types.js';

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  green: '\u001b[32m',
};

/** Control characters from a document (a heading with an escape sequence) never reach the terminal as such. */
export function printable(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function stylish(results: FileResult[], options: FormatOptions = {}): string {
  const paint = (codes: string[], text: string) => (options.color ? `${codes.join('')}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    out.push(paint([ANSI.underline], printable(result.file)));
    const positions = result.diagnostics.map((d) => `${d.line}:${d.column}`);
    const width = positions.reduce((w, p) => Math.max(w, p.length), 0);
    const severityWidth = result.diagnostics.reduce((w, d) => Math.max(w, d.severity.length), 0);
    result.diagnostics.forEach((d, i) => {
      const position = paint([ANSI.dim], positions[i]!.padEnd(width));
      const severity = paint([d.severity === 'error' ? ANSI.red : ANSI.yellow], d.severity.padEnd(severityWidth));
      out.push(`  ${position}  ${severity}  ${printable(d.message)}  ${paint([ANSI.dim], d.ruleId)}`);
    });
    out.push('');
  }
  out.push(summary(results, paint));
  return `${out.join('\n')}\n`;
}

function summary(results: FileResult[], paint: (codes: string[], text: string) => string): string {
  const { errors, warnings, fixable } = countSeverities(results);
  const files = results.length;
  const filesText = `${files} file${files === 1 ? '' : 's'}`;
  const problems = errors + warnings;
  if (problems === 0) return paint([ANSI.green], `${filesText} checked: no problems`);
  const withProblems = results.filter((r) => r.diagnostics.length > 0).length;
  const line = `${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${withProblems} of ${filesText}`;
  const fix = fixable > 0 ? `\n${fixable} of them can be fixed with --fix` : '';
  return paint([ANSI.bold, errors > 0 ? ANSI.red : ANSI.yellow], line) + fix;
}
