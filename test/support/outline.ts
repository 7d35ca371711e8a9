/** A compact, readable outline of a parsed document for fixture expectations. */
import type { StandardsDoc } from '../../src/model/types.js';

export function outline(doc: StandardsDoc) {
  return {
    meta: doc.meta,
    lang: doc.lang,
    idStyle: doc.idStyle,
    intro: doc.intro.map((b) => b.type),
    modules: doc.modules.map((m) => ({
      numeral: m.numeral,
      number: m.number,
      title: m.title,
      range: m.range,
      lines: [m.span.start.line, m.span.end.line],
      blocks: m.blocks.map((b) => b.type),
      standards: m.standards.map((s) => ({
        number: s.number,
        title: s.title,
        lines: [s.span.start.line, s.span.end.line],
        statement: s.statement.map((b) => b.type),
        expectedResults: s.expectedResults.map((e) => e.text),
        unplaced: s.unplaced.map((b) => b.type),
        requirements: s.requirements.map((r) => ({
          idText: r.idText,
          id: r.id,
          title: r.title,
          lines: [r.span.start.line, r.span.end.line],
          text: r.text.map((b) => b.type),
          indicators: r.indicators.map((i) => (i.explicit ? `${i.explicit.text} ${i.text}` : i.text)),
          unplaced: r.unplaced.map((b) => b.type),
        })),
      })),
    })),
    annexes: doc.annexes.map((a) => ({ title: a.title, line: a.span.start.line, blocks: a.blocks.map((b) => b.type) })),
    unplaced: doc.unplaced.map((b) => b.type),
    definitions: doc.definitions.map((d) => d.type),
    comments: doc.comments.map((c) => `${c.span.start.line}: ${c.value}`),
    problems: doc.problems.map((p) => `${p.span.start.line}:${p.span.start.column} ${p.ruleId}/${p.messageId}${p.fatal ? ' (fatal)' : ''} ${p.message}`),
  };
}
