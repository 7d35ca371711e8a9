/**
 * Suppression comments (FORMAT.md), on a line of their own:
 *   <!-- stdraft-disable RULE … -->  …  <!-- stdraft-enable RULE … -->   (no RULE: every rule)
 *   <!-- stdraft-disable-next-line RULE … -->                           (the next line with content)
 * Rule ids are separated by spaces or commas; text after ` -- ` is a free explanation.
 * A diagnostic is suppressed by where it starts.
 */
import type { StandardsDoc } from '../model/types.js';
import { forEachBlock } from '../rules/document-text.js';

const DIRECTIVE = /^stdraft-(disable-next-line|disable|enable)(?:\s+([\s\S]*))?$/;

interface Directive {
  kind: 'disable' | 'enable';
  /** The line from which it applies. */
  line: number;
  rules: string[] | 'all';
}

export interface Suppressions {
  /** Whether a finding of `ruleId` starting at `line` is suppressed. Calls must come in increasing line order. */
  isSuppressed(ruleId: string, line: number): boolean;
  /** Restarts the sweep (for a second pass over findings sorted again). */
  reset(): void;
  readonly empty: boolean;
}

function readRules(text: string | undefined): string[] | 'all' {
  const body = (text ?? '').split(/\s--\s/)[0]!.trim();
  if (!body) return 'all';
  return body.split(/[\s,]+/).filter(Boolean);
}

export function readSuppressions(doc: StandardsDoc): Suppressions {
  const directives: Directive[] = [];
  const nextLine = new Map<number, Set<string> | 'all'>();
  let starts: number[] | null = null;
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.value.trim());
    if (!m) continue;
    const rules = readRules(m[2]);
    if (m[1] === 'disable-next-line') {
      starts ??= blockStarts(doc);
      const target = firstAfter(starts, comment.span.end.line);
      if (target === null) continue;
      const existing = nextLine.get(target);
      if (rules === 'all' || existing === 'all') nextLine.set(target, 'all');
      else nextLine.set(target, new Set([...(existing ?? []), ...rules]));
    } else {
      directives.push({ kind: m[1] as 'disable' | 'enable', line: comment.span.end.line, rules });
    }
  }
  directives.sort((a, b) => a.line - b.line);

  // State swept forward as findings come in line order.
  let next = 0;
  let all = false;
  const disabled = new Set<string>();
  const exceptions = new Set<string>(); // enabled again while every rule is disabled
  const reset = () => {
    next = 0;
    all = false;
    disabled.clear();
    exceptions.clear();
  };
  return {
    empty: directives.length === 0 && nextLine.size === 0,
    reset,
    isSuppressed(ruleId, line) {
      while (next < directives.length && directives[next]!.line < line) {
        const d = directives[next++]!;
        if (d.kind === 'disable') {
          if (d.rules === 'all') {
            all = true;
            exceptions.clear();
            disabled.clear();
          } else for (const r of d.rules) (all ? exceptions.delete(r) : disabled.add(r));
        } else if (d.rules === 'all') {
          all = false;
          disabled.clear();
          exceptions.clear();
        } else for (const r of d.rules) (all ? exceptions.add(r) : disabled.delete(r));
      }
      const target = nextLine.get(line);
      if (target === 'all' || target?.has(ruleId)) return true;
      return all ? !exceptions.has(ruleId) : disabled.has(ruleId);
    },
  };
}

/** Sorted start lines of the document's top-level blocks (where "the next line with content" can be). */
function blockStarts(doc: StandardsDoc): number[] {
  const lines: number[] = [];
  forEachBlock(doc, (block) => {
    const line = block.position?.start.line;
    if (line !== undefined) lines.push(line);
  });
  return lines.sort((a, b) => a - b);
}

function firstAfter(sorted: number[], line: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : null;
}
