/**
 * `diff --format text`: the changes grouped by module and standard, with word diffs (`[-removed-]{+added+}`,
 * coloured on a terminal), and a summary line. Unchanged units are not listed; a module or standard is named
 * as a heading when something under it changed.
 */
import type { Change } from 'diff';
import type { Module, Requirement, Standard } from '../model/types.js';
import type { TypographicKind } from './normalize.js';
import type { Changeset, PartDiff, UnitChange } from './types.js';
import { wordDiff } from './parts.js';

export interface TextOptions {
  color?: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof ANSI;

const KIND_WORDS: Record<TypographicKind, string> = {
  cedilla: 'cedilla → comma-below',
  'unicode-normalisation': 'Unicode normalisation',
  quotes: 'quotation marks',
  spacing: 'spacing',
};

export function formatText(changeset: Changeset, options: TextOptions = {}): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  lines.push(paint('bold', `${changeset.from.label} → ${changeset.to.label}`));

  if (changeset.metadata.length > 0) {
    lines.push('', 'Front matter:');
    for (const m of changeset.metadata) {
      if (m.typographic) {
        // As for units: a typographic correction, shown word by word and said to be one.
        lines.push(`  ${paint('yellow', '~')} ${m.key}: ${describeDifference('typographic', m.typographicKinds)}`);
        const texts = (v: unknown) => (Array.isArray(v) ? v.map(String) : [String(v)]);
        const before = texts(m.from);
        const after = texts(m.to);
        before.forEach((x, i) => {
          if (x !== after[i]) for (const line of indent(renderChanges(wordDiff(x, after[i]!), paint), '      ')) lines.push(line);
        });
      } else if (m.from === null) lines.push(`  ${paint('green', '+')} ${m.key}: ${value(m.to)}`);
      else if (m.to === null) lines.push(`  ${paint('red', '-')} ${m.key}: ${value(m.from)}`);
      else if (Array.isArray(m.from) && Array.isArray(m.to)) {
        // Lists (legal-basis, authors): the items added and removed.
        const before = m.from.map(value);
        const after = m.to.map(value);
        lines.push(`  ${paint('yellow', '~')} ${m.key}:`);
        for (const item of before) if (!after.includes(item)) lines.push(`      ${paint('red', `- ${item}`)}`);
        for (const item of after) if (!before.includes(item)) lines.push(`      ${paint('green', `+ ${item}`)}`);
        if (before.every((x) => after.includes(x)) && after.every((x) => before.includes(x))) lines.push('      (same items, another order)');
      } else lines.push(`  ${paint('yellow', '~')} ${m.key}: ${value(m.from)} → ${value(m.to)}`);
    }
  }
  for (const b of changeset.blocks.filter((x) => x.what === 'introduction')) {
    lines.push('', `Introduction: ${describeDifference(b.part.difference, b.part.typographicKinds)}`);
    for (const item of indent(renderChanges(b.part.changes, paint), '  ')) lines.push(item);
  }

  // Units: a heading for each module and standard with something to show under it.
  const shown = new Set<UnitChange>();
  const interesting = (u: UnitChange) => u.change !== 'unchanged' || u.typographic || u.parts.length > 0;
  for (const u of changeset.units) {
    if (!interesting(u)) continue;
    for (let p: UnitChange | null = u; p; p = p.parent) shown.add(p);
  }
  const units = changeset.units.filter((u) => shown.has(u));
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    let depth = 0;
    for (let p = u.parent; p; p = p.parent) depth++;
    const pad = '  '.repeat(depth);
    if (u.kind === 'module') lines.push('');
    // Runs of requirements renumbered alike (S5.1 → S6.1, S5.2 → S6.2, …) on one line.
    if (u.kind === 'requirement' && u.change === 'renumbered' && !u.typographic && u.parts.length === 0) {
      let j = i;
      while (j + 1 < units.length && sameShift(units[j]!, units[j + 1]!)) j++;
      if (j > i) {
        lines.push(`${pad}${tag('renumbered', paint)} ${u.from}–${units[j]!.from} → ${u.to}–${units[j]!.to}`);
        i = j;
        continue;
      }
    }
    lines.push(pad + headline(u, paint, interesting(u)));
    for (const p of u.parts) {
      if (p.difference === 'none') continue;
      for (const item of indent(renderPart(p, paint), `${pad}    `)) lines.push(item);
    }
  }

  for (const b of changeset.blocks.filter((x) => x.what === 'annex')) {
    const title = b.toTitle ?? b.fromTitle ?? '';
    lines.push('', `${tag(b.change === 'modified' && b.part.difference === 'typographic' ? 'typographic' : b.change, paint)} ${title}`);
    if (b.change === 'modified') for (const item of indent(renderChanges(b.part.changes, paint), '  ')) lines.push(item);
  }

  const s = changeset.summary;
  const moved = changeset.units.filter((u) => u.kind === 'requirement' && u.moved).length;
  const typographicOnly = changeset.units.filter((u) => u.kind === 'requirement' && u.change === 'unchanged' && u.typographic).length;
  const anything = changeset.units.some(interesting) || changeset.metadata.length > 0 || changeset.blocks.length > 0;
  lines.push('');
  if (!anything) lines.push('No differences.');
  lines.push(
    `Requirements: ${s.added} added, ${s.removed} removed, ${s.modified} modified${moved ? ` (${moved} moved)` : ''}, ` +
      `${s.renumbered} renumbered, ${s.unchanged} unchanged` +
      (typographicOnly ? ` (${typographicOnly} of them with typographic changes only)` : ''),
  );
  return `${lines.join('\n')}\n`;
}

function sameShift(a: UnitChange, b: UnitChange): boolean {
  if (b.kind !== 'requirement' || b.change !== 'renumbered' || b.typographic || b.parts.length > 0 || a.parent !== b.parent) return false;
  const ra = a.fromNode as Requirement;
  const rb = b.fromNode as Requirement;
  const ta = a.toNode as Requirement;
  const tb = b.toNode as Requirement;
  if (!ra.id || !rb.id || !ta.id || !tb.id) return false;
  return (
    rb.id.standard === ra.id.standard &&
    tb.id.standard === ta.id.standard &&
    rb.id.index === ra.id.index + 1 &&
    tb.id.index === ta.id.index + 1
  );
}

function tag(change: string, paint: (s: Style, t: string) => string): string {
  const style: Style =
    change === 'added' ? 'green' : change === 'removed' ? 'red' : change === 'modified' ? 'yellow' : change === 'renumbered' ? 'cyan' : 'dim';
  return paint(style, change.padEnd(11));
}

function titleOf(u: UnitChange): string {
  const node = (u.toNode ?? u.fromNode)!;
  return (node as Module | Standard | Requirement).title;
}

function headline(u: UnitChange, paint: (s: Style, t: string) => string, changed: boolean): string {
  const ids = u.from && u.to && u.from !== u.to ? `${u.from} → ${u.to}` : (u.to ?? u.from)!;
  const title = titleOf(u);
  const named = u.kind === 'requirement' ? `${ids}${title ? ` ${title}` : ''}` : `${ids}${title ? `. ${title}` : ''}`;
  if (!changed) return u.kind === 'requirement' ? named : paint('bold', named);
  let status: string = u.change;
  if (u.change === 'unchanged' && u.typographic) status = 'typographic';
  let line = `${tag(status, paint)} ${named}`;
  const notes: string[] = [];
  if (u.moved) notes.push(`moved${u.fromParent && u.toParent ? ` from ${u.fromParent} to ${u.toParent}` : ''}`);
  if (u.typographic) {
    const kinds = [...new Set(u.parts.flatMap((p) => p.typographicKinds ?? []))].map((k) => KIND_WORDS[k]);
    notes.push(`typographic changes only${kinds.length ? ` (${kinds.join(', ')})` : ''}: not a change of substance`);
  } else if (u.change !== 'modified' && u.parts.some((p) => p.difference === 'references')) {
    notes.push('cross-references follow the renumbering');
  }
  if (u.change === 'added' || u.change === 'removed') {
    const text = firstText(u);
    if (text) notes.push(paint('dim', text));
  }
  if (notes.length) line += `  ${notes.join('; ')}`;
  return line;
}

function firstText(u: UnitChange): string {
  const node = (u.toNode ?? u.fromNode)!;
  let text = '';
  if (node.kind === 'requirement') text = (node as Requirement).text.map((b) => plain(b)).join(' ');
  else if (node.kind === 'standard') text = (node as Standard).statement.map((b) => plain(b)).join(' ');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

function plain(node: unknown): string {
  const n = node as { value?: string; children?: unknown[] };
  return n.value ?? (n.children ?? []).map(plain).join('');
}

function describeDifference(difference: PartDiff['difference'], kinds?: TypographicKind[]): string {
  switch (difference) {
    case 'typographic':
      return `typographic changes only${kinds?.length ? ` (${kinds.map((k) => KIND_WORDS[k]).join(', ')})` : ''}`;
    case 'references':
      return 'cross-references follow the renumbering';
    case 'formatting':
      return 'formatting changed (emphasis or links), words unchanged';
    default:
      return 'modified';
  }
}

function renderPart(p: PartDiff, paint: (s: Style, t: string) => string): string[] {
  let name: string = p.part === 'expectedResults' ? 'expected results' : p.part;
  if (p.indicator) name = `indicator ${p.indicator.to ?? p.indicator.from}`;
  if (p.part === 'indicator' && p.fromText === '') return prefixed(`${paint('green', '+')} ${name}: `, paint('green', p.toText));
  if (p.part === 'indicator' && p.toText === '') return prefixed(`${paint('red', '-')} ${name}: `, paint('red', p.fromText));
  const note =
    p.difference === 'substance'
      ? ''
      : p.difference === 'typographic'
        ? ` (typographic${p.typographicKinds?.length ? `: ${p.typographicKinds.map((k) => KIND_WORDS[k]).join(', ')}` : ''})`
        : ` (${describeDifference(p.difference, p.typographicKinds)})`;
  if (p.difference === 'formatting') return [`${name}${note}`];
  return prefixed(`${name}${note}: `, renderChanges(p.changes, paint).join('\n'));
}

function renderChanges(changes: Change[], paint: (s: Style, t: string) => string): string[] {
  return changes
    .map((c) => (c.added ? paint('green', `{+${c.value}+}`) : c.removed ? paint('red', `[-${c.value}-]`) : c.value))
    .join('')
    .split('\n');
}

function prefixed(prefix: string, text: string): string[] {
  const [first, ...rest] = text.split('\n');
  return [`${prefix}${first}`, ...rest.map((l) => (l ? `  ${l}` : ''))];
}

function indent(lines: string[], pad: string): string[] {
  return lines.map((l) => (l ? pad + l : l));
}

function value(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
