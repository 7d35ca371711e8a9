/**
 * The lint engine: runs the rules of the registry over a document or a register, applies the configured
 * severities (`rules:` in stdraft.config.yaml), `--strict` and the suppression comments, and turns reports
 * into diagnostics (rule id, severity, message from the rule's template, position).
 */
import type { Node } from 'unist';
import type { Span, StandardsDoc } from '../model/types.js';
import type { Config } from '../workspace/index.js';
import { compareDiagnostics, type Diagnostic, type DiagnosticSeverity, type RuleDescriptor } from '../diagnostics/types.js';
import { spanOf } from '../parse/positions.js';
import { registerCedillaFindings } from './register-typography.js';
import { parseRegister } from '../comments/index.js';
import { RULES, ruleById } from '../rules/index.js';
import type { ReportDescriptor, RuleContext, TextEdit } from '../rules/types.js';
import { readSuppressions } from './suppress.js';

export interface LintContext {
  /** The workspace configuration (`rules:` sets severities or turns rules off). */
  config?: Config;
  /** The document's source text (BOM excluded): exact columns inside text, and the fixes of `--fix`. */
  text?: string;
  /** Names of the versions of the document's set (for `supersedes` and register targets). */
  versions?: readonly string[];
  /** The version name the file name gives (`2016-02.md` → `2016-02`); `version:` must equal it. */
  expectedVersion?: string;
  /** A parsed version of the set by name, or null when there is none (register targets). */
  getVersion?: (name: string) => StandardsDoc | null;
  /** Warnings count as errors. */
  strict?: boolean;
}

/** A diagnostic with what the engine knows about it besides (for fixes and tests). */
export interface Finding {
  diagnostic: Diagnostic;
  messageId: string;
  fix?: TextEdit;
}

export type EffectiveSeverity = DiagnosticSeverity | 'off';

/** The severity a rule has in this run: its default, the config's, then `--strict`. */
export function effectiveSeverity(rule: { id: string; severity: DiagnosticSeverity }, context: LintContext): EffectiveSeverity {
  const configured = context.config?.rules[rule.id] ?? rule.severity;
  if (configured === 'off') return 'off';
  return context.strict ? 'error' : configured;
}

export function ruleDocs(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The rules as formatters describe them (SARIF `tool.driver.rules`). */
export function describeRules(context: LintContext = {}): RuleDescriptor[] {
  return RULES.map((rule) => ({ id: rule.id, description: rule.description, severity: effectiveSeverity(rule, context), docs: ruleDocs(rule.id) }));
}

function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data && data[key] !== undefined ? String(data[key]) : whole));
}

function toDiagnostic(file: string, rule: { id: string; messages: Record<string, string> }, severity: DiagnosticSeverity, report: ReportDescriptor): Diagnostic {
  const span: Span = report.span ?? spanOf((report.node ?? undefined) as Node | undefined);
  const template = rule.messages[report.messageId] ?? '{{message}}';
  const line = Math.max(1, span.start.line);
  const column = Math.max(1, span.start.column);
  let endLine = Math.max(line, span.end.line);
  let endColumn = Math.max(1, span.end.column);
  if (endLine === line && endColumn < column) endColumn = column;
  if (span.end.line < line) endLine = line;
  return { file, line, column, endLine, endColumn, ruleId: rule.id, severity, message: interpolate(template, report.data) };
}

/** Runs the document rules; the findings that survive the configuration and the suppression comments. */
export function runDocumentRules(doc: StandardsDoc, context: LintContext = {}): Finding[] {
  const findings: Finding[] = [];
  const fatal = doc.problems.some((p) => p.fatal);
  const owned = new Set<string>();
  for (const rule of RULES) {
    if (rule.kind !== 'document') continue;
    owned.add(rule.id);
    const severity = effectiveSeverity(rule, context);
    if (severity === 'off') continue;
    const fixable = rule.fix !== undefined && !fatal && !rule.fixRefusal?.(doc);
    const ctx: RuleContext = {
      file: doc.file,
      text: context.text,
      versions: context.versions,
      expectedVersion: context.expectedVersion,
      getVersion: context.getVersion,
      report(report) {
        const diagnostic = toDiagnostic(doc.file, rule, severity, report);
        const fix = context.text !== undefined ? report.fix : undefined;
        if (fix || fixable) diagnostic.fixable = true;
        findings.push(fix ? { diagnostic, messageId: report.messageId, fix } : { diagnostic, messageId: report.messageId });
      },
    };
    rule.check(doc, ctx);
  }
  // Parser problems of a rule the registry does not know are still reported (as errors), never lost.
  for (const p of doc.problems) {
    if (owned.has(p.ruleId)) continue;
    const severity = effectiveSeverity({ id: p.ruleId, severity: 'error' }, context);
    if (severity === 'off') continue;
    findings.push({ diagnostic: toDiagnostic(doc.file, { id: p.ruleId, messages: {} }, severity, { messageId: p.messageId, span: p.span, data: { message: p.message } }), messageId: p.messageId });
  }
  findings.sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic));
  const suppressions = readSuppressions(doc);
  if (suppressions.empty) return findings;
  return findings.filter((f) => !suppressions.isSuppressed(f.diagnostic.ruleId, f.diagnostic.line));
}

/** The diagnostics of a document, in reading order. */
export function lintDocument(doc: StandardsDoc, context: LintContext = {}): Diagnostic[] {
  return runDocumentRules(doc, context).map((f) => f.diagnostic);
}

/** The diagnostics of an observation register (`comments/*.yaml`); `file` names it in diagnostics. */
export function lintRegister(text: string, file: string, context: LintContext = {}): Diagnostic[] {
  const { register, problems } = parseRegister(text, file);
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    if (rule.kind !== 'register') continue;
    const severity = effectiveSeverity(rule, context);
    if (severity === 'off') continue;
    rule.check(
      { register, problems, text },
      {
        file,
        versions: context.versions,
        getVersion: context.getVersion,
        report: (report) => diagnostics.push(toDiagnostic(file, rule, severity, report)),
      },
    );
  }
  const cedilla = effectiveSeverity({ id: 'typography-cedilla', severity: 'error' }, context);
  const lang = register.from ? context.getVersion?.(register.from)?.lang : undefined;
  if (cedilla !== 'off' && lang !== 'en') for (const d of registerCedillaFindings(text, file, cedilla)) diagnostics.push(d);
  return diagnostics.sort(compareDiagnostics);
}

export { RULES, ruleById };
