/**
 * `diff --format json`: the DESIGN.md contract —
 * `{from, to, summary: {added, removed, modified, renumbered, unchanged}, changes: [{kind, change, from, to, …}]}`
 * where `summary` counts requirements and `changes` lists every module, standard and requirement that was
 * added, removed, modified or renumbered, in TO document order. Two more top-level keys carry what the contract
 * has no place for: `typographic` (units whose only difference is typographic: counted as unchanged) and
 * `document` (front matter, introduction and annexes that differ). docs/diff.md describes every field.
 */
import type { Change } from 'diff';
import type { Changeset, PartDiff, UnitChange } from './types.js';

export interface JsonChange {
  kind: UnitChange['kind'];
  change: Exclude<UnitChange['change'], 'unchanged'>;
  from: string | null;
  to: string | null;
  title: string;
  moved: boolean;
  typographic: boolean;
  fromLine: number | null;
  toLine: number | null;
  parts?: JsonPart[];
}

export interface JsonPart {
  part: PartDiff['part'];
  indicator?: { from: number | null; to: number | null };
  difference: PartDiff['difference'];
  typographicKinds?: string[];
  changes: { value: string; added?: true; removed?: true }[];
}

export function formatJson(changeset: Changeset): string {
  const changes: JsonChange[] = [];
  const typographic: { kind: UnitChange['kind']; from: string | null; to: string | null; kinds: string[] }[] = [];
  for (const u of changeset.units) {
    if (u.change === 'unchanged') {
      if (u.typographic) typographic.push({ kind: u.kind, from: u.from, to: u.to, kinds: [...new Set(u.parts.flatMap((p) => p.typographicKinds ?? []))] });
      continue;
    }
    const entry: JsonChange = {
      kind: u.kind,
      change: u.change,
      from: u.from,
      to: u.to,
      title: (u.toNode ?? u.fromNode)!.title,
      moved: u.moved,
      typographic: u.typographic,
      fromLine: u.fromNode ? headingLine(u.fromNode) : null,
      toLine: u.toNode ? headingLine(u.toNode) : null,
    };
    const parts = u.parts.filter((p) => p.difference !== 'none').map(jsonPart);
    if (parts.length > 0) entry.parts = parts;
    changes.push(entry);
  }
  const out = {
    from: changeset.from.label,
    to: changeset.to.label,
    summary: changeset.summary,
    changes,
    typographic,
    document: {
      metadata: changeset.metadata,
      blocks: changeset.blocks.map((b) => ({ what: b.what, change: b.change, from: b.fromTitle, to: b.toTitle, ...jsonPart(b.part) })),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function headingLine(node: NonNullable<UnitChange['fromNode']>): number | null {
  return node.kind === 'module' ? (node.heading?.span.start.line ?? null) : node.heading.span.start.line;
}

function jsonPart(p: PartDiff): JsonPart {
  const out: JsonPart = { part: p.part, difference: p.difference, changes: p.changes.map(jsonChange) };
  if (p.indicator) out.indicator = p.indicator;
  if (p.typographicKinds) out.typographicKinds = p.typographicKinds;
  return out;
}

function jsonChange(c: Change): JsonPart['changes'][number] {
  if (c.added) return { value: c.value, added: true };
  if (c.removed) return { value: c.value, removed: true };
  return { value: c.value };
}
