/**
 * The diagnostic: what `validate` reports, one finding at one place. The JSON output is exactly the
 * first eight fields (DESIGN.md); `fixable` only tells the stylish summary which findings `--fix` repairs.
 */

export type DiagnosticSeverity = 'error' | 'warning';

export interface Diagnostic {
  /** The file as the user named it (relative to the current folder), or a label such as `REV:path`. */
  file: string;
  /** 1-based line and column (UTF-16 code units) where the finding starts. */
  line: number;
  column: number;
  /** The point just after the end of the finding (as in mdast and SARIF). */
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: DiagnosticSeverity;
  message: string;
  /** Set (to true) when `validate --fix` repairs this finding. */
  fixable?: boolean;
}

/** The findings of one checked file (a file with no finding is still listed: it was checked). */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** What a formatter may say about the rules (SARIF lists them; the engine's registry provides it). */
export interface RuleDescriptor {
  id: string;
  description: string;
  /** The severity in effect for this run (after configuration and `--strict`), or `off`. */
  severity: DiagnosticSeverity | 'off';
  /** The rule's documentation page, relative to the project root (`docs/rules/<id>.md`) or absolute. */
  docs: string;
}

export interface FormatOptions {
  /** ANSI colours (stylish only); the CLI decides with `useColor`. */
  color?: boolean;
  /** The rules of the run (SARIF `tool.driver.rules`). */
  rules?: RuleDescriptor[];
  /** The tool (SARIF `tool.driver`). */
  tool?: { name: string; version: string; informationUri: string };
}

export type Formatter = (results: FileResult[], options?: FormatOptions) => string;

/** Diagnostics in reading order: line, column, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || byCodeUnits(a.ruleId, b.ruleId) || byCodeUnits(a.message, b.message);
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countSeverities(results: FileResult[]): { errors: number; warnings: number; fixable: number } {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
      if (d.fixable) fixable++;
    }
  }
  return { errors, warnings, fixable };
}
