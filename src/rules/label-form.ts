/**
 * label-form: the labels and lists the format reads however they are typed, written the canonical way. An
 * unbolded `Rezultate așteptate:` or `Indicatori:` is still the label, and a `*` bullet among `-` bullets (which
 * Markdown reads as a second list) still continues the indicators; each is a warning, and `stdraft fmt --write`
 * prints them canonically (bold labels, one `-` list).
 */
import { toString } from 'mdast-util-to-string';
import { labelsFor } from '../model/labels.js';
import type { DocumentRule } from './types.js';

export const labelForm: DocumentRule = {
  kind: 'document',
  id: 'label-form',
  description: 'Label form: "Rezultate așteptate:" and "Indicatori:" in bold, the indicators in one list of "-" bullets',
  severity: 'warning',
  messages: {
    'label-not-bold': 'Expected the label in bold, "**{{label}}**", found "{{found}}" (read as the label; stdraft fmt --write makes it bold)',
    'mixed-bullets': 'Expected the indicators of {{id}} in one list of "-" bullets, found {{bullet}} bullets from here (read as the same list; stdraft fmt --write makes it one "-" list)',
  },
  check(doc, ctx) {
    const labels = labelsFor(doc.lang);
    for (const module of doc.modules) {
      for (const standard of module.standards) {
        for (const er of standard.expectedResults) {
          if (!er.plainLabel) continue;
          const first = er.node.children[0];
          const found = first && first.type === 'text' ? (/^[^:]*:/.exec(first.value.trim())?.[0] ?? labels.expectedResults) : labels.expectedResults;
          ctx.report({ messageId: 'label-not-bold', node: er.node, data: { label: labels.expectedResults, found } });
        }
        for (const req of standard.requirements) {
          const label = req.indicatorsLabel;
          if (label && !(label.children.length === 1 && label.children[0]!.type === 'strong')) {
            ctx.report({ messageId: 'label-not-bold', node: label, data: { label: labels.indicators, found: toString(label).trim() } });
          }
          // Once per requirement: a `-` list after the `*` one is the same slip.
          for (const list of (req.moreIndicatorLists ?? []).slice(0, 1)) {
            const offset = list.position?.start.offset;
            const mark = ctx.text !== undefined && offset !== undefined ? ctx.text[offset] : undefined;
            ctx.report({ messageId: 'mixed-bullets', node: list, data: { id: req.idText, bullet: mark === '*' || mark === '+' ? `"${mark}"` : 'other' } });
          }
        }
      }
    }
  },
};
