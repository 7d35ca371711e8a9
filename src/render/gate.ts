/**
 * The final gate of `stdraft export`: a version becomes the final order only when its status is `final`,
 * it has no errors, and no observation that targets it is still pending.
 */
import { parseRegister, parseTarget } from '../comments/index.js';
import type { StandardsDoc } from '../model/types.js';
import { lintDocument, type LintContext } from '../lint/index.js';

export interface RegisterText {
  /** The register as messages name it. */
  file: string;
  text: string;
}

export interface GateInput {
  doc: StandardsDoc;
  /** The version's name in its set (`2016-04`): register targets name versions this way. */
  version: string;
  /** The observation registers of the set. */
  registers: readonly RegisterText[];
  /** What the validate engine needs (config severities, the set's versions, the source text). */
  lint?: LintContext;
}

/**
 * Every reason the version cannot be exported, one line each (`file:line: what is wrong (what to do)`);
 * empty when it can.
 *
 * Errors are those of `stdraft validate` with the workspace's configuration (warnings do not block).
 */
export function finalGateReasons(input: GateInput): string[] {
  const { doc } = input;
  const reasons: string[] = [];
  const status = doc.meta.status;
  if (status !== 'final') {
    const at = doc.frontMatter?.keySpans['status']?.start.line;
    reasons.push(
      `${doc.file}${at ? `:${at}` : ''}: Expected status final, found ${status ? JSON.stringify(status) : 'none'} (only a final version is exported; render makes the consultation draft)`,
    );
  }
  for (const item of documentErrors(doc, input.lint ?? {})) reasons.push(item);
  for (const item of pendingObservations(input)) reasons.push(item);
  return reasons;
}

/** The document's validation errors, one line each. */
export function documentErrors(doc: StandardsDoc, lint: LintContext): string[] {
  return lintDocument(doc, lint)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} (${d.ruleId})`);
}

/**
 * Observations still pending that `version` should have answered: those that target it, and every one of a
 * register whose `to` is it (the observations made on the previous version that it answers). Unreadable
 * registers too.
 */
export function pendingObservations(input: Pick<GateInput, 'version' | 'registers'>): string[] {
  const reasons: string[] = [];
  for (const { file, text } of input.registers) {
    const { register, problems } = parseRegister(text, file);
    for (const p of problems) {
      reasons.push(`${file}:${p.span.start.line}: ${p.message} (the register must be valid to know whether observations are pending)`);
    }
    for (const obs of register.comments) {
      if (obs.decision !== 'pending') continue;
      const target = parseTarget(obs.target);
      const version = target?.version ?? register.from;
      const answers = register.to === input.version;
      if (version !== input.version && !answers) continue;
      const why = answers && version !== input.version ? `; ${input.version} is the version that answers ${register.from}'s observations (to: ${register.to})` : '';
      reasons.push(
        `${file}:${obs.span.start.line}: Expected a decision on observation ${obs.id} (${obs.target}${obs.by ? `, by ${obs.by}` : ''}), found pending (decide it: accepted, partially-accepted or rejected, with a response${why})`,
      );
    }
  }
  return reasons;
}
