/**
 * Paragraphs → the structure of a standards document: modules, standards, expected results, requirements and
 * indicators, in every way published orders and Word drafts spell them. Pure: it reports what it recognised,
 * what it left as text and why, and never invents a unit, a number or a metadata value.
 */
import { fromRoman } from '../model/labels.js';
import type { Block, Para } from './lines.js';
import { plain } from './lines.js';
import {
  ANNEX_LINE,
  BULLET,
  EXPECTED_RESULTS_LINE,
  INDICATORS_LABEL_LINE,
  INDICATOR_LINE,
  LETTERED,
  MODULE_LINE,
  RANGE,
  REQUIREMENT_LINE,
  SECTION_LINE,
  STANDARD_LINE,
  TRAILING_RANGE,
  actsIn,
  fold,
  isAllCaps,
  isoDate,
  normalize,
  startsItem,
} from './patterns.js';
import type { Run, TableBlock } from './types.js';

export interface OutPara {
  kind: 'para';
  /** Lines of one paragraph (a lead-in and its lettered items). */
  lines: Run[][];
}
export interface OutList {
  kind: 'list';
  ordered: boolean;
  items: Run[][];
}
export interface OutHeading {
  kind: 'heading';
  depth: number;
  runs: Run[];
}
export type OutBlock = OutPara | OutList | OutHeading | TableBlock;

export interface ImportedIndicator {
  runs: Run[];
  /** An explicit id that does not match the indicator's position (kept, so validate shows it). */
  explicit: string | null;
}
export interface ImportedRequirement {
  standard: number;
  index: number;
  /** The module prefix as written (`M.I.-S1.1` → `I`). */
  prefix: string | null;
  title: string;
  text: OutBlock[];
  indicatorsLabel: boolean;
  indicators: ImportedIndicator[];
  /** Blocks after the indicators that are not indicators (left for the drafter). */
  after: OutBlock[];
  line: number;
}
export interface ImportedStandard {
  number: number;
  title: string;
  statement: OutBlock[];
  /** Lines of the expected results (the label's paragraph and the lines after it, before the first requirement). */
  expected: Run[][] | null;
  requirements: ImportedRequirement[];
  line: number;
}
export interface ImportedModule {
  /** The numeral as written, or null for standards found before any module heading. */
  numeral: string | null;
  title: string;
  range: { from: number; to: number } | null;
  blocks: OutBlock[];
  standards: ImportedStandard[];
  line: number;
}
export interface ImportedAnnex {
  title: Run[];
  blocks: OutBlock[];
}
export interface ImportedMeta {
  title?: string;
  issuer?: string;
  date?: string;
  legalBasis: string[];
  lang: 'ro' | 'en';
}
export interface Imported {
  meta: ImportedMeta;
  intro: OutBlock[];
  modules: ImportedModule[];
  annexes: ImportedAnnex[];
}

export interface LeftAsText {
  line: number;
  text: string;
  why: string;
}

export interface Recognition {
  doc: Imported;
  left: LeftAsText[];
  notes: string[];
  /** Where the order's own text was dropped (before the annex heading): first and last line, count. */
  order: { from: number; to: number; paragraphs: number } | null;
}

export interface RecogniseOptions {
  keepCase?: boolean;
  /** What a position is called in messages: `line` (text) or `paragraph` (Word). */
  unit?: 'line' | 'paragraph';
}

type Where =
  | { in: 'intro' }
  | { in: 'module'; module: ImportedModule }
  | { in: 'standard'; standard: ImportedStandard }
  | { in: 'requirement'; requirement: ImportedRequirement }
  | { in: 'annex'; annex: ImportedAnnex };

const SHORT = 160;

export function recognise(blocks: Block[], options: RecogniseOptions = {}): Recognition {
  const left: LeftAsText[] = [];
  const notes: string[] = [];
  const meta: ImportedMeta = { legalBasis: [], lang: 'ro' };
  const doc: Imported = { meta, intro: [], modules: [], annexes: [] };
  const unitWord = (b: Block) => `${options.unit ?? 'line'} ${b.line}`;
  const paras = blocks.map((b) => (b.kind === 'para' ? trimPara(b) : b));

  // Where the standards start, and whether the order's own text comes before them.
  const first = paras.findIndex((b) => b.kind === 'para' && (moduleHead(b) !== null || standardHead(b) !== null));
  let start = 0;
  let order: Recognition['order'] = null;
  if (first > 0) {
    let annexAt = -1;
    for (let i = first - 1; i >= 0; i--) {
      const b = paras[i]!;
      if (b.kind === 'para' && annexHead(b)) {
        annexAt = i;
        break;
      }
    }
    if (annexAt > 0) {
      const before = paras.slice(0, annexAt);
      readOrderMeta(before, meta);
      order = { from: lineOf(before[0]!), to: lineOf(before[before.length - 1]!), paragraphs: before.length };
    }
    if (annexAt >= 0) {
      start = annexAt + 1;
      const titleLines: string[] = [];
      while (start < first && titleLines.length < 3) {
        const b = paras[start]!;
        if (b.kind !== 'para') break;
        const t = normalize(plain(b.runs));
        const titleLike =
          b.title === true || (b.heading !== undefined && b.heading <= 1) || (isAllCaps(t) && !startsItem(t)) || (titleLines.length > 0 && /^(?:pentru|privind|în|din|ale?|a)\b/u.test(t));
        if (!titleLike || /[.;:]$/u.test(t) || t.length > 300) break;
        titleLines.push(t);
        start++;
      }
      if (titleLines.length > 0) meta.title = titleLines.join('\n');
    }
  }
  if (!meta.title) {
    const b = paras[start];
    if (b && b.kind === 'para' && start < first && (b.title === true || (isAllCaps(plain(b.runs)) && /STANDARD/iu.test(plain(b.runs)) && !startsItem(normalize(plain(b.runs)))))) {
      const lines = [normalize(plain(b.runs))];
      start++;
      const next = paras[start];
      if (next && next.kind === 'para' && start < first && /^(?:pentru|privind)\b/u.test(normalize(plain(next.runs)))) {
        lines.push(normalize(plain(next.runs)));
        start++;
      }
      meta.title = lines.join('\n');
    }
  }

  let where: Where = { in: 'intro' };
  let module: ImportedModule | null = null;
  let standard: ImportedStandard | null = null;
  let afterUnits = false;
  let lastModule = -1;
  for (let k = paras.length - 1; k >= 0 && lastModule === -1; k--) {
    const b = paras[k]!;
    if (b.kind === 'para' && moduleHead(b) !== null) lastModule = k;
  }
  const moduleFollows = (i: number) => i < lastModule;

  const container = (): OutBlock[] => {
    switch (where.in) {
      case 'intro':
        return doc.intro;
      case 'module':
        return where.module.blocks;
      case 'standard':
        return where.standard.statement;
      case 'requirement':
        return where.requirement.indicators.length > 0 || where.requirement.indicatorsLabel ? where.requirement.after : where.requirement.text;
      case 'annex':
        return where.annex.blocks;
    }
  };
  const addPara = (runs: Run[], target = container()) => target.push({ kind: 'para', lines: [runs] });
  const addLettered = (runs: Run[]) => {
    const target = container();
    const last = target[target.length - 1];
    if (last && last.kind === 'para') last.lines.push(runs);
    else addPara(runs, target);
  };
  const addListItem = (runs: Run[], ordered: boolean) => {
    const target = container();
    const last = target[target.length - 1];
    if (last && last.kind === 'list' && last.ordered === ordered) last.items.push(runs);
    else target.push({ kind: 'list', ordered, items: [runs] });
  };
  const keep = (b: Para, why: string) => {
    left.push({ line: b.line, text: excerpt(plain(b.runs)), why });
  };
  const implicitModule = (line: number): ImportedModule => {
    const m: ImportedModule = { numeral: null, title: '', range: null, blocks: [], standards: [], line };
    doc.modules.push(m);
    notes.push('standards found before any module heading: they are written without one (validate reports it)');
    return m;
  };

  for (let i = start; i < paras.length; i++) {
    const b = paras[i]!;
    if (b.kind === 'table') {
      container().push(withPlainHeader(b));
      continue;
    }
    const text = normalize(plain(b.runs));
    const f = fold(plain(b.runs));
    if (text === '') continue;

    const mh = moduleHead(b);
    if (mh) {
      module = { numeral: mh.numeral, title: mh.title, range: mh.range, blocks: [], standards: [], line: b.line };
      // A title or a range on the lines after a bare `MODULUL I`.
      while (i + 1 < paras.length) {
        const next = paras[i + 1]!;
        if (next.kind !== 'para') break;
        const t = normalize(plain(next.runs));
        const r = RANGE.exec(t);
        if (r && !module.range) {
          module.range = { from: Number(r[1]), to: Number(r[2] ?? r[1]) };
          i++;
          continue;
        }
        if (!module.title && isAllCaps(t) && !startsItem(t) && t.length <= SHORT) {
          const tr = TRAILING_RANGE.exec(t);
          module.title = tr ? t.slice(0, tr.index).trim() : t;
          if (tr) module.range = { from: Number(tr[1]), to: Number(tr[2] ?? tr[1]) };
          i++;
          continue;
        }
        break;
      }
      doc.modules.push(module);
      standard = null;
      afterUnits = true;
      where = { in: 'module', module };
      continue;
    }
    const sh = standardHead(b);
    if (sh) {
      if (!module) module = implicitModule(b.line);
      if (sh.prefix && module.numeral && sh.prefix.toUpperCase() !== module.numeral.toUpperCase()) {
        notes.push(`${unitWord(b)}: "${excerpt(text)}" names module ${sh.prefix} inside module ${module.numeral} (kept in module ${module.numeral})`);
      }
      standard = { number: sh.number, title: sh.title, statement: [], expected: null, requirements: [], line: b.line };
      const next = paras[i + 1];
      if (!standard.title && next && next.kind === 'para') {
        const t = normalize(plain(next.runs));
        if (isAllCaps(t) && !startsItem(t) && t.length <= SHORT) {
          standard.title = t;
          i++;
        }
      }
      module.standards.push(standard);
      afterUnits = true;
      where = { in: 'standard', standard };
      continue;
    }
    if (where.in === 'intro' && !afterUnits) {
      const sec = SECTION_LINE.exec(f.trim());
      if (sec && text.length <= SHORT) {
        doc.intro.push({ kind: 'heading', depth: 2, runs: b.runs });
        continue;
      }
    }
    if (afterUnits) {
      const annex = annexHead(b);
      const section = SECTION_LINE.test(text) && text.length <= SHORT && !moduleFollows(i);
      if (annex || section || ((where as Where).in === 'annex' && b.heading === 1)) {
        if (section) notes.push(`${unitWord(b)}: "${excerpt(text)}" after the last module is written as an annex (the format places nothing else after the modules)`);
        const a: ImportedAnnex = { title: section ? [{ text: 'Anexa – ' }, ...b.runs] : b.runs, blocks: [] };
        doc.annexes.push(a);
        module = null;
        standard = null;
        where = { in: 'annex', annex: a };
        continue;
      }
    }
    if (where.in === 'annex') {
      if (b.heading !== undefined) where.annex.blocks.push({ kind: 'heading', depth: Math.min(6, Math.max(2, b.heading)), runs: b.runs });
      else if (LETTERED.test(text)) addLettered(b.runs);
      else if (b.listItem) addListItem(stripBullet(b.runs), b.listItem === 'ordered');
      else addPara(b.runs);
      continue;
    }

    // A range on its own line right after a module heading.
    const range = RANGE.exec(text);
    if (range && where.in === 'module' && where.module.standards.length === 0 && !where.module.range) {
      where.module.range = { from: Number(range[1]), to: Number(range[2] ?? range[1]) };
      continue;
    }

    const req = REQUIREMENT_LINE.exec(f.trim());
    if (req && standard && (where.in === 'standard' || where.in === 'requirement')) {
      const n = Number(req[2]);
      const index = Number(req[3]);
      if (n !== standard.number) {
        keep(b, `a requirement id of standard ${n} inside Standard ${standard.number}`);
      } else {
        const rest = dropChars(b.runs, f.trim().length - req[4]!.length);
        const requirement: ImportedRequirement = {
          standard: n,
          index,
          prefix: req[1] ?? null,
          title: '',
          text: [],
          indicatorsLabel: false,
          indicators: [],
          after: [],
          line: b.line,
        };
        if (b.heading !== undefined) {
          requirement.title = normalize(plain(rest)).replace(/^[.:\-]\s*/u, '');
        } else {
          const { title, body } = boldTitle(rest);
          requirement.title = title;
          if (body.length > 0 && plain(body).trim() !== '') requirement.text.push({ kind: 'para', lines: [body] });
        }
        if (module && requirement.prefix && module.numeral && requirement.prefix.toUpperCase() !== module.numeral.toUpperCase()) {
          notes.push(`${unitWord(b)}: requirement S${n}.${index} names module ${requirement.prefix} inside module ${module.numeral}`);
        }
        standard.requirements.push(requirement);
        where = { in: 'requirement', requirement };
        continue;
      }
    }

    if (req && !standard) keep(b, 'a requirement id before any standard heading');
    if (where.in !== 'requirement' && INDICATOR_LINE.test(f.trim())) keep(b, 'an indicator outside any requirement');

    const er = EXPECTED_RESULTS_LINE.exec(f.trim());
    if (er && where.in === 'standard') {
      const s = where.standard;
      const restLength = er[1]?.length ?? 0;
      let runs = dropChars(b.runs, f.trim().length - restLength);
      if (restLength === 0) {
        const next = paras[i + 1];
        if (next && next.kind === 'para' && !startsItem(normalize(plain(next.runs)))) {
          runs = next.runs;
          i++;
        }
      }
      if (s.expected) s.expected.push(runs);
      else s.expected = [runs];
      continue;
    }
    if (er && where.in === 'requirement') {
      keep(b, `expected results inside requirement S${where.requirement.standard}.${where.requirement.index} (they belong to the standard, before its requirements)`);
      addPara(b.runs);
      continue;
    }

    if (where.in === 'requirement') {
      const r = where.requirement;
      if (INDICATORS_LABEL_LINE.test(text)) {
        r.indicatorsLabel = true;
        continue;
      }
      const ind = INDICATOR_LINE.exec(f.trim());
      if (ind) {
        const runs = dropChars(b.runs, f.trim().length - ind[5]!.length);
        const position = r.indicators.length + 1;
        let explicit: string | null = null;
        if (ind[2] !== undefined) {
          const [k, s, m] = [Number(ind[2]), Number(ind[3]), Number(ind[4])];
          if (k !== position || s !== r.standard || m !== r.index) {
            explicit = `Im${k}S${s}.${m}`;
            notes.push(`${unitWord(b)}: indicator ${explicit} is indicator ${position} of S${r.standard}.${r.index}: its id is kept for validate to show`);
          }
        }
        r.indicators.push({ runs, explicit });
        continue;
      }
      if (r.indicatorsLabel && (b.listItem || BULLET.test(text) || r.after.length === 0)) {
        if (!b.listItem && !BULLET.test(text) && r.indicators.length > 0 && /^\p{Ll}/u.test(text)) {
          // a wrapped indicator
          const last = r.indicators[r.indicators.length - 1]!;
          last.runs = [...last.runs, { text: ' ' }, ...b.runs];
          continue;
        }
        r.indicators.push({ runs: stripBullet(b.runs), explicit: null });
        continue;
      }
      if (r.indicators.length > 0 || r.indicatorsLabel) {
        keep(b, `after the indicators of S${r.standard}.${r.index}: neither an indicator nor the next requirement`);
      }
    }
    if (where.in === 'standard' && where.standard.expected && where.standard.requirements.length === 0 && !startsItem(text) && b.heading === undefined) {
      // More expected results on the lines after the label.
      where.standard.expected.push(b.runs);
      continue;
    }

    if (b.heading !== undefined && where.in !== 'intro') {
      keep(b, 'a heading that is no module, standard or requirement: kept as a paragraph');
      addPara(b.runs);
      continue;
    }
    if (b.heading !== undefined) {
      doc.intro.push({ kind: 'heading', depth: Math.min(6, Math.max(2, b.heading)), runs: b.runs });
      continue;
    }
    if (LETTERED.test(text)) {
      addLettered(b.runs);
      continue;
    }
    if (b.listItem || BULLET.test(text)) {
      addListItem(b.listItem ? b.runs : stripBullet(b.runs), b.listItem === 'ordered');
      continue;
    }
    if (where.in === 'standard' && where.standard.requirements.length === 0 && where.standard.expected) {
      keep(b, `between the expected results and the first requirement of Standard ${where.standard.number}`);
    }
    if (SECTION_LINE.test(text) && where.in !== 'intro') keep(b, 'a section heading between modules: kept as a paragraph');
    addPara(b.runs);
  }

  // Titles in capitals are written in sentence case, keeping the abbreviations the text uses (ANITP, DGASPC).
  if (!options.keepCase) {
    const acronyms = acronymsOf(doc);
    for (const m of doc.modules) {
      m.title = sentenceCase(m.title, acronyms);
      for (const s of m.standards) {
        s.title = sentenceCase(s.title, acronyms);
        for (const r of s.requirements) r.title = sentenceCase(r.title, acronyms);
      }
    }
    if (meta.title) meta.title = titleLinesCase(meta.title.split('\n'), acronyms);
  }
  if (meta.title && options.keepCase) meta.title = meta.title.replace(/\n/g, ' ');
  return { doc, left, notes, order };
}

/** Title lines (`STANDARDE MINIME DE CALITATE` / `pentru centrele …`) → one title in sentence case. */
function titleLinesCase(lines: string[], acronyms: Set<string>): string {
  return lines
    .map((l, k) => {
      const cased = sentenceCase(l, acronyms);
      return k > 0 && cased !== l ? cased[0]!.toLocaleLowerCase('ro') + cased.slice(1) : cased;
    })
    .join(' ');
}

function lineOf(b: Block): number {
  return b.line;
}


/** A module heading, when the paragraph is one. */
function moduleHead(b: Para): { numeral: string; title: string; range: { from: number; to: number } | null } | null {
  const f = fold(plain(b.runs)).trim();
  const m = MODULE_LINE.exec(f);
  if (!m) return null;
  let title = normalize(m[2]!);
  if (!headingLike(b, title)) return null;
  let range: { from: number; to: number } | null = null;
  const r = TRAILING_RANGE.exec(title);
  if (r) {
    range = { from: Number(r[1]), to: Number(r[2] ?? r[1]) };
    title = title.slice(0, r.index).trim();
  }
  const numeral = /^\d+$/.test(m[1]!) ? m[1]! : m[1]!.toUpperCase();
  if (!/^\d+$/.test(numeral) && fromRoman(numeral) === null) return null;
  return { numeral, title: title.replace(/[.:\-]\s*$/u, '').trim(), range };
}

/** A standard heading, when the paragraph is one. */
function standardHead(b: Para): { prefix: string | null; number: number; title: string } | null {
  const f = fold(plain(b.runs)).trim();
  const m = STANDARD_LINE.exec(f);
  if (!m) return null;
  const title = normalize(m[3]!);
  if (!headingLike(b, title)) return null;
  return { prefix: m[1] ?? null, number: Number(m[2]), title: title.replace(/[.:\-]\s*$/u, '').trim() };
}

/** A heading the source marks, or a line that reads like one: short, a capitalised title, no clause punctuation. */
function headingLike(b: Para, title: string): boolean {
  if (b.heading !== undefined) return true;
  if (b.listItem) return false;
  if (title === '') return true;
  if (title.length > SHORT || /[,;]$/u.test(title)) return false;
  return /^[\p{Lu}("„]/u.test(title);
}

function annexHead(b: Para): boolean {
  const t = normalize(plain(b.runs));
  return ANNEX_LINE.test(t) && (b.heading !== undefined || t.length <= SHORT);
}

/** Issuer, date and the acts of the preamble, from the order's text before its annex. */
function readOrderMeta(blocks: Block[], meta: ImportedMeta): void {
  const texts = blocks.filter((b): b is Para => b.kind === 'para').map((b) => normalize(plain(b.runs)));
  const orderAt = texts.findIndex((t) => /^ORDIN(?:UL)?\b/iu.test(t));
  if (orderAt > 0) {
    for (let k = orderAt - 1; k >= 0; k--) {
      const t = texts[k]!;
      if (/^(?:MINISTERUL|MINISTRUL|AGEN[TȚ]IA|AUTORITATEA|GUVERNUL|CASA|OFICIUL|DEPARTAMENTUL)\b/iu.test(t)) {
        meta.issuer = isAllCaps(t) ? titleCase(t) : t;
        break;
      }
    }
  }
  const dated = orderAt >= 0 ? isoDate(texts[orderAt]!) : null;
  const signed = texts.map((t) => (/^Bucure[sș]ti,/u.test(t) ? isoDate(t) : null)).find((d) => d !== null) ?? null;
  if (dated ?? signed) meta.date = (dated ?? signed)!;
  const preambleEnd = texts.findIndex((t) => /^(?:Art(?:icolul)?\.?\s*1\b|ARTICOL UNIC)/iu.test(t));
  const preamble = texts.slice(orderAt >= 0 ? orderAt + 1 : 0, preambleEnd === -1 ? texts.length : preambleEnd);
  const listed = listedActs(preamble);
  if (listed) {
    for (const act of listed) if (!meta.legalBasis.includes(act)) meta.legalBasis.push(act);
    return;
  }
  for (const t of preamble) {
    if (t.length > 5000) continue; // a preamble item is a line; a longer text is no list of acts
    for (const act of actsIn(t)) if (!meta.legalBasis.includes(act)) meta.legalBasis.push(act);
  }
}

/**
 * The acts of a preamble written as the published orders write it: `Având în vedere:` and one dash item per
 * act ending in `;`, then `în temeiul:` with the order's own grounds. The items of the first list, whole,
 * are the acts the standards rest on (the initiator's approval memo, cited first, is not one of them); the
 * grounds of the order are its issuer's, not the standards'. Null when the preamble is written as prose.
 */
function listedActs(preamble: readonly string[]): string[] | null {
  const start = preamble.findIndex((t) => /^având în vedere\s*:$/iu.test(t));
  if (start === -1) return null;
  const acts: string[] = [];
  for (const t of preamble.slice(start + 1)) {
    const item = /^[-–—]\s*(.+?)\s*[;,.]?$/u.exec(t);
    if (!item) break;
    if (/^(?:referatul de aprobare|nota de fundamentare|notei de fundamentare)\b/iu.test(item[1]!)) continue;
    acts.push(item[1]!);
  }
  return acts;
}

function trimPara(b: Para): Para {
  const runs = b.runs.map((r) => ({ ...r }));
  while (runs.length > 0 && runs[0]!.text.trim() === '' && runs[0]!.text !== '\n') runs.shift();
  if (runs[0]) runs[0].text = runs[0].text.replace(/^[ \t\u00a0]+/, '');
  while (runs.length > 0 && runs[runs.length - 1]!.text.trim() === '') runs.pop();
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.replace(/[ \t\u00a0]+$/, '');
  return { ...b, runs: runs.filter((r) => r.text !== '') };
}

/** Runs without their first `n` characters (and the spaces after them). */
export function dropChars(runs: Run[], n: number): Run[] {
  const out: Run[] = [];
  let left = n;
  for (const r of runs) {
    if (left >= r.text.length) {
      left -= r.text.length;
      continue;
    }
    out.push({ ...r, text: r.text.slice(left) });
    left = 0;
  }
  if (out[0]) out[0].text = out[0].text.replace(/^[ \t\u00a0]+/, '');
  return out.filter((r) => r.text !== '');
}

/** `**Title.** text` after a requirement id (as Word drafts and stdraft's own documents print titles). */
function boldTitle(runs: Run[]): { title: string; body: Run[] } {
  const firstPlain = runs.findIndex((r) => !r.bold && r.text.trim() !== '');
  if (firstPlain <= 0) return { title: '', body: runs };
  const head = runs.slice(0, firstPlain);
  if (!head.every((r) => r.bold || r.text.trim() === '')) return { title: '', body: runs };
  const title = normalize(plain(head));
  if (!/[.:]$/u.test(title) || title.length > SHORT) return { title: '', body: runs };
  return { title: title.replace(/[.:]$/u, '').trim(), body: dropChars(runs.slice(firstPlain), 0) };
}

function stripBullet(runs: Run[]): Run[] {
  const f = fold(plain(runs));
  const m = BULLET.exec(f.trimStart());
  return m ? dropChars(runs, f.length - f.trimStart().length + m[0].length) : runs;
}

function excerpt(text: string): string {
  const t = normalize(text).replace(/\n/g, ' ');
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

/** Words in capitals used in the running text: abbreviations a sentence-cased title keeps. */
function acronymsOf(doc: Imported): Set<string> {
  const words = new Set<string>();
  const visit = (runs: Run[]) => {
    for (const w of plain(runs).match(/\p{Lu}{2,}\p{Lu}*/gu) ?? []) words.add(w);
  };
  const blocks = (bs: OutBlock[]) => {
    for (const b of bs) {
      if (b.kind === 'para') b.lines.forEach(visit);
      else if (b.kind === 'list') b.items.forEach(visit);
      else if (b.kind === 'table') b.rows.forEach((row) => row.forEach(visit));
    }
  };
  blocks(doc.intro);
  for (const m of doc.modules) {
    blocks(m.blocks);
    for (const s of m.standards) {
      blocks(s.statement);
      s.expected?.forEach(visit);
      for (const r of s.requirements) {
        blocks(r.text);
        r.indicators.forEach((i) => visit(i.runs));
      }
    }
  }
  // A word written in capitals in every sentence is not an abbreviation (a text all in capitals).
  return words;
}

/** `ACCESAREA SERVICIULUI` → `Accesarea serviciului`; other titles as written. */
export function sentenceCase(title: string, keep: Set<string>): string {
  if (!isAllCaps(title)) return title;
  let first = true;
  return title.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const out = keep.has(word) || /\d/u.test(word) || (/^[IVXL]+$/u.test(word) && fromRoman(word) !== null) ? word : first ? word[0]! + word.slice(1).toLocaleLowerCase('ro') : word.toLocaleLowerCase('ro');
    first = false;
    return out;
  });
}

const SMALL_WORDS = new Set(['și', 'de', 'din', 'a', 'al', 'ale', 'pentru', 'împotriva', 'în', 'la', 'cu', 'privind', 'pe', 'ale']);

/** `MINISTERUL MUNCII ȘI JUSTIȚIEI SOCIALE` → `Ministerul Muncii și Justiției Sociale`. */
function titleCase(text: string): string {
  let first = true;
  return text.replace(/[\p{L}]+/gu, (word) => {
    const lower = word.toLocaleLowerCase('ro');
    const out = !first && SMALL_WORDS.has(lower) ? lower : lower[0]!.toLocaleUpperCase('ro') + lower.slice(1);
    first = false;
    return out;
  });
}

/** A header row whose every cell is bold is a header's styling: the Markdown table header says it already. */
function withPlainHeader(table: TableBlock): TableBlock {
  const [head, ...rest] = table.rows;
  if (!head || head.length === 0) return table;
  const allBold = head.every((cell) => cell.some((r) => r.text.trim() !== '') && cell.every((r) => r.bold || r.text.trim() === ''));
  if (!allBold) return table;
  return { ...table, rows: [head.map((cell) => cell.map((r) => ({ text: r.text, ...(r.italic ? { italic: true } : {}) }))), ...rest] };
}
