/**
 * The findings back into the drafting round: the requirements most services fail become draft observations
 * (`by:` the evaluation, `target:` the requirement, decision `pending`), appended to an observation register
 * (its text, comments and other entries kept) or starting a new one.
 */
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { failingRequirements, type Evaluation } from './aggregate.js';
import { evaluationWords } from './words.js';

export interface DraftObservation {
  target: string;
  by: string;
  text: string;
  decision: 'pending';
}

export function draftObservations(e: Evaluation, options: { by: string; share?: number; targetVersion?: string }): DraftObservation[] {
  const w = evaluationWords(e.lang);
  const ro = e.lang === 'ro';
  return failingRequirements(e, options.share ?? 0.5).map((r) => {
    const assessed = r.met.length + r.notMet.length;
    const who = r.notMet.map((n) => `${n.service} — ${w.status[n.status]}`).join('; ');
    const several = new Set(r.notes.map((n) => n.key)).size > 1;
    const notes = r.notes.map((n) => `${n.service}${several ? ` (${n.key})` : ''}: ${n.notes.replace(/[.;\s]+$/, '')}`).join('; ');
    const text = ro
      ? `Cerința nu este îndeplinită integral de ${r.notMet.length} din ${assessed} servicii evaluate (${who}).${notes ? ` Observațiile evaluatorilor: ${notes}.` : ''}`
      : `The requirement is not fully met by ${r.notMet.length} of the ${assessed} services evaluated (${who}).${notes ? ` The evaluators' notes: ${notes}.` : ''}`;
    return { target: options.targetVersion ? `${options.targetVersion}:${r.id}` : r.id, by: options.by, text, decision: 'pending' as const };
  });
}

export interface RegisterEdit {
  text: string;
  added: number;
  skipped: number;
}

/**
 * Appends the observations to a register's YAML text, numbering them after the highest id. An observation
 * already there (same `by` and `target`) is not added again, so a second run adds nothing.
 */
export function appendObservations(registerText: string, observations: DraftObservation[]): RegisterEdit {
  const doc = parseDocument(registerText);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error('register is not a YAML mapping');
  let comments = doc.get('comments', true);
  if (!isSeq(comments)) {
    comments = new YAMLSeq();
    doc.set('comments', comments);
  }
  const seq = comments as YAMLSeq;
  seq.flow = false;
  const existing = seq.items.map((item) => (isMap(item) ? { id: Number(item.get('id')), by: String(item.get('by') ?? ''), target: String(item.get('target') ?? '') } : { id: NaN, by: '', target: '' }));
  let next = existing.reduce((most, x) => Math.max(most, Number.isFinite(x.id) ? x.id : 0), 0) + 1;
  let added = 0;
  let skipped = 0;
  for (const o of observations) {
    if (existing.some((x) => x.by === o.by && x.target === o.target)) {
      skipped++;
      continue;
    }
    seq.add(doc.createNode({ id: next++, target: o.target, by: o.by, text: o.text, decision: o.decision }));
    added++;
  }
  return { text: added === 0 ? registerText : doc.toString({ lineWidth: 0 }), added, skipped };
}

/** A new register holding the observations. */
export function newRegister(observations: DraftObservation[], options: { title: string; date: string; from: string }): string {
  const header = `title: ${JSON.stringify(options.title)}\ndate: '${options.date}'\nfrom: '${options.from}'\ncomments: []\n`;
  return appendObservations(header, observations).text;
}
