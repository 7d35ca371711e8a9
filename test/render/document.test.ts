import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { paragraphs, readDocx, sections } from './docx.js';
import { DEMO_CONFIG, produce, versionFile } from './helpers.js';

const TITLE = 'Standarde minime de calitate pentru serviciile de asistență și protecție a victimelor traficului de persoane';
const ISSUER = 'Ministerul Muncii, Familiei, Protecției Sociale și Persoanelor Vârstnice';
const INITIATOR = 'Agenția Națională împotriva Traficului de Persoane';
const MINISTER = 'ministrul muncii, familiei, protecției sociale și persoanelor vârstnice';

describe('the consultation draft (render)', async () => {
  const result = await produce('render', ['2016-02'], ROOT);
  const docx = await readDocx(result.bytes!);
  const ps = paragraphs(docx.document);
  const texts = ps.map((p) => p.text);

  it('has the announcement, the approval memo, the order and the annex, each its own section; only the annex numbers its lines', () => {
    const sects = sections(docx.document);
    expect(sects).toHaveLength(4);
    expect(sects.map((s) => /<w:lnNumType w:countBy="1" w:restart="newPage"[^>]*\/>/.test(s))).toEqual([false, false, false, true]);
    expect(sects.every((s) => /<w:pgSz w:w="11906" w:h="16838"/.test(s))).toBe(true);
    // LibreOffice numbers every paragraph of a document that numbers a section, unless told not to.
    const annexStart = ps.findIndex((p) => p.text === 'ANEXĂ');
    expect(annexStart).toBeGreaterThan(0);
    expect(ps.slice(0, annexStart).every((p) => p.xml.includes('<w:suppressLineNumbers/>'))).toBe(true);
    expect(ps.slice(annexStart).some((p) => p.xml.includes('<w:suppressLineNumbers/>'))).toBe(false);
  });

  it('starts with the consultation announcement (Legea nr. 52/2003): date posted, deadline, where to send, contact', () => {
    const announcement = texts.slice(0, texts.indexOf('ANUNȚ') + 12).join('\n');
    expect(texts[0]).toBe(ISSUER.toLocaleUpperCase('ro-RO'));
    // The date posted (config) is not the version's date (16 February 2016).
    expect(announcement).toContain('Data afișării: 22 februarie 2016');
    expect(announcement).toContain(`${ISSUER} supune consultării publice proiectul de ordin`);
    expect(announcement).toContain(`inițiat de ${INITIATOR} (textul versiunii 2016-02, din 16 februarie 2016)`);
    expect(announcement).toContain('prezentul anunț, referatul de aprobare elaborat de inițiator, proiectul de ordin și anexa acestuia');
    expect(announcement).toContain('până la data de 3 martie 2016 (10 zile calendaristice de la data afișării)');
    expect(announcement).toContain('Organizarea unei dezbateri publice asupra proiectului poate fi cerută în scris (art. 7 alin. (9) din Legea nr. 52/2003), pe aceleași căi, până la data de 3 martie 2016.');
    expect(announcement).toContain('nu mai devreme de 23 martie 2016, la împlinirea a 30 de zile calendaristice de la data afișării (art. 7 alin. (2) din Legea nr. 52/2003)');
    expect(announcement).toContain('a) prin poștă sau depuse la registratura instituției, la adresa: Str. Exemplului nr. 1, sector 1, București;');
    expect(announcement).toContain('b) prin poștă electronică, la adresa: consultare.publica@example.org.');
    expect(announcement).toContain('Persoana de contact: Ioana Popescu, telefon 021 000 00 00, e-mail ioana.popescu@example.org.');
  });

  it('has the approval memo after the announcement, linked from it: reasons, solution, legal basis, the workshops counted from the registers, impact', () => {
    const start = texts.indexOf('REFERAT DE APROBARE');
    expect(start).toBeGreaterThan(texts.indexOf('ANUNȚ'));
    expect(start).toBeLessThan(texts.indexOf('PROIECT'));
    expect(texts[start - 3]).toBe(INITIATOR.toLocaleUpperCase('ro-RO'));
    expect(texts[start - 2]).toBe('Nr. 1.520/DJ din 19.02.2016');
    expect(texts[start - 1]).toBe(`Aprob,Ministrul muncii, familiei, protecției sociale și persoanelor vârstniceDragoș-Nicolae Pîslaru`);
    const memo = texts.slice(start, texts.indexOf('PROIECT'));
    for (const heading of ['1. Motivul emiterii actului', '2. Soluția propusă', '3. Baza legală', '4. Consultarea', '5. Impactul']) expect(memo).toContain(heading);
    expect(memo.join('\n')).toContain('Textul supus aprobării este versiunea 2016-02 din 16 februarie 2016: 6 module, 25 de standarde');
    // The 2015-09 workshop, answered by 2016-02: 28 observations (8 from the 2015 evaluation), counted per decision from the register.
    expect(memo).toContain('– Observații formulate la atelierul de lucru din 22-23 septembrie 2015: 28 de observații asupra versiunii 2015-09, dintre care 15 acceptate, 5 acceptate parțial și 8 respinse; răspunsurile sunt cuprinse în versiunea 2016-02.');
    expect(memo.at(-1)).toBe('Ioana Ionescu');
    // The announcement's mention of the memo is a link to its title.
    const link = ps.find((p) => p.text.includes('prezentul anunț, referatul de aprobare'))!;
    expect(link.xml).toMatch(/<w:hyperlink [^>]*w:anchor="referat"/);
    expect(ps[start]!.xml).toMatch(/<w:bookmarkStart [^>]*w:name="referat"/);
  });

  it('has the draft order: PROIECT, title, preamble, opening formula, articles, signature, then ANEXĂ and the standards', () => {
    const order = texts.slice(texts.indexOf('PROIECT'));
    expect(order[1]).toBe(ISSUER.toLocaleUpperCase('ro-RO'));
    expect(ps.find((p) => p.text.startsWith('ORDIN nr.'))!.style).toBe('Title');
    expect(order).toContain(`privind aprobarea Standardelor minime de calitate pentru serviciile de asistență și protecție a victimelor traficului de persoane`);
    const preamble = order.slice(order.indexOf('Având în vedere:'), order.findIndex((t) => t.startsWith('Art. 1.')));
    expect(preamble[1]).toBe(`– Referatul de aprobare nr. 1.520/DJ din 19.02.2016, elaborat de către ${INITIATOR};`);
    expect(preamble).toContain('– Legea nr. 678/2001 privind prevenirea și combaterea traficului de persoane, cu modificările și completările ulterioare;');
    expect(preamble.join('\n')).not.toMatch(/1238|Hotărârea Guvernului nr\. 1\.238/);
    const basis = preamble.indexOf('în temeiul:');
    expect(basis).toBeGreaterThan(1);
    expect(preamble.slice(1, basis).every((t) => t.startsWith('– ') && t.endsWith(';'))).toBe(true);
    expect(preamble.slice(basis + 1, -1).every((t) => t.startsWith('– '))).toBe(true);
    expect(preamble.at(-2)).toMatch(/^– art\. 17 alin\. \(3\) din Hotărârea Guvernului nr\. 344\/2014 .*,$/);
    expect(preamble.at(-1)).toBe(`${MINISTER} emite următorul ordin:`);
    const art1 = ps.find((p) => p.text.startsWith('Art. 1.'))!;
    expect(art1.runs[0]).toEqual({ text: 'Art. 1.', bold: true });
    expect(art1.text).toBe(`Art. 1. — Se aprobă ${TITLE.replace('Standarde', 'Standardele')}, prevăzute în anexa care face parte integrantă din prezentul ordin.`);
    expect(texts.find((t) => t.startsWith('Art. 3.'))).toBe('Art. 3. — Prezentul ordin se publică în Monitorul Oficial al României, Partea I.');
    expect(ps.filter((p) => p.style === 'Signature').slice(-2).map((p) => p.text)).toEqual(['Ministrul muncii, familiei, protecției sociale și persoanelor vârstnice,', 'Dragoș-Nicolae Pîslaru']);
    expect(texts).toContain('București, ______________.Nr. ______.');
    const annex = texts.indexOf('ANEXĂ');
    expect(texts[annex + 1]).toBe(TITLE);
    expect(texts.indexOf(TITLE)).toBe(annex + 1);
  });

  it('has a header with the short title and version, a watermark, and a footer "Pagina X din Y"', () => {
    expect(docx.headers.length).toBeGreaterThan(0);
    for (const header of docx.headers) {
      expect(paragraphs(header)[0]!.text).toBe('Standarde minime VTP — proiect supus consultării publice, versiunea 2016-02');
      expect(header).toMatch(/<v:shape id="PowerPlusWaterMarkObject[^"]*"[^>]*>[\s\S]*<v:textpath [^>]*string="PROIECT"/);
    }
    for (const footer of docx.footers) {
      expect(footer).toMatch(/<w:t xml:space="preserve">Pagina <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> din <\/w:t>[\s\S]*<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    }
  });

  it('has the document properties: title, subject, creator (issuer), revision (version), keywords', () => {
    expect(docx.core).toContain(`<dc:title>${TITLE}</dc:title>`);
    expect(docx.core).toContain(`<dc:subject>Proiect de ordin privind aprobarea Standardelor minime de calitate`);
    expect(docx.core).toContain(`<dc:creator>${ISSUER}</dc:creator>`);
    expect(docx.core).toContain('<cp:revision>2016-02</cp:revision>');
    expect(docx.core).toContain('<cp:keywords>standarde minime de calitate, vtp, 2016-02, proiect, consultare publică</cp:keywords>');
    expect(docx.core).toContain('<dc:description>Text ilustrativ');
  });
});

describe('the final order (export)', async () => {
  const result = await produce('export', ['2016-04'], ROOT);
  it('is written', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*out\.docx \(standards\/vtp\/2016-04\.md, template templates\/final\)\n$/);
  });

  it('has the same text without draft marks: no PROIECT, watermark, line numbers or header', async () => {
    const docx = await readDocx(result.bytes!);
    const texts = paragraphs(docx.document).map((p) => p.text);
    expect(texts).not.toContain('PROIECT');
    expect(texts).not.toContain('ANUNȚ');
    expect(docx.document).not.toContain('lnNumType');
    expect(docx.document).not.toContain('suppressLineNumbers');
    expect(docx.headers.join('')).not.toContain('PROIECT');
    expect(docx.headers.join('')).not.toContain('textpath');
    expect(texts.find((t) => t.startsWith('ORDIN nr.'))).toBeDefined();
    expect(texts).toContain('ANEXĂ');
    expect(docx.footers.join('')).toContain('NUMPAGES');
    expect(docx.core).toContain('<cp:revision>2016-04</cp:revision>');
    expect(docx.core).toContain('<dc:subject>Ordin privind aprobarea');
  });
});

describe('template options', () => {
  const templateDir = (yaml: string, files: Record<string, string> = {}) => ({
    'tpl/template.yaml': yaml,
    'tpl/a.md.hbs': '# {{title}}\n\n{{standards}}\n',
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`tpl/${k}`, v])),
  });
  const body = '# Modulul I. M\n\n## Standardul 1. S\n\nEnunț.\n\n**Rezultate așteptate:** R.\n\n### S1.1\n\nText.\n\n**Indicatori:**\n\n- I.\n';

  it('takes the styles of a reference .docx (pandoc --reference-doc) and keeps the styles it lacks', async () => {
    const reference = await Packer.toBuffer(
      new Document({ styles: { default: { heading1: { run: { color: 'FF0000', font: 'Arial' } } } }, sections: [{ children: [new Paragraph('x')] }] }),
    );
    const cwd = tempDir({ 'standards/t/2015-09.md': versionFile(body), ...templateDir('reference-docx: ref/stiluri.docx\nsections: [a.md.hbs]\n'), 'tpl/ref/stiluri.docx': new Uint8Array(reference) });
    const result = await produce('render', ['2015-09', '--template', './tpl'], cwd);
    expect(result.stderr).toBe('');
    const { styles } = await readDocx(result.bytes!);
    const heading1 = [...styles.matchAll(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/g)];
    expect(heading1).toHaveLength(1);
    expect(heading1[0]![0]).toContain('FF0000');
    for (const id of ['Requirement', 'Indicator', 'IndicatorsLabel', 'Enumeration']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('refuses a reference that is not a Word document, or is missing', async () => {
    const cwd = tempDir({ 'standards/t/2015-09.md': versionFile(body), ...templateDir('reference-docx: stiluri.docx\nsections: [a.md.hbs]\n'), 'tpl/stiluri.docx': 'not a zip' });
    const bad = await produce('render', ['2015-09', '--template', './tpl'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('stdraft: tpl/stiluri.docx: Expected a Word document (.docx), found a file that is not a zip package (save the reference document as .docx in Word or LibreOffice)\n');
    fs.rmSync(path.join(cwd, 'tpl/stiluri.docx'));
    const missing = await produce('render', ['2015-09', '--template', './tpl'], cwd);
    expect(missing.stderr).toMatch(/^stdraft: tpl\/template.yaml:1: reference-docx stiluri.docx not found/);
  });

  it('adds a table of contents over the module and standard headings when toc is on', async () => {
    const cwd = tempDir({ 'standards/t/2015-09.md': versionFile(body), ...templateDir('toc: true\nsections: [a.md.hbs]\n') });
    const { document } = await readDocx((await produce('render', ['2015-09', '--template', './tpl'], cwd)).bytes!);
    expect(document).toMatch(/<w:instrText xml:space="preserve">TOC [^<]*\\o &quot;1-2&quot;/);
    const without = tempDir({ 'standards/t/2015-09.md': versionFile(body), ...templateDir('sections: [a.md.hbs]\n') });
    expect((await readDocx((await produce('render', ['2015-09', '--template', './tpl'], without)).bytes!)).document).not.toContain('TOC ');
  });

  it('applies the page size, margins and font of template.yaml', async () => {
    const cwd = tempDir({ 'standards/t/2015-09.md': versionFile(body), ...templateDir('page: { size: Letter, orientation: landscape, margins: { left: 3cm } }\nfont: { name: Arial, size: 11 }\nsections: [a.md.hbs]\n') });
    const docx = await readDocx((await produce('render', ['2015-09', '--template', './tpl'], cwd)).bytes!);
    expect(sections(docx.document)[0]).toMatch(/<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"\/><w:pgMar [^>]*w:left="1701"/);
    expect(docx.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?w:ascii="Arial"[\s\S]*?<w:sz w:val="22"\/>/);
  });

  it('refuses a template that never places the standards, or places them inside a paragraph', async () => {
    const none = tempDir({ 'standards/t/2015-09.md': versionFile(body), 'tpl/template.yaml': 'sections: [a.md.hbs]', 'tpl/a.md.hbs': '# {{title}}\n' });
    const r1 = await produce('render', ['2015-09', '--template', './tpl'], none);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/^stdraft: tpl\/template.yaml: Expected \{\{standards\}\} in one of the section files, found none/);
    const inline = tempDir({ 'standards/t/2015-09.md': versionFile(body), 'tpl/template.yaml': 'sections: [a.md.hbs]', 'tpl/a.md.hbs': '# {{title}}\n\nText {{standards}} more.\n' });
    const r2 = await produce('render', ['2015-09', '--template', './tpl'], inline);
    expect(r2.stderr).toMatch(/^stdraft: tpl\/a.md.hbs:3: Expected \{\{standards\}\} on a line of its own/);
    expect(r2.bytes).toBeNull();
  });
});
