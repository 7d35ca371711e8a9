/**
 * Word documents: packages built the way Word writes them (styles, numbering, tracked changes, comments,
 * headers), and the refusals of what stdraft cannot read.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytes } from './helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  body: string;
  styles?: string;
  numbering?: string;
  comments?: string;
  header?: string;
}

/** A .docx package: content types, relationships, the document and the optional parts. */
function docx(parts: Parts): Uint8Array {
  const rels = [
    parts.styles ? `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>` : '',
    parts.numbering ? `<Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/>` : '',
    parts.comments ? `<Relationship Id="rId3" Type="${R}/comments" Target="comments.xml"/>` : '',
    parts.header ? `<Relationship Id="rId4" Type="${R}/header" Target="header1.xml"/>` : '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`),
  };
  if (parts.styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.comments) files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}">${parts.comments}</w:comments>`);
  if (parts.header) files['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="${W}">${parts.header}</w:hdr>`);
  return zipSync(files);
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const p = (content: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
const styled = (style: string, text: string) => p(run(text), `<w:pStyle w:val="${style}"/>`);

/** Styles as Word names them (localised ids, English names), one based on another. */
const STYLES = [
  '<w:style w:type="paragraph" w:styleId="Titlu1"><w:name w:val="heading 1"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Titlu2"><w:name w:val="heading 2"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Modul"><w:name w:val="Modul"/><w:basedOn w:val="Titlu1"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Titlu"><w:name w:val="Title"/></w:style>',
  '<w:style w:type="character" w:styleId="Accentuat"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>',
].join('');

const LETTERED = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
const numbered = (numId: number, text: string) => p(run(text), `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`);

/** A partner's Word draft: headings by style, bold labels, automatic lettering and bullets, a table. */
function draft(extra: { requirement?: string; header?: string; comments?: string } = {}): Uint8Array {
  const body = [
    styled('Titlu', 'STANDARDE MINIME DE CALITATE'),
    styled('Modul', 'MODULUL I – ACCESAREA SERVICIULUI (Standardele 1-1)'),
    styled('Titlu2', 'STANDARDUL 1 – INFORMAREA'),
    p(run('Centrul informează potențialii beneficiari.')),
    p(run('Rezultate așteptate:', '<w:b/>') + run(' Beneficiarii cunosc serviciile.')),
    extra.requirement ?? p(run('S1.1.', '<w:b/>') + run(' ') + run('Ghidul beneficiarului.', '<w:rStyle w:val="Accentuat"/>') + run(' Centrul dispune de un ') + run('ghid', '<w:i/>') + run(' care cuprinde:')),
    numbered(1, 'serviciile oferite;'),
    numbered(1, 'drepturile beneficiarilor.'),
    `<w:tbl><w:tr><w:tc><w:p>${run('Ediția', '<w:b/>')}</w:p></w:tc><w:tc><w:p>${run('Data', '<w:b/>')}</w:p></w:tc></w:tr><w:tr><w:tc><w:p>${run('1')}</w:p></w:tc><w:tc><w:p>${run('2019')}</w:p></w:tc></w:tr></w:tbl>`,
    p(run('Indicatori:', '<w:b/>')),
    numbered(2, 'Ghidul beneficiarului.'),
    numbered(2, 'Registrul de informare.'),
  ].join('');
  return docx({ body, styles: STYLES, numbering: LETTERED, ...(extra.header ? { header: extra.header } : {}), ...(extra.comments ? { comments: extra.comments } : {}) });
}

describe('import: Word documents', () => {
  it('reads headings from styles, bold titles, italics, automatic lettering, bullets and tables', () => {
    const r = importBytes(draft(), { file: 'draft.docx' });
    expect(r.structure).toEqual([]);
    expect(r.report.format).toBe('docx');
    expect(r.counts).toEqual({ modules: 1, standards: 1, requirements: 1, indicators: 2 });
    expect(r.doc.meta.title).toBe('Standarde minime de calitate');
    expect(r.markdown).toContain(
      [
        '# Modulul I. Accesarea serviciului',
        '',
        '## Standardul 1. Informarea',
        '',
        'Centrul informează potențialii beneficiari.',
        '',
        '**Rezultate așteptate:** Beneficiarii cunosc serviciile.',
        '',
        '### S1.1 Ghidul beneficiarului',
        '',
        'Centrul dispune de un *ghid* care cuprinde:',
        'a) serviciile oferite;',
        'b) drepturile beneficiarilor.',
        '',
        '| Ediția | Data |',
        '| --- | --- |',
        '| 1 | 2019 |',
        '',
        '**Indicatori:**',
        '',
        '- Ghidul beneficiarului.',
        '- Registrul de informare.',
        '',
      ].join('\n'),
    );
  });

  it('refuses tracked changes with their count unless --changes says which text to take', () => {
    const requirement = p(
      run('S1.1. Centrul dispune de un ghid ') +
        `<w:ins w:id="1" w:author="ANITP" w:date="2019-01-05T10:00:00Z">${run('actualizat anual ')}</w:ins>` +
        `<w:del w:id="2" w:author="ANITP" w:date="2019-01-05T10:00:00Z"><w:r><w:delText xml:space="preserve">revizuit la nevoie </w:delText></w:r></w:del>` +
        run('care cuprinde:'),
    );
    const bytes = draft({ requirement });
    expect(() => importBytes(bytes, { file: 'draft.docx' })).toThrow(/^has 2 tracked changes \(insertions, deletions, moves\)$/);
    try {
      importBytes(bytes, { file: 'draft.docx' });
    } catch (error) {
      expect((error as { hint?: string }).hint).toContain('--changes accept');
    }
    const accepted = importBytes(bytes, { file: 'draft.docx', changes: 'accept' });
    expect(accepted.markdown).toContain('Centrul dispune de un ghid actualizat anual care cuprinde:');
    expect(accepted.report.notes).toContain('2 tracked changes accepted');
    const rejected = importBytes(bytes, { file: 'draft.docx', changes: 'reject' });
    expect(rejected.markdown).toContain('Centrul dispune de un ghid revizuit la nevoie care cuprinde:');
  });

  it('counts comments and drops page headers, saying so', () => {
    const r = importBytes(
      draft({
        comments: `<w:comment w:id="0" w:author="ADPARE"><w:p>${run('Termen prea scurt.')}</w:p></w:comment><w:comment w:id="1" w:author="ANITP"><w:p>${run('De acord.')}</w:p></w:comment>`,
        header: `<w:p>${run('Proiect – document de lucru')}</w:p>`,
      }),
      { file: 'draft.docx' },
    );
    expect(r.report.notes).toContain('2 Word comments not imported (record them in an observation register)');
    expect(r.report.dropped).toEqual([{ line: 0, text: 'Proiect – document de lucru', why: 'page header' }]);
    expect(r.markdown).not.toContain('Termen prea scurt');
  });
});

describe('import: what it refuses', () => {
  const refuse = (bytes: Uint8Array, file: string) => {
    try {
      importBytes(bytes, { file });
    } catch (error) {
      const e = error as { kind?: string; message: string; hint?: string; oneLine?: () => string };
      expect(e.kind).toBe('input');
      return e.oneLine!();
    }
    throw new Error('not refused');
  };
  const cfb = (extra: string) => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from(extra, 'utf16le')]);

  it('names the command that converts a legacy .doc, a PDF, an RTF or an .odt', () => {
    expect(refuse(cfb('WordDocument'), 'vechi.doc')).toBe("vechi.doc: is a legacy Word .doc (or another OLE) file, which stdraft does not read (convert it first: soffice --headless --convert-to docx 'vechi.doc')");
    expect(refuse(strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'mo.pdf')).toBe("mo.pdf: is a PDF, which stdraft does not read (extract its text first: pdftotext -layout 'mo.pdf' out.txt, then stdraft import out.txt)");
    expect(refuse(strToU8('{\\rtf1\\ansi text}'), 'a.rtf')).toMatch(/RTF document.*soffice --headless --convert-to docx/);
    expect(refuse(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') }, { level: 0 }), 'a.odt')).toMatch(/OpenDocument file.*soffice --headless --convert-to docx 'a\.odt'/);
  });

  it('says an encrypted document is encrypted, and a damaged one damaged', () => {
    expect(refuse(cfb('\0EncryptionInfo\0EncryptedPackage'), 'parola.docx')).toMatch(/^parola\.docx: is an encrypted \(password-protected\) Word document/);
    const good = draft();
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    expect(refuse(truncated, 'rupt.docx')).toMatch(/^rupt\.docx: is not a readable \.docx \(the zip package is damaged/);
    expect(refuse(zipSync({ 'a.txt': strToU8('x') }), 'alt.zip')).toMatch(/without word\/document\.xml: not a Word document/);
    const badXml = zipSync({
      '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`),
      'word/document.xml': strToU8('<w:document><w:body><w:p></w:body>'),
    });
    expect(refuse(badXml, 'x.docx')).toMatch(/^x\.docx: is not a readable Word document: word\/document\.xml is not well-formed XML/);
  });

  it('refuses an empty file, a binary file, and a text with no structure, naming what it found', () => {
    expect(refuse(new Uint8Array(), 'gol.txt')).toMatch(/^gol\.txt: is empty/);
    expect(refuse(strToU8(' \n\n\t\n'), 'gol.txt')).toMatch(/^gol\.txt: is empty/);
    expect(refuse(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), 'prog')).toMatch(/^prog: is a binary file/);
    expect(refuse(strToU8('Proces-verbal al ședinței din 12 martie.\nAu participat: ANITP, ADPARE.\nS-a discutat bugetul.\n'), 'pv.txt')).toBe(
      'pv.txt: no module or standard headings found; the first lines are "Proces-verbal al ședinței din 12 martie.", "Au participat: ANITP, ADPARE.", "S-a discutat bugetul." (stdraft import reads the annex of a published order ("MODULUL I …", "STANDARDUL 1 …", "S1.1 …"); check that this is that text)',
    );
  });
});
