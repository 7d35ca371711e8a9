/**
 * The evaluation: the filled grids of several services against one version's grid. Scores are the share of
 * applicable indicators met, a partial assessment counting `partialWeight` (half unless configured); an
 * indicator not assessed counts in no score and is listed. A requirement is met by a service when every
 * applicable indicator of it is met.
 */
import type { Assessment, Grid, GridRow } from './grid.js';
import type { Entry, FilledGrid, Finding } from './read-grid.js';

export interface ServiceInput {
  name: string;
  file: string;
  date?: string;
  evaluator?: string;
  entries: Map<string, Entry>;
}

export interface Score {
  /** Points: met 1, partial `partialWeight`, not met 0, summed over the applicable assessed indicators. */
  points: number;
  /** Applicable assessed indicators. */
  applicable: number;
  /** points / applicable, or null when nothing applicable was assessed. */
  score: number | null;
}

export type RequirementStatus = 'met' | 'partial' | 'not-met' | 'not-applicable' | 'not-assessed';

export interface ServiceResult {
  name: string;
  file: string;
  date?: string;
  evaluator?: string;
  score: Score;
  modules: { numeral: string; title: string; score: Score }[];
  standards: { number: number; title: string; score: Score }[];
  requirements: Map<string, { status: RequirementStatus; score: Score }>;
  /** Requirements with an applicable indicator not fully met, in document order. */
  unmet: { requirement: string; status: 'partial' | 'not-met'; notes: string[] }[];
  notAssessed: string[];
}

export interface RequirementResult {
  id: string;
  moduleNumeral: string;
  standard: number;
  text: string;
  /** Services that met it, that did not (partial or not met), and for which it does not apply or was not assessed. */
  met: string[];
  notMet: { service: string; status: 'partial' | 'not-met' }[];
  notApplicable: string[];
  notAssessed: string[];
  /** The evaluators' notes (and the evidence they saw) on its indicators not fully met, per service. */
  notes: { service: string; key: string; notes: string; evidence: string }[];
}

export interface IndicatorResult {
  key: string;
  requirement: string;
  text: string;
  counts: Record<Assessment | 'not-assessed', number>;
  notMet: string[];
}

export interface Evaluation {
  version: string;
  title: string;
  fingerprint: string;
  lang: Grid['lang'];
  partialWeight: number;
  modules: { numeral: string; title: string; standards: { number: number; title: string }[] }[];
  services: ServiceResult[];
  requirements: RequirementResult[];
  indicators: IndicatorResult[];
  findings: Finding[];
}

const value = (a: Assessment, partialWeight: number) => (a === 'met' ? 1 : a === 'partial' ? partialWeight : 0);

function addTo(score: Score, a: Assessment | null, partialWeight: number): void {
  if (a === null || a === 'not-applicable') return;
  score.points += value(a, partialWeight);
  score.applicable += 1;
}

const empty = (): Score => ({ points: 0, applicable: 0, score: null });
function close(s: Score): Score {
  return { ...s, score: s.applicable === 0 ? null : s.points / s.applicable };
}

export function evaluate(grid: Grid, services: ServiceInput[], options: { partialWeight?: number; findings?: Finding[] } = {}): Evaluation {
  const partialWeight = options.partialWeight ?? 0.5;
  const byRequirement = new Map<string, GridRow[]>();
  for (const row of grid.rows) {
    const list = byRequirement.get(row.requirement) ?? [];
    list.push(row);
    byRequirement.set(row.requirement, list);
  }

  const results: ServiceResult[] = services.map((svc) => {
    const total = empty();
    const modules = grid.modules.map((m) => {
      const s = empty();
      for (const st of m.standards) for (const row of st.rows) addTo(s, svc.entries.get(row.key)?.assessment ?? null, partialWeight);
      return { numeral: m.numeral, title: m.title, score: close(s) };
    });
    const standards = grid.modules.flatMap((m) =>
      m.standards.map((st) => {
        const s = empty();
        for (const row of st.rows) addTo(s, svc.entries.get(row.key)?.assessment ?? null, partialWeight);
        return { number: st.number, title: st.title, score: close(s) };
      }),
    );
    for (const row of grid.rows) addTo(total, svc.entries.get(row.key)?.assessment ?? null, partialWeight);
    const requirements = new Map<string, { status: RequirementStatus; score: Score }>();
    const unmet: ServiceResult['unmet'] = [];
    for (const [req, rows] of byRequirement) {
      const s = empty();
      const assessments = rows.map((r) => svc.entries.get(r.key)?.assessment ?? null);
      for (const a of assessments) addTo(s, a, partialWeight);
      let status: RequirementStatus;
      if (assessments.some((a) => a === 'not-met')) status = 'not-met';
      else if (assessments.some((a) => a === 'partial')) status = 'partial';
      else if (assessments.some((a) => a === null)) status = 'not-assessed';
      else if (assessments.every((a) => a === 'not-applicable')) status = 'not-applicable';
      else status = 'met';
      requirements.set(req, { status, score: close(s) });
      if (status === 'partial' || status === 'not-met') {
        const notes = rows.map((r) => svc.entries.get(r.key)).filter((e): e is Entry => Boolean(e && e.notes)).map((e) => e.notes);
        unmet.push({ requirement: req, status, notes });
      }
    }
    const notAssessed = grid.rows.filter((r) => !svc.entries.get(r.key)?.assessment).map((r) => r.key);
    return {
      name: svc.name,
      file: svc.file,
      ...(svc.date ? { date: svc.date } : {}),
      ...(svc.evaluator ? { evaluator: svc.evaluator } : {}),
      score: close(total),
      modules,
      standards,
      requirements,
      unmet,
      notAssessed,
    };
  });

  const requirements: RequirementResult[] = [...byRequirement].map(([id, rows]) => {
    const first = rows[0]!;
    const r: RequirementResult = { id, moduleNumeral: first.moduleNumeral, standard: first.standard, text: first.requirementText, met: [], notMet: [], notApplicable: [], notAssessed: [], notes: [] };
    results.forEach((res, i) => {
      const status = res.requirements.get(id)!.status;
      if (status === 'met') r.met.push(res.name);
      else if (status === 'partial' || status === 'not-met') r.notMet.push({ service: res.name, status });
      else if (status === 'not-applicable') r.notApplicable.push(res.name);
      else r.notAssessed.push(res.name);
      for (const row of rows) {
        const e = services[i]!.entries.get(row.key);
        if (e && e.notes && (e.assessment === 'not-met' || e.assessment === 'partial')) r.notes.push({ service: res.name, key: row.key, notes: e.notes, evidence: e.evidence });
      }
    });
    return r;
  });

  const indicators: IndicatorResult[] = grid.rows.map((row) => {
    const counts: IndicatorResult['counts'] = { met: 0, partial: 0, 'not-met': 0, 'not-applicable': 0, 'not-assessed': 0 };
    const notMet: string[] = [];
    services.forEach((svc) => {
      const a = svc.entries.get(row.key)?.assessment ?? null;
      counts[a ?? 'not-assessed']++;
      if (a === 'not-met' || a === 'partial') notMet.push(svc.name);
    });
    return { key: row.key, requirement: row.requirement, text: row.indicatorText || row.requirementText, counts, notMet };
  });

  return {
    version: grid.version,
    title: grid.title,
    fingerprint: grid.fingerprint,
    lang: grid.lang,
    partialWeight,
    modules: grid.modules.map((m) => ({ numeral: m.numeral, title: m.title, standards: m.standards.map((s) => ({ number: s.number, title: s.title })) })),
    services: results,
    requirements,
    indicators,
    findings: options.findings ?? [],
  };
}

/**
 * The requirements most services fail: more than `share` (half by default) of the services for which the
 * requirement applies and was assessed did not meet it.
 */
export function failingRequirements(e: Evaluation, share = 0.5): RequirementResult[] {
  return e.requirements.filter((r) => {
    const assessed = r.met.length + r.notMet.length;
    return assessed > 0 && r.notMet.length / assessed > share;
  });
}

/** The service inputs of readable grids. */
export function serviceInputs(grids: { filled: FilledGrid; name: string }[]): ServiceInput[] {
  return grids
    .filter((g) => g.filled.usable)
    .map((g) => ({
      name: g.name,
      file: g.filled.file,
      ...(g.filled.meta.date ? { date: g.filled.meta.date } : {}),
      ...(g.filled.meta.evaluator ? { evaluator: g.filled.meta.evaluator } : {}),
      entries: g.filled.entries,
    }));
}
