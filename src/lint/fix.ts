/**
 * `validate --fix`: applies the safe repairs the rules offer and says what changed. Local repairs
 * (comma-below diacritics, composed Unicode, doubled spaces) are text edits of reported findings, so
 * suppressed or disabled findings are left alone; a document-wide repair (renumbering, through
 * planRenumber and formatDocument) runs when its rule has findings. Passes repeat until nothing changes.
 * Pure: the caller writes the result (atomically).
 */
import { parseText, type Parsed } from '../parse/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { RULES } from '../rules/index.js';
import type { TextEdit } from '../rules/types.js';
import { effectiveSeverity, runDocumentRules, type Finding, type LintContext } from './engine.js';

export interface FixResult {
  /** The whole fixed file (with the BOM when the original had one). */
  text: string;
  changed: boolean;
  /** What changed, one line each (`59:112 typography-cedilla: "şi" → "și"`, `renumbered standard 6 → 5`). */
  changes: string[];
  /** The fixed document, parsed. */
  parsed: Parsed;
  /** What remains to report after the fixes. */
  diagnostics: Diagnostic[];
  /** Repairs refused, one line each, saying why and what to repair first (`not renumbered: …`). */
  refused: string[];
}

/**
 * Why a document-wide repair is refused on this document (one line each): said when the rule has findings, or
 * when a line looks like a heading (which hides the findings it causes).
 */
export function fixRefusals(parsed: Parsed, context: LintContext = {}, diagnostics?: readonly Diagnostic[]): string[] {
  const out: string[] = [];
  const headingLike = parsed.doc.problems.some((p) => p.messageId === 'heading-like');
  for (const rule of RULES) {
    if (rule.kind !== 'document' || !rule.fix || !rule.fixRefusal || effectiveSeverity(rule, context) === 'off') continue;
    const reason = rule.fixRefusal(parsed.doc);
    if (!reason) continue;
    const found = diagnostics ?? lint(parsed, context).map((f) => f.diagnostic);
    if (headingLike || found.some((d) => d.ruleId === rule.id)) out.push(reason);
  }
  return out;
}

const MAX_PASSES = 10;

export function fixDocument(parsed: Parsed, context: LintContext = {}): FixResult {
  let current = parsed;
  const changes: string[] = [];
  const reparse = (text: string) => parseText(text, parsed.doc.file, { bom: parsed.source.bom });
  let findings = lint(current, context);
  /** Rules whose document-wide fix could not be applied (a document fmt cannot print losslessly). */
  const declined = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = findings.filter((f): f is Finding & { fix: TextEdit } => f.fix !== undefined);
    if (edits.length > 0) {
      const { text, applied } = applyEdits(current.source.text, edits);
      for (const f of applied) {
        const before = current.source.text.slice(f.fix.start, f.fix.end);
        changes.push(`${f.diagnostic.line}:${f.diagnostic.column} ${f.diagnostic.ruleId}: ${JSON.stringify(before)} → ${JSON.stringify(f.fix.text)}`);
      }
      if (text !== current.source.text) {
        current = reparse(text);
        findings = lint(current, context);
        continue;
      }
    }
    let fixed = false;
    for (const rule of RULES) {
      if (rule.kind !== 'document' || !rule.fix || effectiveSeverity(rule, context) === 'off' || declined.has(rule.id)) continue;
      if (!findings.some((f) => f.diagnostic.ruleId === rule.id)) continue;
      if (rule.fixRefusal?.(current.doc)) {
        declined.add(rule.id);
        continue;
      }
      const result = rule.fix(current);
      if (!result || result.text === current.source.text) {
        declined.add(rule.id);
        continue;
      }
      for (const item of result.changes) changes.push(item);
      current = reparse(result.text);
      findings = lint(current, context);
      fixed = true;
      break;
    }
    if (!fixed) break;
  }
  const text = (current.source.bom ? '\uFEFF' : '') + current.source.text;
  const diagnostics = findings.map((f) => {
    if (!declined.has(f.diagnostic.ruleId) || f.fix) return f.diagnostic;
    const { fixable: _, ...rest } = f.diagnostic;
    return rest;
  });
  return { text, changed: current !== parsed, changes, parsed: current, diagnostics, refused: fixRefusals(current, context, findings.map((f) => f.diagnostic)) };
}

function lint(parsed: Parsed, context: LintContext): Finding[] {
  return runDocumentRules(parsed.doc, { ...context, text: parsed.source.text });
}

/** Applies non-overlapping edits (in source order; an edit overlapping an earlier one waits for the next pass). */
function applyEdits<T extends { fix: TextEdit }>(text: string, edits: T[]): { text: string; applied: T[] } {
  const sorted = [...edits].sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const applied: T[] = [];
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.fix.start < at || e.fix.end > text.length || e.fix.end < e.fix.start) continue;
    out += text.slice(at, e.fix.start) + e.fix.text;
    at = e.fix.end;
    applied.push(e);
  }
  out += text.slice(at);
  return { text: out, applied };
}
