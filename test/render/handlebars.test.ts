import { describe, expect, it } from 'vitest';
import { TemplateEngine, escapeMarkdown, type TemplateSource } from '../../src/render/handlebars.js';
import { templateHelpers } from '../../src/render/template.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { toString } from 'mdast-util-to-string';
import { failure } from '../support/errors.js';

function engine(partials: Record<string, string> = {}) {
  return new TemplateEngine({
    partials: new Map(Object.entries(partials).map(([name, text]): [string, TemplateSource] => [name, { file: `tpl/${name}.md.hbs`, text }])),
    helpers: templateHelpers(),
    whereToSet: (path) => `set ${path} somewhere`,
    partialsHint: 'partials are the .hbs files of tpl',
  });
}

function render(text: string, data: Record<string, unknown>, partials: Record<string, string> = {}): string {
  return engine(partials).compile({ file: 'tpl/main.md.hbs', text })(data);
}


describe('template values', () => {
  it('fills values, nested values, lists and helpers', () => {
    const out = render(
      '{{title}} — {{config.order.signatory}}\n{{#each legal-basis}}- {{this}}\n{{/each}}{{upper issuer}} {{long-date date}} {{join authors "; "}}',
      { title: 'Standarde', config: { order: { signatory: 'ministrul' } }, 'legal-basis': ['Legea 1', 'Legea 2'], issuer: 'Agenția', date: '2016-02-16', authors: ['A', 'B'] },
    );
    expect(out).toBe('Standarde — ministrul\n- Legea 1\n- Legea 2\nAGENȚIA 16 februarie 2016 A; B');
  });

  it.each([
    ['a top-level value', 'line one\n{{issuer}}', {}, 'issuer', 2],
    ['a nested value whose parent exists', '{{config.consultation.email}}', { config: { consultation: {} } }, 'config.consultation.email', 1],
    ['a nested value whose parent is missing', '\n\n{{config.consultation.contact.name}}', { config: {} }, 'config.consultation.contact.name', 3],
    ['a helper argument', 'x {{upper issuer}}', {}, 'issuer', 1],
    ['a nested helper argument', '{{long-date consultation.deadline}}', { consultation: {} }, 'consultation.deadline', 1],
    ['a list to repeat', '{{#each legal-basis}}{{this}}{{/each}}', {}, 'legal-basis', 1],
    ['a value inside a repeated block', '{{#each items}}\n{{this.name}}\n{{/each}}', { items: [{ name: 'a' }, {}] }, 'this.name', 2],
    ['a value of an outer scope', '{{#each items}}{{../missing}}{{/each}}', { items: [1] }, '../missing', 1],
  ])('a missing value is an error naming it: %s', (_name, text, data, key, line) => {
    const e = failure(() => render(text, data));
    expect(e.kind).toBe('template');
    expect(e.file).toBe('tpl/main.md.hbs');
    expect(e.line).toBe(line);
    expect(e.message).toBe(`Expected a value for "${key}", found none`);
    expect(e.hint).toBe(`set ${key} somewhere`);
  });

  it('lets {{#if}} and {{#unless}} test optional values, however deep, without an error', () => {
    expect(render('{{#if note}}N{{else}}none{{/if}}|{{#unless a.b.c}}no c{{/unless}}|{{#if (lookup config "x")}}x{{/if}}', { config: {} })).toBe('none|no c|');
    expect(render('{{#if a.b.c}}{{a.b.c}}{{/if}}', { a: { b: { c: 'deep' } } })).toBe('deep');
  });

  it('refuses a list or a mapping where text is expected', () => {
    expect(failure(() => render('{{authors}}', { authors: ['A'] })).message).toMatch(/Expected "authors" to be text, found a list/);
    expect(failure(() => render('{{config}}', { config: { a: 1 } })).message).toMatch(/found a mapping/);
  });

  it('keeps prototype access off: inherited properties are missing values', () => {
    expect(failure(() => render('{{constructor}}', {})).message).toBe('Expected a value for "constructor", found none');
    expect(failure(() => render('{{title.constructor.name}}', { title: 'x' })).message).toMatch(/"title.constructor.name"/);
    expect(failure(() => render('{{title.__proto__}}', { title: 'x' })).message).toMatch(/"title.__proto__"/);
  });

  it('inserts values as literal text: Markdown characters are escaped, URLs and e-mails kept', () => {
    const value = '*bold?* _x_ [link](y) <b> # 1. a|b ~z~ `c` & https://example.org/a_b-c ion_pop@example.org';
    const out = render('{{v}}', { v: value });
    const root = parseMarkdown(out);
    expect(root.children).toHaveLength(1);
    expect(root.children[0]!.type).toBe('paragraph');
    const p = root.children[0] as { children: { type: string }[] };
    expect(p.children.filter((c) => c.type !== 'text' && c.type !== 'link').map((c) => c.type)).toEqual([]);
    expect(toString(root)).toBe(value);
    expect(p.children.filter((c) => c.type === 'link')).toHaveLength(2);
    // A value at the start of a line does not start a list or a heading.
    for (const start of ['- item', '# title', '1. first', '> quote', '+ x']) {
      expect(toString(parseMarkdown(render('{{v}}', { v: start })))).toBe(start);
      expect(parseMarkdown(render('{{v}}', { v: start })).children[0]!.type).toBe('paragraph');
    }
    expect(escapeMarkdown('a*b')).toBe('a\\*b');
  });

  it('inserts Markdown as written with {{{triple}}} braces', () => {
    expect(render('{{{v}}}', { v: '**bold**' })).toBe('**bold**');
  });
});

describe('template errors name the file and line', () => {
  it('reports a syntax error with its line', () => {
    const e = failure(() => engine().compile({ file: 'tpl/x.md.hbs', text: 'a\nb {{#if x}}\nc\n{{/each}}' }));
    expect(e.file).toBe('tpl/x.md.hbs');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^Handlebars syntax error: if doesn't match each/);
    const open = failure(() => engine().compile({ file: 'tpl/x.md.hbs', text: 'a\n\n{{title' }));
    expect(open.line).toBe(3);
    expect(open.message).toMatch(/Handlebars syntax error: Expecting/);
  });

  it('reports an unknown helper before rendering, with the helpers there are', () => {
    const e = failure(() => engine().compile({ file: 'tpl/x.md.hbs', text: 'a\n{{shout title}}' }));
    expect(e.line).toBe(2);
    expect(e.message).toBe('unknown helper "shout"');
    expect(e.hint).toMatch(/helpers: .*upper/);
    const block = failure(() => engine().compile({ file: 'tpl/x.md.hbs', text: '{{#items}}x{{/items}}' }));
    expect(block.message).toBe('unknown block helper "items"');
    expect(block.hint).toMatch(/\{\{#each items\}\}/);
  });

  it('resolves partials only among the template folder files', () => {
    expect(render('A {{> semnatura}} B', { name: 'N' }, { semnatura: '[{{name}}]' })).toBe('A [N] B');
    for (const name of ['lipsa', '../consultation/ordin', 'sub/dir']) {
      const e = failure(() => engine({ semnatura: 'x' }).compile({ file: 'tpl/x.md.hbs', text: `\n{{> ${name}}}` }));
      expect(e.line).toBe(2);
      expect(e.message).toBe(`unknown partial "${name}"`);
      expect(e.hint).toBe('partials are the .hbs files of tpl: semnatura');
    }
    expect(failure(() => engine().compile({ file: 'tpl/x.md.hbs', text: '{{> (lookup this "p")}}' })).message).toMatch(/computed/);
  });

  it('names the partial file and its line for a value missing inside a partial', () => {
    const e = failure(() => render('{{> semnatura}}', {}, { semnatura: 'first\n{{config.order.signatory}}' }));
    expect(e.file).toBe('tpl/semnatura.md.hbs');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/"config.order.signatory"/);
  });

  it('refuses a partial that includes itself', () => {
    const e = failure(() => render('{{> loop}}', {}, { loop: 'x{{> loop}}' }));
    expect(e.message).toMatch(/nest more than 50 deep/);
  });

  it('adds the line offset of a template written inside template.yaml', () => {
    const e = failure(() => engine().compile({ file: 'tpl/template.yaml', text: 'a {{short-title}}', lineOffset: 11 })({}));
    expect(e.file).toBe('tpl/template.yaml');
    expect(e.line).toBe(12);
  });

  it('reports a helper given a value it cannot use', () => {
    const e = failure(() => render('\n{{long-date date}}', { date: '16.02.2016' }));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/Expected a date written YYYY-MM-DD for long-date, found "16.02.2016"/);
  });
});
