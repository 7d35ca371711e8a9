/**
 * Observation registers (`standards/<set>/comments/*.yaml`): reading them with positions, their targets,
 * and finding a target's unit in a version.
 */
import { isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { MULTIPLE_DOCUMENTS, readYaml } from '../yaml/reader.js';
import type { Module, Requirement, Span, Standard, StandardsDoc, Indicator } from '../model/types.js';
import { fromRoman } from '../model/labels.js';

export const DECISIONS = ['accepted', 'partially-accepted', 'rejected', 'pending'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The Romanian words for the decisions, accepted as aliases (with or without diacritics, in any case):
 * `acceptată`, `acceptată parțial` / `parțial acceptată`, `respinsă`, `în așteptare`.
 */
const DECISION_ALIASES: Record<string, Decision> = {
  acceptata: 'accepted',
  acceptat: 'accepted',
  'acceptata partial': 'partially-accepted',
  'acceptat partial': 'partially-accepted',
  'partial acceptata': 'partially-accepted',
  'partial acceptat': 'partially-accepted',
  respinsa: 'rejected',
  respins: 'rejected',
  'in asteptare': 'pending',
};

/** A decision as written → its canonical name (unknown words are returned as written, for the schema message). */
export function canonicalDecision(written: string): string {
  const bare = written
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
  return DECISION_ALIASES[bare] ?? written;
}

export interface Observation {
  /** The id as written (number or text). */
  id: string;
  target: string;
  by: string;
  text: string;
  decision: string;
  response: string;
  /** Positions of the item and of each field, for diagnostics. */
  span: Span;
  fields: Record<string, Span>;
}

export interface Register {
  file: string;
  title: string;
  date: string;
  from: string;
  to: string | null;
  comments: Observation[];
  /** Positions of the top-level keys. */
  fields: Record<string, Span>;
}

export interface RegisterProblem {
  ruleId: 'register';
  messageId: string;
  message: string;
  span: Span;
}

const ORIGIN: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Reads a register; never throws on user input: problems carry positions. */
export function parseRegister(text: string, file: string): { register: Register; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  // The guarded reader: duplicate keys, aliases, tags and nesting checked in linear time (yaml/reader.ts).
  const read = readYaml(text.replace(/^\uFEFF/, ''));
  const { doc, lines } = read;
  const spanOf = (node: YamlNode | null | undefined): Span => {
    const range = node?.range;
    if (!range) return ORIGIN;
    const a = lines.linePos(range[0]);
    const b = lines.linePos(range[1]);
    return { start: { line: a.line, column: a.col, offset: range[0] }, end: { line: b.line, column: b.col, offset: range[1] } };
  };
  const report = (messageId: string, message: string, span: Span) => problems.push({ ruleId: 'register', messageId, message, span });
  const register: Register = { file, title: '', date: '', from: '', to: null, comments: [], fields: {} };

  if (read.problem) {
    const p = read.problem;
    const at = { line: p.line, column: p.column, offset: p.offset };
    const message = p.message === MULTIPLE_DOCUMENTS
      ? 'Expected one YAML document (an observation register), found a second one after a "---" line (is this a Markdown version file?)'
      : `Invalid YAML: ${p.message}`;
    report('yaml', message, p.whole ? ORIGIN : { start: at, end: at });
    return { register, problems };
  }
  if (!isMap(doc.contents)) {
    report('schema', 'Expected a mapping with title, date, from, to and comments, found ' + (doc.contents ? 'something else' : 'nothing'), ORIGIN);
    return { register, problems };
  }

  const scalarText = (node: unknown): string | null => {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    return null;
  };
  const top = doc.contents;
  for (const pair of top.items) {
    const key = scalarText(pair.key);
    if (key === null) continue;
    register.fields[key] = spanOf(pair.key as YamlNode);
    const value = pair.value as YamlNode | null;
    switch (key) {
      case 'title':
      case 'date':
      case 'from':
      case 'to': {
        const v = scalarText(value);
        if (v === null) report('schema', `Expected "${key}" to be text, found ${describeYaml(value)}`, spanOf(value ?? (pair.key as YamlNode)));
        else if (key === 'to') register.to = v;
        else register[key] = v;
        break;
      }
      case 'comments':
        break;
      default:
        report('schema', `Unknown key "${key}" (expected title, date, from, to, comments)`, spanOf(pair.key as YamlNode));
    }
  }
  for (const key of ['title', 'date', 'from', 'comments']) {
    if (!top.has(key)) report('schema', `Expected the key "${key}", found none`, ORIGIN);
  }
  if (register.date && !/^\d{4}-\d{2}-\d{2}$/.test(register.date)) {
    report('schema', `Expected date as YYYY-MM-DD, found "${register.date}"`, register.fields['date'] ?? ORIGIN);
  }

  const list = top.get('comments', true) as YamlNode | undefined;
  if (list !== undefined && !isSeq(list)) {
    report('schema', `Expected "comments" to be a list of observations, found ${describeYaml(list)}`, spanOf(list));
  }
  if (isSeq(list)) {
    const seen = new Map<string, number>();
    for (const item of list.items as YamlNode[]) {
      const span = spanOf(item);
      if (!isMap(item)) {
        report('schema', `Expected an observation (id, target, by, text, decision, response), found ${describeYaml(item)}`, span);
        continue;
      }
      const obs: Observation = { id: '', target: '', by: '', text: '', decision: '', response: '', span, fields: {} };
      for (const pair of item.items) {
        const key = scalarText(pair.key);
        if (key === null) continue;
        obs.fields[key] = spanOf(pair.value as YamlNode);
        if (!['id', 'target', 'by', 'text', 'decision', 'response'].includes(key)) {
          report('schema', `Unknown key "${key}" in an observation (expected id, target, by, text, decision, response)`, spanOf(pair.key as YamlNode));
          continue;
        }
        const v = scalarText(pair.value);
        if (v === null) {
          report('schema', `Expected "${key}" to be text, found ${describeYaml(pair.value as YamlNode)}`, spanOf((pair.value as YamlNode) ?? (pair.key as YamlNode)));
          continue;
        }
        (obs as unknown as Record<string, string>)[key] = v;
      }
      obs.decision = canonicalDecision(obs.decision);
      const label = obs.id ? `observation ${obs.id}` : 'an observation';
      for (const key of ['id', 'target', 'by', 'text', 'decision'] as const) {
        if (!item.has(key)) report('schema', `Expected "${key}" in ${label}, found none`, span);
      }
      if (obs.decision && !(DECISIONS as readonly string[]).includes(obs.decision)) {
        report('schema', `Expected decision accepted, partially-accepted, rejected or pending in ${label}, found "${obs.decision}"`, obs.fields['decision'] ?? span);
      }
      if (obs.decision && obs.decision !== 'pending' && !obs.response.trim()) {
        report('schema', `Expected a response in ${label} (decision ${obs.decision}); only pending observations may have none`, span);
      }
      if (obs.id) {
        const first = seen.get(obs.id);
        if (first !== undefined) report('duplicate-id', `Expected unique ids, found id ${obs.id} again (first on line ${first})`, obs.fields['id'] ?? span);
        else seen.set(obs.id, span.start.line);
      }
      register.comments.push(obs);
    }
  }
  return { register, problems };
}

function describeYaml(node: YamlNode | null | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'nothing' : JSON.stringify(node.value);
  return 'something else';
}

/** What a target names. */
export type UnitRef =
  | { kind: 'requirement'; standard: number; index: number; indexed?: number }
  | { kind: 'indicator'; k: number; standard: number; index: number; indexed?: number }
  | { kind: 'standard'; number: number }
  | { kind: 'module'; number: number; numeral: string };

export interface Target {
  /** The version named explicitly (`2016-02:S4.2`), or null for the register's `from`. */
  version: string | null;
  unit: UnitRef;
}

const TARGET =
  /^(?:(?<version>[^:\s]+):\s*)?(?:(?<ind>Im(?<k>\d+)\s?S(?<is>\d+)\.(?<ii>\d+)(?:\^(?<iix>\d+))?)|(?:M\.[IVXLCDM]+\.-)?S(?<s>\d+)\.(?<i>\d+)(?:\^(?<ix>\d+))?|(?:standardul|standard)\s+(?<std>\d+)|(?:modulul|modul|module)\s+(?<mod>[IVXLCDM]+))$/iu;

/** Reads `S3.1`, `M.I.-S3.1`, `Im2S3.1`, `Standardul 3`, `Modulul II`, optionally prefixed `VERSION:`; null if unreadable. */
export function parseTarget(text: string): Target | null {
  const m = TARGET.exec(text.trim());
  if (!m?.groups) return null;
  const g = m.groups;
  const version = g['version'] ?? null;
  const indexed = (key: string) => (g[key] ? { indexed: Number(g[key]) } : {});
  if (g['ind']) return { version, unit: { kind: 'indicator', k: Number(g['k']), standard: Number(g['is']), index: Number(g['ii']), ...indexed('iix') } };
  if (g['s']) return { version, unit: { kind: 'requirement', standard: Number(g['s']), index: Number(g['i']), ...indexed('ix') } };
  if (g['std']) return { version, unit: { kind: 'standard', number: Number(g['std']) } };
  const numeral = g['mod']!.toUpperCase();
  const number = fromRoman(numeral);
  return number === null ? null : { version, unit: { kind: 'module', number, numeral } };
}

export type ResolvedUnit =
  | { kind: 'requirement'; node: Requirement; standard: Standard; module: Module }
  | { kind: 'indicator'; node: Indicator; requirement: Requirement; standard: Standard; module: Module }
  | { kind: 'standard'; node: Standard; module: Module }
  | { kind: 'module'; node: Module };

/** The unit a reference names in a document (by the numbers written in it), or null. */
export function resolveUnit(doc: StandardsDoc, unit: UnitRef): ResolvedUnit | null {
  for (const module of doc.modules) {
    if (unit.kind === 'module') {
      if (module.heading && module.number === unit.number) return { kind: 'module', node: module };
      continue;
    }
    for (const standard of module.standards) {
      if (unit.kind === 'standard') {
        if (standard.number === unit.number) return { kind: 'standard', node: standard, module };
        continue;
      }
      for (const requirement of standard.requirements) {
        if (!requirement.id || requirement.id.standard !== unit.standard || requirement.id.index !== unit.index) continue;
        if ((requirement.id.indexed ?? 0) !== (unit.indexed ?? 0)) continue;
        if (unit.kind === 'requirement') return { kind: 'requirement', node: requirement, standard, module };
        const indicator = requirement.indicators[unit.k - 1];
        return indicator ? { kind: 'indicator', node: indicator, requirement, standard, module } : null;
      }
    }
  }
  return null;
}

/** `S3.1`, `Im2S3.1`, `Standardul 3`, `Modulul II` */
export function unitLabel(unit: UnitRef, lang: 'ro' | 'en' = 'ro'): string {
  switch (unit.kind) {
    case 'requirement':
      return `S${unit.standard}.${unit.index}${unit.indexed ? `^${unit.indexed}` : ''}`;
    case 'indicator':
      return `Im${unit.k}S${unit.standard}.${unit.index}${unit.indexed ? `^${unit.indexed}` : ''}`;
    case 'standard':
      return `${lang === 'en' ? 'Standard' : 'Standardul'} ${unit.number}`;
    case 'module':
      return `${lang === 'en' ? 'Module' : 'Modulul'} ${unit.numeral}`;
  }
}
