import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { addDays, longDate, parseDate } from '../../src/render/dates.js';
import { inflect, loadTemplate, templateData, type TemplateFolder } from '../../src/render/template.js';
import { parseTemplateConfig } from '../../src/render/template-config.js';
import { ROOT } from '../support/cli.js';
import { VALID } from '../support/tmp.js';
import { failure } from '../support/errors.js';

const doc = parseText(VALID, 'standards/t/2015-09.md').doc;

function folder(config: string, files: Record<string, string>): TemplateFolder {
  return { label: 'tpl', config, files: new Map(Object.entries(files)) };
}


describe('the data templates see', () => {
  it('has the front matter as written, config.*, template.*, set, short-title and counts', () => {
    const template = parseTemplateConfig('sections: [a.md.hbs]\nname: t', 'tpl/template.yaml');
    const data = templateData({ doc, config: { 'short-title': 'Scurt', order: { basis: 'B' } }, template, set: 't' });
    expect(data).toMatchObject({
      title: 'Standarde de test',
      version: '2015-09',
      config: { order: { basis: 'B' } },
      template: { name: 't' },
      set: 't',
      'short-title': 'Scurt',
      counts: { modules: 1, standards: 1, requirements: 1, indicators: 1 },
    });
    expect(data['consultation']).toBeUndefined();
    expect(templateData({ doc, config: {}, template, set: null })['short-title']).toBe('Standarde de test');
  });

  it('computes the consultation deadline in calendar or working days, from the posting date', () => {
    const calendar = parseTemplateConfig('consultation: { days: 10 }\nsections: [a.md.hbs]', 't');
    expect(templateData({ doc, config: {}, template: calendar, set: null })['consultation']).toEqual({ days: 10, 'day-kind': 'calendar', 'approval-days': 30, 'approval-day-kind': 'calendar', posted: '2015-09-22', deadline: '2015-10-02', approval: '2015-10-22' });
    const working = parseTemplateConfig('consultation: { days: 10, day-kind: working }\nsections: [a.md.hbs]', 't');
    // Posted on Friday 2016-02-19: ten working days end on Friday 2016-03-04; a holiday on 2016-03-01 moves it to Monday.
    const cfg = { consultation: { posted: '2016-02-19' } };
    expect(templateData({ doc, config: cfg, template: working, set: null })['consultation']).toMatchObject({ posted: '2016-02-19', deadline: '2016-03-04' });
    const holidays = { consultation: { posted: '2016-02-19', holidays: ['2016-03-01'] } };
    expect(templateData({ doc, config: holidays, template: working, set: null })['consultation']).toMatchObject({ deadline: '2016-03-07' });
    // An unreadable posting date is a configuration error naming it (not reported later as a missing value).
    expect(() => templateData({ doc, config: { consultation: { posted: '19.02.2016' } }, template: working, set: null })).toThrow(
      'consultation.posted must be a date written YYYY-MM-DD, found "19.02.2016"',
    );
  });

  it('dates: parsing, adding days, writing them in Romanian and English', () => {
    expect(parseDate('2016-02-30')).toBeNull();
    expect(parseDate('2016-02-29')).not.toBeNull();
    expect(longDate(addDays(parseDate('2016-12-27')!, 10, 'calendar'), 'ro')).toBe('6 ianuarie 2017');
    expect(longDate(parseDate('2016-03-01')!, 'en')).toBe('1 March 2016');
  });

  it('inflects the first word of a Romanian title', () => {
    const title = 'Standarde minime de calitate pentru serviciile sociale';
    expect(inflect(title, 'articulated')).toBe('Standardele minime de calitate pentru serviciile sociale');
    expect(inflect(title, 'genitive')).toBe('Standardelor minime de calitate pentru serviciile sociale');
    expect(inflect('STANDARDE MINIME', 'genitive')).toBe('STANDARDELOR MINIME');
    expect(inflect('Procedură de lucru', 'genitive')).toBe('Procedurii de lucru');
    expect(inflect('Standardizarea serviciilor', 'genitive')).toBe('Standardizarea serviciilor');
  });
});

describe('loading a template folder', () => {
  const sources = { documentFile: 'standards/t/2015-09.md', configFile: 'stdraft.config.yaml' };

  it('names where to set a missing value', () => {
    const t = loadTemplate(folder('sections: [a.md.hbs]', { 'a.md.hbs': '{{config.order.basis}}\n{{issuer}}\n{{template.extra}}\n{{signer}}' }), sources);
    const data = templateData({ doc, config: {}, template: t.config, set: null });
    const e = failure(() => t.sections[0]!.render(data));
    expect(e.oneLine()).toBe('tpl/a.md.hbs:1: Expected a value for "config.order.basis", found none (set order.basis in stdraft.config.yaml)');
    const issuer = failure(() => loadTemplate(folder('sections: [a.md.hbs]', { 'a.md.hbs': '{{issuer}}' }), sources).sections[0]!.render(data));
    expect(issuer.hint).toBe('add issuer: to the front matter of standards/t/2015-09.md');
    const noConfig = failure(() => loadTemplate(folder('sections: [a.md.hbs]', { 'a.md.hbs': '{{config.x}}' }), { ...sources, configFile: null }).sections[0]!.render(data));
    expect(noConfig.hint).toBe('create stdraft.config.yaml at the workspace root and set x there');
    const unknown = failure(() => loadTemplate(folder('sections: [a.md.hbs]', { 'a.md.hbs': '{{signer}}' }), sources).sections[0]!.render(data));
    expect(unknown.hint).toMatch(/"signer" is not a value templates receive/);
  });

  it('refuses a section file the folder does not have, naming the line of template.yaml', () => {
    const e = failure(() => loadTemplate(folder('name: x\nsections:\n  - a.md.hbs\n  - b.md.hbs', { 'a.md.hbs': 'x' }), sources));
    expect(e.oneLine()).toMatch(/^tpl\/template.yaml:4: Expected the section file b.md.hbs in the template folder, found none/);
  });

  it('checks every .hbs file of the folder when it loads (a broken partial fails even before it is used)', () => {
    const e = failure(() => loadTemplate(folder('sections: [a.md.hbs]', { 'a.md.hbs': 'x', 'b.md.hbs': '\n{{#if}}' }), sources));
    expect(e.file).toBe('tpl/b.md.hbs');
    expect(e.line).toBe(2);
  });

  it('compiles the bundled templates', () => {
    for (const name of ['consultation', 'final']) {
      const dir = path.join(ROOT, 'templates', name);
      const files = new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.hbs')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
      const t = loadTemplate({ label: `templates/${name}`, config: fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'), files }, sources);
      expect(t.sections.length).toBeGreaterThan(1);
      expect(t.config.watermark).toBe(name === 'consultation' ? 'PROIECT' : null);
      expect(t.config.sections.some((s) => s.lineNumbers)).toBe(name === 'consultation');
    }
  });
});
