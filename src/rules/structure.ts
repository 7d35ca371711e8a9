/**
 * structure: the hierarchy of FORMAT.md. The parser reports what it cannot place (content after the expected
 * results, a second indicator label, headings that are not the expected label, headings deeper than level 3
 * in modules, empty headings, a standard before any module, a module after an annex); this rule reports
 * those, and what is missing: a module without standards, a standard without statement, expected results
 * or requirements, a requirement without text or indicators, a unit without its title.
 */
import { labelsFor } from '../model/labels.js';
import type { DocumentRule } from './types.js';
import { unitName } from './document-text.js';

export const structure: DocumentRule = {
  kind: 'document',
  id: 'structure',
  description: 'Structure: modules hold standards; a standard has a statement, one expected-results paragraph and requirements; a requirement has text and indicators',
  severity: 'error',
  messages: {
    unplaced: '{{message}}',
    'empty-heading': '{{message}}',
    'heading-too-deep': '{{message}}',
    'heading-like': '{{message}}',
    'standard-outside-module': '{{message}}',
    'module-after-annex': '{{message}}',
    'no-modules': 'Expected at least one module ("# {{module}} I. …"), found none',
    'empty-module': 'Expected at least one standard in {{unit}}, found none',
    'missing-title': 'Expected a title after "{{unit}}.", found none',
    'missing-statement': 'Expected a statement (one or more paragraphs) in {{unit}} before "{{label}}", found none',
    'missing-expected-results': 'Expected one "**{{label}}**" paragraph in {{unit}}, found none',
    'extra-expected-results': 'Expected one "**{{label}}**" paragraph in {{unit}}, found another one',
    'missing-requirements': 'Expected at least one requirement ("### S{{n}}.1") in {{unit}}, found none',
    'missing-text': 'Expected the text of {{id}} before "{{label}}", found none',
    'missing-indicators': 'Expected at least one indicator in {{id}} ("**{{label}}**" and one bullet per indicator), found none',
    'empty-indicator': 'Expected the text of indicator Im{{k}}{{id}}, found an empty bullet',
  },
  check(doc, ctx) {
    for (const p of doc.problems) {
      if (p.ruleId === 'structure') ctx.report({ messageId: p.messageId, span: p.span, data: { message: p.message } });
    }
    const labels = labelsFor(doc.lang);
    if (!doc.modules.some((m) => m.heading) && (doc.frontMatter !== null || doc.intro.length > 0)) {
      const last = doc.intro[doc.intro.length - 1];
      ctx.report({ messageId: 'no-modules', ...(last ? { node: last } : doc.frontMatter ? { span: doc.frontMatter.span } : {}), data: { module: labels.module } });
    }
    for (const module of doc.modules) {
      const moduleName = unitName(doc.lang, 'module', module.numeral ?? '');
      if (module.heading) {
        if (module.standards.length === 0) ctx.report({ messageId: 'empty-module', node: module.heading.node, data: { unit: moduleName } });
        if (module.title === '') ctx.report({ messageId: 'missing-title', node: module.heading.node, data: { unit: moduleName } });
      }
      for (const standard of module.standards) {
        const unit = unitName(doc.lang, 'standard', standard.number ?? '?');
        const at = standard.heading.node;
        if (standard.title === '') ctx.report({ messageId: 'missing-title', node: at, data: { unit } });
        if (standard.statement.length === 0) ctx.report({ messageId: 'missing-statement', node: at, data: { unit, label: labels.expectedResults } });
        if (standard.expectedResults.length === 0) ctx.report({ messageId: 'missing-expected-results', node: at, data: { unit, label: labels.expectedResults } });
        for (const extra of standard.expectedResults.slice(1)) {
          ctx.report({ messageId: 'extra-expected-results', node: extra.node, data: { unit, label: labels.expectedResults } });
        }
        if (standard.requirements.length === 0) ctx.report({ messageId: 'missing-requirements', node: at, data: { unit, n: standard.number ?? 'N' } });
        for (const req of standard.requirements) {
          const id = req.idText;
          const head = req.heading.node;
          if (req.text.length === 0) ctx.report({ messageId: 'missing-text', node: head, data: { id, label: labels.indicators } });
          // A label followed by something else than the list: the parser already said so.
          const reported = req.indicatorsLabel !== null && req.indicatorsList === null && req.unplaced.length > 0;
          if (req.indicators.length === 0 && !reported) ctx.report({ messageId: 'missing-indicators', node: head, data: { id, label: labels.indicators } });
          for (const indicator of req.indicators) {
            const plain = req.id ? `S${req.id.standard}.${req.id.index}` : id;
            if (indicator.text === '') ctx.report({ messageId: 'empty-indicator', node: indicator.node, data: { k: indicator.position, id: plain } });
          }
        }
      }
    }
  },
};
