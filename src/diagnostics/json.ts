/** `--format json`: one JSON array of `{file, line, column, endLine, endColumn, ruleId, severity, message}` (DESIGN.md). */
import type { FileResult } from './types.js';

export function json(results: FileResult[]): string {
  const all = results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
    })),
  );
  return `${JSON.stringify(all, null, 2)}\n`;
}
