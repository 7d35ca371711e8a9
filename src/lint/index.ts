/**
 * The lint engine's public API: `lintDocument(doc, context)` and `lintRegister(text, file, context)` return
 * diagnostics; `lintParsed` passes the source text for exact columns; `fixDocument` applies the safe fixes.
 * The core stays pure: callers read files and pass what the rules need in the LintContext.
 */
import type { Parsed } from '../parse/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { lintDocument, type LintContext } from './engine.js';

export { lintDocument, lintRegister, describeRules, effectiveSeverity, ruleDocs, runDocumentRules, RULES, ruleById } from './engine.js';
export type { LintContext, Finding, EffectiveSeverity } from './engine.js';
export { fixDocument, fixRefusals, type FixResult } from './fix.js';
export { readSuppressions } from './suppress.js';

/** `lintDocument` with the parsed source text (exact columns inside text). */
export function lintParsed(parsed: Parsed, context: LintContext = {}): Diagnostic[] {
  return lintDocument(parsed.doc, { ...context, text: parsed.source.text });
}
