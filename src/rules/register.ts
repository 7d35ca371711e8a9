/**
 * register: an observation register (`comments/*.yaml`, FORMAT.md) has the schema (title, date, from, to,
 * comments with id, target, by, text, decision, response), unique ids, a response unless the decision is
 * pending, `from`/`to` naming versions of the set, and targets that resolve in the version they name.
 */
import { parseTarget, resolveUnit, unitLabel } from '../comments/index.js';
import type { RegisterRule } from './types.js';

export const register: RegisterRule = {
  kind: 'register',
  id: 'register',
  description: 'Observation registers: schema, unique ids, a response unless pending, versions of the set, targets that resolve',
  severity: 'error',
  messages: {
    yaml: '{{message}}',
    schema: '{{message}}',
    'duplicate-id': '{{message}}',
    version: 'Expected "{{key}}" to name a version of the set ({{versions}}), found "{{found}}"',
    'version-order': 'Expected "to" to name a version later than "from" ({{from}}), found "{{found}}"',
    'target-syntax': 'Expected a target such as S3.1, Im2S3.1, Standardul 3 or Modulul II (or VERSION:S3.1), found "{{found}}"',
    'target-version': 'Expected the version in target "{{found}}" to be a version of the set ({{versions}})',
    'target-missing': 'Expected {{unit}} to exist in version {{version}}, found no such {{kind}}',
  },
  check({ register: reg, problems }, ctx) {
    for (const p of problems) ctx.report({ messageId: p.messageId, span: p.span, data: { message: p.message } });
    if (problems.some((p) => p.messageId === 'yaml')) return;
    const versions = ctx.versions;
    const list = versions ? versions.join(', ') || 'none' : '';
    const known = (v: string) => versions === undefined || versions.includes(v);
    const at = (key: string) => reg.fields[key];
    if (reg.from && !known(reg.from)) ctx.report({ messageId: 'version', span: at('from'), data: { key: 'from', versions: list, found: reg.from } });
    if (reg.to !== null && reg.to !== '' && !known(reg.to)) ctx.report({ messageId: 'version', span: at('to'), data: { key: 'to', versions: list, found: reg.to } });
    else if (reg.to && reg.from && known(reg.from) && reg.to.localeCompare(reg.from) <= 0) {
      ctx.report({ messageId: 'version-order', span: at('to'), data: { from: reg.from, found: reg.to } });
    }

    for (const obs of reg.comments) {
      if (!obs.target) continue;
      const where = obs.fields['target'] ?? obs.span;
      const target = parseTarget(obs.target);
      if (!target) {
        ctx.report({ messageId: 'target-syntax', span: where, data: { found: obs.target } });
        continue;
      }
      const version = target.version ?? reg.from;
      if (!version) continue;
      if (!known(version)) {
        if (target.version !== null) ctx.report({ messageId: 'target-version', span: where, data: { found: obs.target, versions: list } });
        continue;
      }
      const doc = ctx.getVersion?.(version);
      if (!doc) continue;
      if (!resolveUnit(doc, target.unit)) {
        const kind = target.unit.kind === 'module' ? 'module' : target.unit.kind === 'standard' ? 'standard' : target.unit.kind;
        ctx.report({ messageId: 'target-missing', span: where, data: { unit: unitLabel(target.unit, doc.lang), version, kind } });
      }
    }
  },
};
