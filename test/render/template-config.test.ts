import { describe, expect, it } from 'vitest';
import { StdraftError } from '../../src/errors.js';
import { parseTemplateConfig } from '../../src/render/template-config.js';

const MINIMAL = 'sections:\n  - ordin.md.hbs\n';

function error(text: string): StdraftError {
  try {
    parseTemplateConfig(text, 'tpl/template.yaml');
  } catch (e) {
    if (e instanceof StdraftError) return e;
    throw e;
  }
  throw new Error('expected a template error');
}

describe('template.yaml', () => {
  it('reads a minimal file with the defaults: A4, Times New Roman 12, no line numbers', () => {
    const c = parseTemplateConfig(MINIMAL, 'tpl/template.yaml');
    expect(c.page).toMatchObject({ width: 11906, height: 16838, orientation: 'portrait' });
    expect(c.font).toEqual({ name: 'Times New Roman', size: 12, headings: 'Times New Roman' });
    expect(c.sections).toEqual([{ file: 'ordin.md.hbs', lineNumbers: false, line: 2 }]);
    expect(c.watermark).toBeNull();
    expect(c.consultation).toBeNull();
    expect(c.standards).toEqual({ requirementIds: 'plain', headingCase: 'as-written', moduleRange: false });
  });

  it('reads page size, orientation, margins in cm/mm/in/pt, font, watermark, line numbers and labels', () => {
    const c = parseTemplateConfig(
      [
        'page: { size: A5, orientation: landscape, margins: { top: 2cm, left: 25mm, right: 1in, bottom: 36pt } }',
        'font: { name: Arial, size: 11, headings: Georgia }',
        'watermark: PROIECT',
        'header: "{{title}}"',
        'labels: { ro: { module: MODUL, expected-results: "Rezultate:" } }',
        'standards: { requirement-ids: module-prefixed, heading-case: upper, module-range: true }',
        'consultation: { days: 15, day-kind: working }',
        'sections:',
        '  - anunt.md.hbs',
        '  - file: anexa.md.hbs',
        '    line-numbers: true',
      ].join('\n'),
      't.yaml',
    );
    expect(c.page).toMatchObject({ width: 11906, height: 8391, orientation: 'landscape' });
    expect(c.page.margins).toMatchObject({ top: 1134, left: 1417, right: 1440, bottom: 720 });
    expect(c.font).toEqual({ name: 'Arial', size: 11, headings: 'Georgia' });
    expect(c.watermark).toBe('PROIECT');
    expect(c.header).toEqual({ key: 'header', text: '{{title}}', line: 4 });
    expect(c.labels).toEqual({ ro: { module: 'MODUL', expectedResults: 'Rezultate:' } });
    expect(c.standards).toEqual({ requirementIds: 'module-prefixed', headingCase: 'upper', moduleRange: true });
    expect(c.consultation).toEqual({ days: 15, dayKind: 'working', approvalDays: 30, approvalDayKind: 'calendar' });
    expect(c.sections.map((s) => [s.file, s.lineNumbers])).toEqual([
      ['anunt.md.hbs', false],
      ['anexa.md.hbs', true],
    ]);
  });

  it('gives the line of a block-scalar header as the line after its key', () => {
    const c = parseTemplateConfig('header: |\n  {{title}}\n' + MINIMAL, 't.yaml');
    expect(c.header?.line).toBe(2);
  });

  it.each([
    ['malformed YAML', 'sections: [a.md.hbs\nfont: x', /invalid YAML/, 2],
    ['a list instead of a mapping', '- a\n- b', /Expected a mapping of template options/, 1],
    ['an unknown key', `${MINIMAL}watermak: PROIECT\n`, /Unknown key "watermak"/, 3],
    ['a margin without unit', `page:\n  margins:\n    top: 2\n${MINIMAL}`, /Expected page.margins.top to be a length/, 3],
    ['an unknown page size', `page: { size: B5 }\n${MINIMAL}`, /Expected page.size to be A3, A4, A5, Letter, Legal, found "B5"/, 1],
    ['a font size out of range', `font: { size: 200 }\n${MINIMAL}`, /font.size/, 1],
    ['a consultation shorter than 10 days', `consultation:\n  days: 7\n${MINIMAL}`, /at least 10, found 7/, 2],
    ['a wrong day kind', `consultation: { days: 10, day-kind: weekdays }\n${MINIMAL}`, /calendar or working/, 1],
    ['no sections', 'font: { size: 12 }\n', /Expected "sections"/, 1],
    ['a section that is not a .md.hbs file', 'sections:\n  - ordin.md\n', /NAME.md.hbs/, 2],
    ['a section in another folder', 'sections:\n  - ../x.md.hbs\n', /NAME.md.hbs/, 2],
    ['a boolean given as text', `toc: "yes"\n${MINIMAL}`, /Expected toc to be true or false/, 1],
    ['margins leaving no text', `page: { margins: { left: 10cm, right: 10cm } }\n${MINIMAL}`, /text width/, 1],
  ])('refuses %s with the line', (_name, text, message, line) => {
    const e = error(text);
    expect(e.kind).toBe('template');
    expect(e.message).toMatch(message);
    expect(e.line).toBe(line);
    expect(e.oneLine()).toMatch(/^tpl\/template.yaml:\d+: /);
    expect(e.oneLine()).not.toContain('\n');
  });
});
