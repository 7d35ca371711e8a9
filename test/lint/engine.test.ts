import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { lintDocument, lintParsed, lintRegister, RULES, describeRules } from '../../src/lint/index.js';
import type { Config } from '../../src/workspace/index.js';
import { VALID } from '../support/tmp.js';

const config = (rules: Config['rules']): Config => ({ rules, data: {} });
const lint = (text: string, context = {}) => lintParsed(parseText(text, 'x.md'), context);
const ids = (text: string, context = {}) => lint(text, context).map((d) => `${d.line} ${d.ruleId} ${d.severity}`);

/** VALID with a requirement text of our choosing (line 19). */
const withText = (text: string) => VALID.replace('Centrul dispune de un ghid.', text);

describe('rules: the house style', () => {
  it('every rule has a kebab-case id, a description, a severity and messages that say what was expected', () => {
    const seen = new Set<string>();
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(seen.has(rule.id), rule.id).toBe(false);
      seen.add(rule.id);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(rule.severity);
      for (const [id, template] of Object.entries(rule.messages)) {
        expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(template === '{{message}}' || template.startsWith('Expected '), `${rule.id}/${id}: ${template}`).toBe(true);
      }
    }
  });

  it('describes the rules for formatters with the severity in effect and the docs page', () => {
    const rules = describeRules({ config: config({ 'typography-quotes': 'off', numbering: 'warning' }) });
    expect(rules.find((r) => r.id === 'typography-quotes')).toMatchObject({ severity: 'off', docs: 'docs/rules/typography-quotes.md' });
    expect(rules.find((r) => r.id === 'numbering')?.severity).toBe('warning');
    expect(describeRules({ strict: true }).every((r) => r.severity === 'error')).toBe(true);
  });
});

describe('severities from the config and --strict', () => {
  const text = withText('Centrul aplică "programul" şi S9.9.');

  it('uses the default severities', () => {
    expect(ids(text)).toEqual(['19 typography-quotes warning', '19 typography-cedilla error', '19 references error']);
  });

  it('turns rules off and changes their severity', () => {
    expect(ids(text, { config: config({ 'typography-quotes': 'off', references: 'warning', 'typography-cedilla': 'error' }) })).toEqual([
      '19 typography-cedilla error',
      '19 references warning',
    ]);
    expect(ids(text, { config: config({ 'typography-quotes': 'error' }) })[0]).toBe('19 typography-quotes error');
  });

  it('makes every warning an error with strict', () => {
    expect(ids(text, { strict: true })).toEqual(['19 typography-quotes error', '19 typography-cedilla error', '19 references error']);
  });

  it('applies the config to the parser problems of a rule too', () => {
    const noFrontMatter = VALID.replace(/^---[\s\S]*?---\n/, '');
    expect(ids(noFrontMatter).filter((i) => i.includes('front-matter'))).toEqual(['2 front-matter error']);
    expect(ids(noFrontMatter, { config: config({ 'front-matter': 'off' }) })).toEqual([]);
  });
});

describe('suppression comments', () => {
  it('disable … enable a rule for the lines between', () => {
    const text = withText('Centrul aplică "A".\n\n<!-- stdraft-disable typography-quotes -->\n\nApoi "B".\n\n<!-- stdraft-enable typography-quotes -->\n\nȘi "C".');
    expect(lint(text).map((d) => d.message)).toEqual(['Expected „A” with Romanian quotation marks, found "A"', 'Expected „C” with Romanian quotation marks, found "C"']);
  });

  it('disable with no rule turns every rule off; enable of one rule turns it back on', () => {
    const text = withText('<!-- stdraft-disable -->\n\n"A" şi S9.9.\n\n<!-- stdraft-enable references -->\n\n"B" şi S8.8.');
    expect(lint(text).map((d) => `${d.line} ${d.ruleId}`)).toEqual(['25 references']);
  });

  it('disable-next-line applies to the next line with content (fmt puts a blank line after the comment)', () => {
    const text = withText('<!-- stdraft-disable-next-line typography-quotes, references -- citat din ordin -->\n\nCitat: "A" din S9.9 şi.\n\n"B" rămâne.');
    expect(lint(text).map((d) => `${d.line} ${d.ruleId}`)).toEqual(['21 typography-cedilla', '23 typography-quotes']);
  });

  it('ignores other comments and unknown rule names', () => {
    const text = withText('<!-- o notă a redactorului -->\n\n<!-- stdraft-disable nu-exista -->\n\n"A".');
    expect(lint(text).map((d) => d.ruleId)).toEqual(['typography-quotes']);
  });
});

describe('parser problems and model checks', () => {
  it('reports each parser problem once, as a diagnostic of its rule, with its position and message', () => {
    const text = `${VALID}\nUn paragraf după indicatori.\n\n#### Prea adânc\n`;
    const { doc } = parseText(text, 'x.md');
    const diagnostics = lintDocument(doc);
    expect(doc.problems.length).toBe(2);
    for (const p of doc.problems) {
      const matching = diagnostics.filter((d) => d.ruleId === p.ruleId && d.line === p.span.start.line && d.message === p.message);
      expect(matching.length, p.message).toBe(1);
      expect(matching[0]).toMatchObject({ column: p.span.start.column, endLine: p.span.end.line, endColumn: p.span.end.column });
    }
    expect(diagnostics.length).toBe(2);
  });

  it('does not report a requirement without indicators twice when the parser already said what is there instead', () => {
    const text = VALID.replace('- Ghidul beneficiarului.', 'Paragraf în loc de listă.');
    expect(lint(text).map((d) => d.message)).toEqual(['Expected the list of indicators after "Indicatori:" in S1.1, found the paragraph "Paragraf în loc de listă."']);
  });

  it('keeps parser problems of a rule it does not know, as errors', () => {
    const parsed = parseText(VALID, 'x.md');
    parsed.doc.problems.push({ ruleId: 'future-check', messageId: 'x', message: 'Expected a, found b', span: { start: { line: 3, column: 1, offset: 0 }, end: { line: 3, column: 5, offset: 4 } } });
    expect(lintDocument(parsed.doc)).toEqual([{ file: 'x.md', line: 3, column: 1, endLine: 3, endColumn: 5, ruleId: 'future-check', severity: 'error', message: 'Expected a, found b' }]);
  });

  it('finds the same things without the source text, on the same lines (columns inside text are then approximate)', () => {
    const text = withText('Centrul aplică "programul" şi S9.9.\n\n- o listă');
    const parsed = parseText(text, 'x.md');
    const exact = lintParsed(parsed);
    const approximate = lintDocument(parsed.doc);
    expect(approximate.map((d) => [d.line, d.ruleId, d.message])).toEqual(exact.map((d) => [d.line, d.ruleId, d.message]));
    expect(approximate.map((d) => d.column)).toEqual(exact.map((d) => d.column));
    expect(exact.some((d) => d.fixable) && !approximate.some((d) => d.ruleId === 'typography-cedilla' && d.fixable)).toBe(true);
  });

  it('names the document file in every diagnostic', () => {
    const { doc } = parseText(withText('"x"'), 'standards/vtp/2016-02.md');
    expect(lintDocument(doc).map((d) => d.file)).toEqual(['standards/vtp/2016-02.md']);
  });
});

describe('registers', () => {
  it('reports the register parser problems with positions, and nothing for a clean register', () => {
    const clean = "title: x\ndate: '2016-02-17'\nfrom: '2016-02'\ncomments:\n  - id: 1\n    target: S1.1\n    by: ADPARE\n    text: t\n    decision: pending\n";
    expect(lintRegister(clean, 'r.yaml')).toEqual([]);
    const d = lintRegister(clean.replace('decision: pending', 'decision: accepted'), 'r.yaml');
    expect(d).toEqual([
      { file: 'r.yaml', line: 5, column: 5, endLine: 10, endColumn: 1, ruleId: 'register', severity: 'error', message: 'Expected a response in observation 1 (decision accepted); only pending observations may have none' },
    ]);
  });

  it('resolves targets in the version they name only when the caller gives the versions', () => {
    const text = "title: x\ndate: '2016-02-17'\nfrom: '2016-02'\ncomments:\n  - id: 1\n    target: S7.1\n    by: ADPARE\n    text: t\n    decision: pending\n";
    const { doc } = parseText(VALID, '2016-02.md');
    expect(lintRegister(text, 'r.yaml')).toEqual([]);
    expect(lintRegister(text, 'r.yaml', { versions: ['2016-02'], getVersion: (v) => (v === '2016-02' ? doc : null) }).map((x) => x.message)).toEqual([
      'Expected S7.1 to exist in version 2016-02, found no such requirement',
    ]);
    expect(lintRegister(text, 'r.yaml', { versions: ['2015-09'] }).map((x) => x.message)).toEqual([
      'Expected "from" to name a version of the set (2015-09), found "2016-02"',
    ]);
  });
});
