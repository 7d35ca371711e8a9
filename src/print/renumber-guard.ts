/**
 * When renumbering is refused: while the structure has errors (a line that looks like a heading but is not
 * one, a block the parser could not place, a standard outside any module), the numbers of the units the parser
 * did find are not the drafter's numbering, and renumbering them would shift every later number and rewrite the
 * references to follow. `validate --fix` and `fmt --renumber` say so, and what to repair first.
 */
import type { ParseProblem, StandardsDoc } from '../model/types.js';

const BLOCKING = new Set(['heading-like', 'unplaced', 'standard-outside-module', 'empty-heading']);

/** The structure problems that stop a renumbering, heading-like lines first. */
export function renumberBlockers(doc: StandardsDoc): ParseProblem[] {
  const blockers = doc.problems.filter((p) => p.ruleId === 'structure' && BLOCKING.has(p.messageId));
  return blockers.sort((a, b) => Number(b.messageId === 'heading-like') - Number(a.messageId === 'heading-like') || a.span.start.offset - b.span.start.offset);
}

/** Why the document is not renumbered (one line, naming the first problem's line), or null when it may be. */
export function renumberRefusal(doc: StandardsDoc): string | null {
  const blockers = renumberBlockers(doc);
  const first = blockers[0];
  if (!first) return null;
  const more = blockers.length > 1 ? ` (and ${blockers.length - 1} more structure error${blockers.length === 2 ? '' : 's'}: stdraft validate lists them)` : '';
  return `not renumbered: the structure has errors to repair first: line ${first.span.start.line}: ${first.message}${more}; repair it and run again`;
}
