/**
 * What a renumbering does, in ranges a drafter can check: `standards 4–25 → 3–24 (with their requirements)`,
 * `S3.1–S3.4 → S2.8–S2.11`, `module V → IV`. A requirement that only follows its standard's new number is not
 * listed again.
 */
import { toRoman } from '../model/labels.js';
import type { StandardsDoc } from '../model/types.js';
import type { RenumberPlan } from './renumber.js';

interface Step {
  from: number;
  to: number;
}

/** Consecutive steps shifted by the same amount, as `a–b → c–d` (or `a → c` for one). */
function runs(steps: Step[], show: (n: number) => string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= steps.length; i++) {
    const prev = steps[i - 1]!;
    const cur = steps[i];
    if (cur && cur.from === prev.from + 1 && cur.to === prev.to + 1) continue;
    const first = steps[start]!;
    out.push(first === prev ? `${show(first.from)} → ${show(first.to)}` : `${show(first.from)}–${show(prev.from)} → ${show(first.to)}–${show(prev.to)}`);
    start = i;
  }
  return out;
}

export function summariseRenumber(doc: StandardsDoc, plan: RenumberPlan): string[] {
  const lines: string[] = [];
  const moduleSteps: Step[] = [];
  for (const [module, n] of plan.modules) {
    if (module.number !== null && module.number !== n) moduleSteps.push({ from: module.number, to: n });
    else if (module.number === null && module.numeral) lines.push(`module ${module.numeral} → ${toRoman(n)}`);
  }
  for (const r of runs(moduleSteps, toRoman)) lines.push(`module${r.includes('–') ? 's' : ''} ${r}`);

  const standardSteps: Step[] = [];
  for (const [standard, n] of plan.standards) {
    if (standard.number !== null && standard.number !== n) standardSteps.push({ from: standard.number, to: n });
  }
  for (const r of runs(standardSteps, String)) lines.push(`standard${r.includes('–') ? 's' : ''} ${r} (with their requirements)`);

  // Requirements, by the standard they end up in: those whose index changed, or whose standard part does not
  // follow their standard.
  const byStandard = new Map<number, { steps: Step[]; std: number; oldStd: number | null }[]>();
  for (const module of doc.modules) {
    for (const standard of module.standards) {
      const newStd = plan.standards.get(standard) ?? standard.number ?? 0;
      for (const req of standard.requirements) {
        const next = plan.requirements.get(req);
        if (!next) continue;
        const followsStandard = req.id !== null && req.id.index === next.index && (req.id.standard === next.standard || req.id.standard === standard.number);
        if (followsStandard) continue;
        if (!req.id) {
          lines.push(`${req.idText} → S${next.standard}.${next.index}`);
          continue;
        }
        const groups = byStandard.get(newStd) ?? [];
        const last = groups[groups.length - 1];
        const step = { from: req.id.index, to: next.index };
        if (last && last.oldStd === req.id.standard) last.steps.push(step);
        else groups.push({ steps: [step], std: next.standard, oldStd: req.id.standard });
        byStandard.set(newStd, groups);
      }
    }
  }
  for (const groups of byStandard.values()) {
    for (const g of groups) {
      for (const r of runs(g.steps, String)) {
        const [from, to] = r.split(' → ') as [string, string];
        const name = (std: number | null, part: string) => part.split('–').map((i) => `S${std}.${i}`).join('–');
        lines.push(`${name(g.oldStd, from)} → ${name(g.std, to)}`);
      }
    }
  }
  return lines;
}
