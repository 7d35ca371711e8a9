import { describe, expect, it } from 'vitest';
import { StdraftError } from '../../src/errors.js';
import { TemplateEngine, type TemplateSource } from '../../src/render/handlebars.js';
import { templateHelpers } from '../../src/render/template.js';
import { failure } from '../support/errors.js';

function compile(text: string, partials: Record<string, string> = {}) {
  const engine = new TemplateEngine({
    partials: new Map(Object.entries(partials).map(([name, t]): [string, TemplateSource] => [name, { file: `tpl/${name}.md.hbs`, text: t }])),
    helpers: templateHelpers(),
    whereToSet: (p) => `set ${p}`,
    partialsHint: 'partials are the .hbs files of tpl',
  });
  return engine.compile({ file: 'tpl/main.md.hbs', text });
}


describe('templates are data, not code', () => {
  it('a template that recurses without end is stopped with a clear error', () => {
    const e = failure(() => compile('{{> loop}}', { loop: 'again {{> loop}}' })({}));
    expect(e.message).toMatch(/partials nest more than \d+ deep|recurses without end/);
    const mutual = failure(() => compile('{{> a}}', { a: '{{> b}}', b: '{{> a}}' })({}));
    expect(mutual.message).toMatch(/partials nest more than \d+ deep|recurses without end/);
  });

  it('cannot read files outside its folder through partials', () => {
    for (const name of ['../../../etc/passwd', '/etc/passwd', '../secret', 'nope']) {
      const e = failure(() => compile(`{{> ${name.startsWith('/') || name.includes('.') ? `"${name}"` : name}}}`)({}));
      expect(e.message, name).toMatch(/partial/i);
      expect(e.message).not.toMatch(/root:/);
    }
  });

  it('cannot reach prototype properties or call functions of the data', () => {
    for (const text of ['{{constructor.constructor}}', '{{__proto__.polluted}}', '{{#with this}}{{__defineGetter__}}{{/with}}', '{{lookup this "constructor"}}']) {
      let out: string | StdraftError;
      try {
        out = compile(text)({ title: 'x' });
      } catch (e) {
        out = e as StdraftError;
      }
      if (typeof out === 'string') expect(out, text).not.toMatch(/function|native code/);
      else expect(out, text).toBeInstanceOf(StdraftError);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
