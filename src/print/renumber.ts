/**
 * Renumbering (`fmt --renumber`, `validate --fix`): modules I, II, … in order; standards 1, 2, … across the
 * document; requirements S<n>.1, S<n>.2, … in each standard; and every cross-reference in the text
 * rewritten to follow (a reference to the old number of a unit points to that unit's new number).
 */
import type { Link, RootContent, Text } from 'mdast';
import type { Lang, Module, Requirement, Standard, StandardsDoc } from '../model/types.js';
import { MODULE_RANGE, toRoman, moduleAnchor, requirementAnchor, standardAnchor } from '../model/labels.js';
import { anchorTarget, findReferences, requirementKey, type ReferenceTarget } from '../model/references.js';

export interface RenumberPlan {
  modules: Map<Module, number>;
  moduleRanges: Map<Module, { from: number; to: number }>;
  standards: Map<Standard, number>;
  requirements: Map<Requirement, { standard: number; index: number }>;
  /** Old reference → new reference, keyed by the old number (`3`, `S3.2`, `II`). */
  standardRefs: Map<number, number>;
  /** Keyed by `S3.2` or `S3.2^1`; the new number may itself have an index (the diff maps to TO's numbers). */
  requirementRefs: Map<string, { standard: number; index: number; indexed?: number | null }>;
  moduleRefs: Map<string, string>;
}

/** A plan that changes nothing yet. */
export function emptyRenumberPlan(): RenumberPlan {
  return {
    modules: new Map(),
    moduleRanges: new Map(),
    standards: new Map(),
    requirements: new Map(),
    standardRefs: new Map(),
    requirementRefs: new Map(),
    moduleRefs: new Map(),
  };
}

export function planRenumber(doc: StandardsDoc): RenumberPlan {
  const plan = emptyRenumberPlan();
  let moduleNo = 0;
  let standardNo = 0;
  for (const module of doc.modules) {
    if (module.heading) {
      moduleNo++;
      plan.modules.set(module, moduleNo);
      // With two units of the same old number, references go to the last: a drafter inserts a new unit
      // before the old one and gives it the number it should have, so the references written before
      // meant the old unit, which is the later one.
      if (module.numeral) plan.moduleRefs.set(module.numeral.toUpperCase(), toRoman(moduleNo));
    }
    const first = standardNo + 1;
    for (const standard of module.standards) {
      standardNo++;
      plan.standards.set(standard, standardNo);
      if (standard.number !== null) plan.standardRefs.set(standard.number, standardNo);
      standard.requirements.forEach((req, i) => {
        const next = { standard: standardNo, index: i + 1 };
        plan.requirements.set(req, next);
        if (req.id) {
          plan.requirementRefs.set(requirementKey(req.id), next);
        }
      });
    }
    if (module.range) plan.moduleRanges.set(module, { from: first, to: Math.max(first, standardNo) });
  }
  return plan;
}

/** Whether the plan changes any number (so `validate --fix` can say what it did). */
export function planChanges(doc: StandardsDoc, plan: RenumberPlan): string[] {
  const changes: string[] = [];
  for (const [module, n] of plan.modules) {
    if (module.numeral?.toUpperCase() !== toRoman(n)) changes.push(`module ${module.numeral} → ${toRoman(n)}`);
  }
  for (const [standard, n] of plan.standards) {
    if (standard.number !== n) changes.push(`standard ${standard.number} → ${n}`);
  }
  for (const [req, next] of plan.requirements) {
    if (!req.id || req.id.standard !== next.standard || req.id.index !== next.index || req.id.indexed) {
      changes.push(`${req.idText} → S${next.standard}.${next.index}`);
    }
  }
  void doc;
  return changes;
}

/**
 * A copy of a block with its references and `#anchor` links rewritten by the plan (the block itself is not
 * changed). The label that starts a module, standard or requirement heading is the unit's own number, not a
 * reference: the printer relabels it from the plan, so it must not be mapped a second time.
 */
export function applyReferenceMap(node: RootContent, plan: RenumberPlan, lang: Lang): RootContent {
  // A module heading's range, `(standardul 2)`, is written from the plan: it is not a reference to map again.
  const last = node.type === 'heading' && node.depth === 1 ? node.children.at(-1) : undefined;
  const range = last && last.type === 'text' ? MODULE_RANGE.exec(last.value) : null;
  if (node.type === 'heading' && last && last.type === 'text' && range) {
    const cut: Text = { ...last, value: last.value.slice(0, range.index) };
    const mapped = applyReferenceMap({ ...node, children: [...node.children.slice(0, -1), cut] }, plan, lang) as typeof node;
    const tail = mapped.children.at(-1) as Text;
    return { ...mapped, children: [...mapped.children.slice(0, -1), { ...tail, value: tail.value + last.value.slice(range.index) }] };
  }
  if (node.type === 'heading') {
    const [first, ...rest] = node.children;
    const label = first && first.type === 'text' ? findReferences(first.value)[0] : undefined;
    if (first && first.type === 'text' && label && label.start === 0 && isOwnLabel(node.depth, label.target)) {
      const tail = rewriteText({ ...first, value: first.value.slice(label.end) }, plan);
      const head: Text = { ...first, value: first.value.slice(0, label.end) + tail.value };
      return { ...node, children: [head, ...rest.map((c) => rewriteNode(c, plan, lang) as typeof c)] };
    }
  }
  return rewriteNode(node, plan, lang) as RootContent;
}

function isOwnLabel(depth: number, target: ReferenceTarget): boolean {
  return (depth === 1 && target.kind === 'module') || (depth === 2 && target.kind === 'standard') || (depth === 3 && target.kind === 'requirement');
}

function rewriteNode(node: unknown, plan: RenumberPlan, lang: Lang): unknown {
  const n = node as { type: string; children?: unknown[] };
  if (n.type === 'text') return rewriteText(n as Text, plan);
  if (n.type === 'link') {
    const link = n as Link;
    const url = rewriteAnchor(link.url, plan, lang);
    const children = link.children.map((c) => rewriteNode(c, plan, lang)) as Link['children'];
    return { ...link, url, children };
  }
  if (!n.children) return node;
  return { ...n, children: n.children.map((c) => rewriteNode(c, plan, lang)) };
}

function rewriteText(node: Text, plan: RenumberPlan): Text {
  const refs = findReferences(node.value);
  if (refs.length === 0) return node;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += node.value.slice(at, ref.start);
    out += rewriteReference(ref.text, ref.target, plan);
    at = ref.end;
  }
  out += node.value.slice(at);
  return out === node.value ? node : { ...node, value: out };
}

function rewriteReference(text: string, target: ReturnType<typeof findReferences>[number]['target'], plan: RenumberPlan): string {
  switch (target.kind) {
    case 'requirement': {
      const next = plan.requirementRefs.get(requirementKey(target));
      if (!next) return text;
      return text.replace(/S\d+\.\d+(?:\^\d+)?$/, requirementKey(next)).replace(
        /^M\.[IVXLCDM]+\.-/,
        (prefix) => {
          const moduleNumeral = prefix.slice(2, -2);
          return `M.${plan.moduleRefs.get(moduleNumeral) ?? moduleNumeral}.-`;
        },
      );
    }
    case 'standard': {
      const next = plan.standardRefs.get(target.number);
      return next === undefined ? text : text.replace(/\d+$/, String(next));
    }
    case 'module': {
      const next = plan.moduleRefs.get(target.numeral.toUpperCase());
      return next === undefined ? text : text.replace(/[IVXLCDM]+$/, next);
    }
  }
}

function rewriteAnchor(url: string, plan: RenumberPlan, lang: Lang): string {
  const target = anchorTarget(url);
  if (!target) return url;
  switch (target.kind) {
    case 'requirement': {
      const next = plan.requirementRefs.get(requirementKey(target));
      return next ? `#${requirementAnchor(next.standard, next.index, next.indexed)}` : url;
    }
    case 'standard': {
      const next = plan.standardRefs.get(target.number);
      return next === undefined ? url : `#${standardAnchor(lang, next)}`;
    }
    case 'module': {
      const next = plan.moduleRefs.get(target.numeral);
      return next === undefined ? url : `#${moduleAnchor(lang, next)}`;
    }
  }
}
