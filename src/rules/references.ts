/**
 * references: cross-references in running text — `S3.2` (also `M.II.-S3.2`), `Standardul 4`, `Modulul II` —
 * and links to `#anchors` resolve in the same document (FORMAT.md). An anchor is one of the format's
 * (`#s3-2`, `#standardul-4`, `#modulul-ii`), the slug of a heading (`#definitii`), or an HTML `id`/`name`.
 * The numbers in the structural headings themselves are not references.
 */
import type { Definition, Link, LinkReference } from 'mdast';
import type { Node } from 'unist';
import { MODULE_RANGE, fromRoman, labelsFor, toRoman } from '../model/labels.js';
import { anchorTarget, findReferences, requirementKey, type ReferenceTarget } from '../model/references.js';
import type { StandardsDoc } from '../model/types.js';
import { nodeText } from '../model/walk.js';
import { forEachBlock, textSegments, walkTree } from './document-text.js';
import type { DocumentRule } from './types.js';

export const references: DocumentRule = {
  kind: 'document',
  id: 'references',
  description: 'References: S3.2, Standardul 4, Modulul II and #anchor links resolve in the same document',
  severity: 'error',
  messages: {
    requirement: 'Expected "{{text}}" to refer to a requirement of this document, found none{{hint}}',
    standard: 'Expected "{{text}}" to refer to a standard of this document, found none{{hint}}',
    module: 'Expected "{{text}}" to refer to a module of this document, found none{{hint}}',
    anchor: 'Expected the link target "{{url}}" to be an anchor of this document, found none{{hint}}',
  },
  check(doc, ctx) {
    const units = indexUnits(doc);
    const labels = labelsFor(doc.lang);
    const describeMissing = (target: ReferenceTarget): { messageId: string; hint: string } | null => {
      switch (target.kind) {
        case 'requirement': {
          if (units.requirements.has(requirementKey(target))) return null;
          const count = units.requirementCounts.get(target.standard);
          const hint = count
            ? ` (${labels.standard} ${target.standard} has ${count === 1 ? 'only ' : ''}S${target.standard}.1${count === 1 ? '' : `–S${target.standard}.${count}`})`
            : units.standards.has(target.standard)
              ? ` (${labels.standard} ${target.standard} has no requirements)`
              : ` (the document has no ${labels.standard} ${target.standard})`;
          return { messageId: 'requirement', hint };
        }
        case 'standard':
          return units.standards.has(target.number) ? null : { messageId: 'standard', hint: range(units.standards, String, 'standard') };
        case 'module': {
          const value = fromRoman(target.numeral);
          return value !== null && units.modules.has(value) ? null : { messageId: 'module', hint: range(units.modules, toRoman, 'module') };
        }
      }
    };

    // Links: `[…](#s3-2)`, `[…][ref]` with a `#` definition.
    const definitions = new Map<string, string>();
    for (const d of doc.definitions) if (d.type === 'definition') definitions.set((d as Definition).identifier, (d as Definition).url);
    const anchorsOfLinks = new Map<Node, ReferenceTarget>();
    let slugs: Set<string> | null = null;
    forEachBlock(doc, (block) =>
      walkTree(block, (node) => {
        if (node.type !== 'link' && node.type !== 'linkReference') return;
        const url = node.type === 'link' ? (node as Link).url : definitions.get((node as LinkReference).identifier);
        if (url === undefined || !url.startsWith('#')) return;
        const target = anchorTarget(url);
        if (target) {
          anchorsOfLinks.set(node, target);
          const missing = describeMissing(target);
          if (missing) ctx.report({ messageId: 'anchor', node, data: { url, hint: missing.hint } });
        } else {
          slugs ??= anchorsOf(doc);
          if (!slugs.has(decode(url.slice(1)).toLowerCase())) ctx.report({ messageId: 'anchor', node, data: { url, hint: '' } });
        }
      }),
    );

    // The label of a line that looks like a heading is that heading's own number (structure reports the line).
    const headingLikeLines = new Set(doc.problems.filter((p) => p.messageId === 'heading-like').map((p) => p.span.start.line));
    for (const segment of textSegments(doc, ctx.text)) {
      const refs = findReferences(segment.value);
      if (refs.length === 0) continue;
      const linked = segment.link ? anchorsOfLinks.get(segment.link) : undefined;
      // A module heading's range, `(standardul 2)`, is checked by numbering, not here.
      const range = segment.place?.role === 'module-heading' ? MODULE_RANGE.exec(segment.value) : null;
      for (const ref of refs) {
        if (range && ref.start >= range.index) continue;
        if (segment.headingLabel && ref.start === 0 && isOwnLabel(segment.place?.role, ref.target)) continue;
        if (ref.start === 0 && headingLikeLines.has(segment.span(ref.start, ref.end).start.line)) continue;
        if (linked && sameTarget(linked, ref.target)) continue; // the link is reported once
        const missing = describeMissing(ref.target);
        if (!missing) continue;
        ctx.report({ messageId: missing.messageId, span: segment.span(ref.start, ref.end), data: { text: ref.text.replace(/\s+/g, ' '), hint: missing.hint } });
      }
    }
  },
};

interface UnitIndex {
  modules: Set<number>;
  standards: Set<number>;
  requirements: Set<string>;
  requirementCounts: Map<number, number>;
}

function indexUnits(doc: StandardsDoc): UnitIndex {
  const index: UnitIndex = { modules: new Set(), standards: new Set(), requirements: new Set(), requirementCounts: new Map() };
  for (const module of doc.modules) {
    if (module.heading && module.number !== null) index.modules.add(module.number);
    for (const standard of module.standards) {
      if (standard.number !== null) index.standards.add(standard.number);
      for (const req of standard.requirements) {
        if (!req.id) continue;
        index.requirements.add(requirementKey(req.id));
        index.requirementCounts.set(req.id.standard, Math.max(index.requirementCounts.get(req.id.standard) ?? 0, req.id.index));
      }
    }
  }
  return index;
}

/** ` (the document has standards 1–24)`: the numbers present, as a hint. */
function range(values: Set<number>, show: (n: number) => string, word: string): string {
  if (values.size === 0) return ` (the document has no ${word}s)`;
  const sorted = [...values].sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  return first === last ? ` (the document has only ${word} ${show(first)})` : ` (the document has ${word}s ${show(first)}–${show(last)})`;
}

function isOwnLabel(role: string | undefined, target: ReferenceTarget): boolean {
  return (
    (role === 'module-heading' && target.kind === 'module') ||
    (role === 'standard-heading' && target.kind === 'standard') ||
    (role === 'requirement-heading' && target.kind === 'requirement')
  );
}

function sameTarget(a: ReferenceTarget, b: ReferenceTarget): boolean {
  if (a.kind === 'requirement' && b.kind === 'requirement') return requirementKey(a) === requirementKey(b);
  if (a.kind === 'standard' && b.kind === 'standard') return a.number === b.number;
  if (a.kind === 'module' && b.kind === 'module') return a.numeral.toUpperCase() === b.numeral.toUpperCase();
  return false;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Anchors a `#…` link can reach besides the format's: heading slugs (as GitHub makes them) and HTML ids. */
function anchorsOf(doc: StandardsDoc): Set<string> {
  const out = new Set<string>();
  const counts = new Map<string, number>();
  forEachBlock(doc, (block) =>
    walkTree(block, (node) => {
      if (node.type === 'heading') {
        const base = slug(nodeText(node));
        const n = counts.get(base) ?? 0;
        counts.set(base, n + 1);
        out.add(n === 0 ? base : `${base}-${n}`);
      }
      if (node.type === 'html') {
        for (const m of (node as unknown as { value: string }).value.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/gi)) out.add(m[1]!.toLowerCase());
      }
    }),
  );
  return out;
}

/** GitHub's heading slug: lower case, punctuation removed, spaces to hyphens. */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
