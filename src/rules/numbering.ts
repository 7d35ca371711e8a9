/**
 * numbering: modules I, II, … in order; standards 1, 2, … across the whole document; requirements
 * S<n>.1, S<n>.2, … where n is the enclosing standard; a module prefix (M.I.-S1.1) names the enclosing
 * module; a module's standard range matches its standards; explicit indicator prefixes match their position.
 * Each message says what was expected and what was found. The fix is `fmt --renumber` (references follow).
 */
import { fromRoman, labelsFor, standardRangeText, toRoman } from '../model/labels.js';
import { planChanges, planRenumber, type RenumberPlan } from '../print/renumber.js';
import type { Module, Requirement, Standard, StandardsDoc } from '../model/types.js';
import { requirementKey } from '../model/references.js';
import { formatDocument, formatVerified } from '../print/index.js';
import { renumberRefusal } from '../print/renumber-guard.js';
import { summariseRenumber } from '../print/renumber-summary.js';
import { findReferences } from '../model/references.js';
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

export const numbering: DocumentRule = {
  kind: 'document',
  id: 'numbering',
  description: 'Numbering: modules Roman and consecutive from I, standards consecutive from 1 across the document, requirements S<n>.<m> from 1 in their standard, indicator prefixes by position',
  severity: 'error',
  messages: {
    module: 'Expected {{expected}}, found {{found}}',
    'module-duplicate': 'Expected {{expected}}, found {{found}} again (first on line {{line}})',
    'module-range': 'Expected the range ({{expected}}) for the standards of {{unit}}, found ({{found}})',
    standard: 'Expected {{expected}}, found {{found}}',
    'standard-duplicate': 'Expected {{expected}}, found {{found}} again (first on line {{line}})',
    requirement: 'Expected {{expected}}, found {{found}}',
    'requirement-duplicate': 'Expected {{expected}}, found {{found}} again (first on line {{line}})',
    'standards-inserted':
      'Expected standards {{expectedFrom}}–{{expectedTo}}, found {{from}}–{{to}}: {{newUnit}} (line {{line}}) is new and the {{count}} standards after it carry their old numbers; `stdraft fmt --renumber` renumbers them and updates the references',
    'standards-removed':
      'Expected standards {{expectedFrom}}–{{expectedTo}}, found {{from}}–{{to}}: there is no {{gap}} and the {{count}} standards after the gap keep their old numbers; `stdraft fmt --renumber` renumbers them and updates the references',
    'modules-shifted':
      'Expected modules {{expectedFrom}}–{{expectedTo}}, found {{from}}–{{to}}: the {{count}} modules carry numbers off by the same amount (a module inserted or removed before them); `stdraft fmt --renumber` renumbers them and updates the references',
    'standards-shifted':
      'Expected standards {{expectedFrom}}–{{expectedTo}}, found {{from}}–{{to}}: {{count}} standards numbered off by the same amount; `stdraft fmt --renumber` renumbers them and updates the references',
    indicator: 'Expected the prefix {{expected}} (the position of the indicator in {{id}}), found {{found}}',
  },
  fixRefusal: renumberRefusal,
  fix(parsed) {
    if (parsed.doc.problems.some((p) => p.fatal) || renumberRefusal(parsed.doc)) return null;
    try {
      formatVerified(parsed); // a document fmt cannot print losslessly is not renumbered either
    } catch {
      return null;
    }
    const plan = planRenumber(parsed.doc);
    const text = formatDocument(parsed, { renumber: plan }).replace(/^\uFEFF/, '');
    const changes = planChanges(parsed.doc, plan).length > 0 ? summariseRenumber(parsed.doc, plan).map((c) => `renumbered ${c}`) : [];
    const cited = citedUnits(parsed.doc, parsed.source.text);
    return {
      text,
      changes: [...changes, ...duplicateNotes(parsed.doc, plan, cited), 'renumbered: numbers, ranges, indicator prefixes and references follow (the file is now in canonical form)'],
    };
  },
  check(doc, ctx) {
    // A line that looks like a heading shifts every number after it: structure reports that one cause.
    if (doc.problems.some((p) => p.messageId === 'heading-like')) return;
    const labels = labelsFor(doc.lang);
    const moduleName = (numeral: string) => `${labels.module} ${numeral}`;
    const standardName = (n: number | string) => `${labels.standard} ${n}`;

    const moduleRuns = shiftedModuleRuns(doc);
    let moduleNo = 0;
    const modulesSeen = new Map<number, number>();
    for (const module of doc.modules) {
      if (!module.heading || module.numeral === null) continue;
      moduleNo++;
      const expected = moduleName(toRoman(moduleNo));
      const found = moduleName(module.numeral);
      const value = /^\d+$/.test(module.numeral) ? null : module.number;
      const moduleRun = moduleRuns.get(module);
      if (moduleRun && moduleRun.members[0] === module) {
        const count = moduleRun.members.length;
        const span = { start: module.heading.span.start, end: moduleRun.members[count - 1]!.heading!.span.end };
        const data = { count, from: toRoman(moduleRun.from), to: toRoman(moduleRun.from + count - 1), expectedFrom: toRoman(moduleRun.expectedFrom), expectedTo: toRoman(moduleRun.expectedFrom + count - 1) };
        ctx.report({ messageId: 'modules-shifted', span, data });
      } else if (moduleRun) {
        // reported once, with its run
      } else if (value !== moduleNo) {
        const first = value === null ? undefined : modulesSeen.get(value);
        if (first !== undefined) ctx.report({ messageId: 'module-duplicate', node: module.heading.node, data: { expected, found, line: first } });
        else ctx.report({ messageId: 'module', node: module.heading.node, data: { expected, found } });
      }
      if (value !== null && !modulesSeen.has(value)) modulesSeen.set(value, module.heading.span.start.line);
    }

    const runs = shiftedRuns(doc);
    let standardNo = 0;
    const standardsSeen = new Map<number, number>();
    const requirementsSeen = new Map<string, number>();
    for (const module of doc.modules) {
      const firstStandard = standardNo + 1;
      for (const standard of module.standards) {
        standardNo++;
        const line = standard.heading.span.start.line;
        const run = runs.get(standard);
        if (run && run.first === standard) {
          const count = run.members.length;
          const last = run.members[count - 1]!;
          const span = { start: standard.heading.span.start, end: last.heading.span.end };
          const data = { count, from: run.from, to: run.from + count - 1, expectedFrom: run.expectedFrom, expectedTo: run.expectedFrom + count - 1, unit: standardName(run.from) };
          if (run.cause === 'inserted') ctx.report({ messageId: 'standards-inserted', span, data: { ...data, newUnit: standardName(run.expectedFrom - 1), line: run.causeLine } });
          else if (run.cause === 'removed') ctx.report({ messageId: 'standards-removed', span, data: { ...data, gap: standardName(run.expectedFrom) } });
          else ctx.report({ messageId: 'standards-shifted', span, data });
        } else if (run) {
          // reported once, with its run
        } else if (standard.number !== standardNo) {
          const first = standard.number === null ? undefined : standardsSeen.get(standard.number);
          const data = { expected: standardName(standardNo), found: standardName(standard.number ?? '?') };
          if (first !== undefined) ctx.report({ messageId: 'standard-duplicate', node: standard.heading.node, data: { ...data, line: first } });
          else ctx.report({ messageId: 'standard', node: standard.heading.node, data });
        }
        if (standard.number !== null && !standardsSeen.has(standard.number)) standardsSeen.set(standard.number, line);

        const position = insertedIndexPositions();
        standard.requirements.forEach((req) => {
          const at = position(req);
          if (!req.id) return;
          const written = requirementKey(req.id);
          const prefixValue = req.id.modulePrefix === null ? null : fromRoman(req.id.modulePrefix);
          const prefixWrong = req.id.modulePrefix !== null && module.heading !== null && module.number !== null && prefixValue !== module.number;
          // A requirement may follow its standard's number as written or as it will be: a misnumbered
          // standard is reported once, not again in each of its requirements.
          const standardAgrees = req.id.standard === standard.number || req.id.standard === standardNo;
          const expectedPlain = requirementKey({ standard: standardAgrees ? req.id.standard : standardNo, ...at });
          if (written !== expectedPlain || prefixWrong) {
            const prefix = req.id.modulePrefix !== null && module.numeral !== null ? `M.${(module.number !== null && !/^\d+$/.test(module.numeral) ? toRoman(module.number) : module.numeral)}.-` : '';
            const expected = `${prefix}${expectedPlain}`;
            const first = requirementsSeen.get(written);
            if (first !== undefined && written !== expectedPlain) {
              ctx.report({ messageId: 'requirement-duplicate', node: req.heading.node, data: { expected, found: req.idText, line: first } });
            } else ctx.report({ messageId: 'requirement', node: req.heading.node, data: { expected, found: req.idText } });
          }
          if (!requirementsSeen.has(written)) requirementsSeen.set(written, req.heading.span.start.line);

          for (const indicator of req.indicators) {
            const e = indicator.explicit;
            if (!e) continue;
            if (e.k !== indicator.position || e.standard !== req.id.standard || e.index !== req.id.index) {
              const expectedPrefix = `Im${indicator.position}${requirementKey(req.id)}`;
              ctx.report({ messageId: 'indicator', node: indicator.node, data: { expected: expectedPrefix, found: e.text.replace(/\s*[:.–-]$/, ''), id: written } });
            }
          }
        });
      }
      // The range follows the standards' positions (a misnumbered standard is reported on its own).
      if (module.heading && module.range && module.standards.length > 0 && (module.range.from !== firstStandard || module.range.to !== standardNo)) {
        ctx.report({
          messageId: 'module-range',
          node: module.heading.node,
          data: { expected: standardRangeText(labels, firstStandard, standardNo), found: standardRangeText(labels, module.range.from, module.range.to), unit: moduleName(module.numeral ?? '') },
        });
      }
    }
  },
};

/**
 * The place each requirement of a standard should have, in order: plain ones 1, 2, …; one written with an index
 * (`S1.1^1`, inserted by an amendment without renumbering) keeps the number of the plain one before it and the
 * next index (`^1`, `^2`, …). An indexed one before any plain one should be plain.
 */
function insertedIndexPositions(): (req: Requirement) => { index: number; indexed: number | null } {
  let plain = 0;
  let indexed = 0;
  return (req) => {
    if (req.id?.indexed && plain > 0) return { index: plain, indexed: ++indexed };
    indexed = 0;
    return { index: ++plain, indexed: null };
  };
}

/**
 * Where two units had the same number, references to it now name the later one (the unit that had the number
 * before a new one was inserted ahead of it): said in the report, so the drafter can check them.
 */
function duplicateNotes(doc: StandardsDoc, plan: RenumberPlan, cited: Set<string>): string[] {
  const labels = labelsFor(doc.lang);
  const notes: string[] = [];
  const note = (what: string, lines: number[], target: string) =>
    cited.has(what.toLowerCase()) &&
    notes.push(`${lines.length} units were numbered ${what} (lines ${lines.join(', ')}): references to ${what} now name the last of them, ${target}; check them`);
  const group = <K>(items: { key: K | null; line: number }[]) => {
    const map = new Map<K, number[]>();
    for (const { key, line } of items) if (key !== null) map.set(key, [...(map.get(key) ?? []), line]);
    return [...map].filter(([, lines]) => lines.length > 1);
  };
  const modules = doc.modules.filter((m) => m.heading);
  for (const [numeral, lines] of group(modules.map((m) => ({ key: m.numeral?.toUpperCase() ?? null, line: m.heading!.span.start.line })))) {
    note(`${labels.module} ${numeral}`, lines, `${labels.module} ${plan.moduleRefs.get(numeral)}`);
  }
  const standards = doc.modules.flatMap((m) => m.standards);
  for (const [n, lines] of group(standards.map((s) => ({ key: s.number, line: s.heading.span.start.line })))) {
    note(`${labels.standard} ${n}`, lines, `${labels.standard} ${plan.standardRefs.get(n)}`);
  }
  const requirements = standards.flatMap((s) => s.requirements);
  for (const [id, lines] of group(requirements.map((r) => ({ key: r.id ? requirementKey(r.id) : null, line: r.heading.span.start.line })))) {
    const next = plan.requirementRefs.get(id)!;
    note(id, lines, `S${next.standard}.${next.index}`);
  }
  return notes;
}

/** The units cited in running text (`s3.1`, `standardul 4`, `modulul ii`, lower-cased as duplicateNotes names them). */
function citedUnits(doc: StandardsDoc, text: string): Set<string> {
  const labels = labelsFor(doc.lang);
  const cited = new Set<string>();
  for (const segment of textSegments(doc, text)) {
    for (const ref of findReferences(segment.value)) {
      if (segment.headingLabel && ref.start === 0) continue;
      const t = ref.target;
      if (t.kind === 'requirement') cited.add(`s${t.standard}.${t.index}`);
      else if (t.kind === 'standard') cited.add(`${labels.standard} ${t.number}`.toLowerCase());
      else cited.add(`${labels.module} ${t.numeral}`.toLowerCase());
    }
  }
  return cited;
}

interface ShiftedRun {
  first: Standard;
  members: Standard[];
  /** The first number found and the first expected. */
  from: number;
  expectedFrom: number;
  /** A standard inserted before the run with its number (the run repeats it), one removed (a gap), or neither. */
  cause: 'inserted' | 'removed' | 'other';
  causeLine: number;
}

/**
 * Runs of two or more consecutive standards whose numbers are all off by the same amount: one cause (a standard
 * inserted or removed before them), reported once with the range it affects rather than once per standard.
 */
function shiftedRuns(doc: StandardsDoc): Map<Standard, ShiftedRun> {
  const standards = doc.modules.flatMap((m) => m.standards);
  const out = new Map<Standard, ShiftedRun>();
  let i = 0;
  while (i < standards.length) {
    const s = standards[i]!;
    const delta = s.number === null ? 0 : s.number - (i + 1);
    if (delta === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < standards.length && standards[j]!.number !== null && standards[j]!.number! - (j + 1) === delta) j++;
    if (j - i >= 2) {
      const members = standards.slice(i, j);
      const previous = standards[i - 1];
      const cause: ShiftedRun['cause'] = delta === -1 && previous && previous.number === s.number ? 'inserted' : delta === 1 ? 'removed' : 'other';
      const run: ShiftedRun = { first: s, members, from: s.number!, expectedFrom: i + 1, cause, causeLine: previous?.heading.span.start.line ?? s.heading.span.start.line };
      for (const m of members) out.set(m, run);
    }
    i = j;
  }
  return out;
}

/** Runs of two or more consecutive modules (Roman numerals) off by the same amount: one finding each. */
function shiftedModuleRuns(doc: StandardsDoc): Map<Module, { members: Module[]; from: number; expectedFrom: number }> {
  const modules = doc.modules.filter((m) => m.heading && m.numeral !== null);
  const out = new Map<Module, { members: Module[]; from: number; expectedFrom: number }>();
  const valueOf = (m: Module) => (m.numeral !== null && /^\d+$/.test(m.numeral) ? null : m.number);
  let i = 0;
  while (i < modules.length) {
    const value = valueOf(modules[i]!);
    const delta = value === null ? 0 : value - (i + 1);
    let j = i + 1;
    if (delta !== 0) while (j < modules.length && valueOf(modules[j]!) !== null && valueOf(modules[j]!)! - (j + 1) === delta) j++;
    if (delta !== 0 && j - i >= 2) {
      const run = { members: modules.slice(i, j), from: value!, expectedFrom: i + 1 };
      for (const m of run.members) out.set(m, run);
    }
    i = j;
  }
  return out;
}
