/**
 * numbering: modules I, II, … in order; standards 1, 2, … across the whole document; requirements
 * S<n>.1, S<n>.2, … where n is the enclosing standard; a module prefix (M.I.-S1.1) names the enclosing
 * module; a module's standard range matches its standards; explicit indicator prefixes match their position.
 * Each message says what was expected and what was found. The fix is `fmt --renumber` (references follow).
 */
import { fromRoman, labelsFor, standardRangeText, toRoman } from '../model/labels.js';
import { planChanges, planRenumber, type RenumberPlan } from '../print/renumber.js';
import type { Requirement, StandardsDoc } from '../model/types.js';
import { requirementKey } from '../model/references.js';
import { formatDocument, formatVerified } from '../print/index.js';
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
    indicator: 'Expected the prefix {{expected}} (the position of the indicator in {{id}}), found {{found}}',
  },
  fix(parsed) {
    if (parsed.doc.problems.some((p) => p.fatal)) return null;
    try {
      formatVerified(parsed); // a document fmt cannot print losslessly is not renumbered either
    } catch {
      return null;
    }
    const plan = planRenumber(parsed.doc);
    const text = formatDocument(parsed, { renumber: plan }).replace(/^\uFEFF/, '');
    const changes = planChanges(parsed.doc, plan).map((c) => `renumbered ${c}`);
    return {
      text,
      changes: [...changes, ...duplicateNotes(parsed.doc, plan), 'renumbered: numbers, ranges, indicator prefixes and references follow (the file is now in canonical form)'],
    };
  },
  check(doc, ctx) {
    const labels = labelsFor(doc.lang);
    const moduleName = (numeral: string) => `${labels.module} ${numeral}`;
    const standardName = (n: number | string) => `${labels.standard} ${n}`;

    let moduleNo = 0;
    const modulesSeen = new Map<number, number>();
    for (const module of doc.modules) {
      if (!module.heading || module.numeral === null) continue;
      moduleNo++;
      const expected = moduleName(toRoman(moduleNo));
      const found = moduleName(module.numeral);
      const value = /^\d+$/.test(module.numeral) ? null : module.number;
      if (value !== moduleNo) {
        const first = value === null ? undefined : modulesSeen.get(value);
        if (first !== undefined) ctx.report({ messageId: 'module-duplicate', node: module.heading.node, data: { expected, found, line: first } });
        else ctx.report({ messageId: 'module', node: module.heading.node, data: { expected, found } });
      }
      if (value !== null && !modulesSeen.has(value)) modulesSeen.set(value, module.heading.span.start.line);
    }

    let standardNo = 0;
    const standardsSeen = new Map<number, number>();
    const requirementsSeen = new Map<string, number>();
    for (const module of doc.modules) {
      const firstStandard = standardNo + 1;
      for (const standard of module.standards) {
        standardNo++;
        const line = standard.heading.span.start.line;
        if (standard.number !== standardNo) {
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
function duplicateNotes(doc: StandardsDoc, plan: RenumberPlan): string[] {
  const labels = labelsFor(doc.lang);
  const notes: string[] = [];
  const note = (what: string, lines: number[], target: string) =>
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
