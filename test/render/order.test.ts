/**
 * The order a legal officer would sign and the consultation package (Legea nr. 52/2003), on a copy of the
 * bundled workspace: the final gate refuses what the order takes from the config and the registers the version
 * answers; the final order has no drafting note; the memo renders as a referat or a notă de fundamentare; and
 * LibreOffice reads each formal part of the order in the published order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { paragraphs, pdfTexts, readDocx, requireOffice } from './docx.js';
import { DEMO_CONFIG, produce, versionFile } from './helpers.js';

const CONFIG = fs.readFileSync(path.join(ROOT, 'stdraft.config.yaml'), 'utf8');

/** A copy of the bundled workspace (versions, registers, config), with edits. */
function bundled(edit: { config?: (text: string) => string; files?: Record<string, string> } = {}): string {
  const files: Record<string, string> = {};
  const dir = path.join(ROOT, 'standards', 'vtp');
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.md')) files[`standards/vtp/${name}`] = fs.readFileSync(path.join(dir, name), 'utf8');
  for (const name of fs.readdirSync(path.join(dir, 'comments'))) files[`standards/vtp/comments/${name}`] = fs.readFileSync(path.join(dir, 'comments', name), 'utf8');
  files['stdraft.config.yaml'] = edit.config ? edit.config(CONFIG) : CONFIG;
  return tempDir({ ...files, ...edit.files });
}

async function refusedExport(cwd: string): Promise<string[]> {
  const result = await produce('export', ['2016-04'], cwd);
  expect(result.code, result.stderr).toBe(1);
  expect(result.bytes).toBeNull();
  expect(result.stderr).toMatch(/^stdraft: standards\/vtp\/2016-04\.md cannot be exported as the final order \(\d+ reasons?\); nothing written:\n/);
  return result.stderr.split('\n').slice(1, -1);
}

describe('the final gate checks what the order takes from the config', () => {
  it('refuses a placeholder in order.basis, naming the key', async () => {
    const cwd = bundled({ config: (t) => t.replace('  - art. 9 alin. (1) din Legea nr. 197/2012', '  - art. ___ din Legea nr. 197/2012') });
    expect(await refusedExport(cwd)).toEqual([
      '  - stdraft.config.yaml: order.basis[0]: Expected the real text, found the placeholder "___" (the final order prints it: correct it in stdraft.config.yaml)',
    ]);
  });

  it('refuses cedilla letters in the basis, one reason per word', async () => {
    const cwd = bundled({ config: (t) => t.replace('privind asigurarea calității în domeniul serviciilor sociale, cu modificările și', 'privind asigurarea calităţii în domeniul serviciilor sociale, cu modificările şi') });
    const reasons = await refusedExport(cwd);
    expect(reasons).toEqual([
      '  - stdraft.config.yaml: order.basis[0]: Expected "calității" with comma-below ș/ț, found "calităţii" with cedilla (the final order prints it: correct it in stdraft.config.yaml)',
      '  - stdraft.config.yaml: order.basis[0]: Expected "și" with comma-below ș/ț, found "şi" with cedilla (the final order prints it: correct it in stdraft.config.yaml)',
    ]);
  });

  it('refuses an empty value, an act number without its point, missing diacritics and straight quotes', async () => {
    const cwd = bundled({
      config: (t) =>
        t
          .replace('    name: Dragoș-Nicolae Pîslaru', '    name:')
          .replace('din Hotărârea Guvernului nr. 344/2014', 'din Hotărârea Guvernului nr. 1238/2007')
          .replace('  place: București', '  place: "Bucuresti" si Iasi'.replace('"Bucuresti" si Iasi', '\'"București" si Iași\'')),
    });
    const reasons = await refusedExport(cwd);
    expect(reasons).toContain('  - stdraft.config.yaml: order.signatory.name: Expected a value, found an empty one (set it, or remove the key)');
    expect(reasons).toContain('  - stdraft.config.yaml: order.basis[1]: Expected "nr. 1.238" (act numbers of four or more digits take a point), found "nr. 1238" (the final order prints it: correct it in stdraft.config.yaml)');
    expect(reasons).toContain('  - stdraft.config.yaml: order.place: Expected Romanian quotation marks „…”, found straight quotes "…" (the final order prints it: correct it in stdraft.config.yaml)');
    expect(reasons).toContain('  - stdraft.config.yaml: order.place: Expected "și" with diacritics, found "si" (the final order prints it: correct it in stdraft.config.yaml)');
  });

  it('refuses a value a template prints from elsewhere in the config, naming the template line', async () => {
    const final = path.join(ROOT, 'templates', 'final');
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(final)) files[`templates/final/${name}`] = fs.readFileSync(path.join(final, name), 'utf8');
    files['templates/final/ordin.md.hbs'] = files['templates/final/ordin.md.hbs']!.replace('# ORDIN nr.', '{{config.department}}\n\n# ORDIN nr.');
    const cwd = bundled({ config: (t) => `${t}department: Direcția …\n`, files });
    expect(await refusedExport(cwd)).toEqual([
      '  - templates/final/ordin.md.hbs:5: {{config.department}} prints "Direcția …": Expected the real text, found the placeholder "…" (correct the value where it is set)',
    ]);
  });

  it('refuses with the static checks too when the version itself is refused (no render needed)', async () => {
    const cwd = bundled({ config: (t) => t.replace('  - art. 9 alin. (1) din Legea nr. 197/2012', '  - art. … din Legea nr. 197/2012') });
    const result = await produce('export', ['2016-02'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Expected status final, found "consultation"');
    expect(result.stderr).toContain('order.basis[0]: Expected the real text, found the placeholder "…"');
  });
});

describe('the final gate checks the front matter values the order prints', () => {
  it('refuses an act number without its point in legal-basis (a warning in validate, a reason in export)', async () => {
    const version = fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-04.md'), 'utf8').replace('  - Legea asistenței sociale nr. 292/2011,', '  - Hotărârea Guvernului nr. 1238/2007 (context);\n  - Legea asistenței sociale nr. 292/2011,');
    const cwd = bundled({ files: { 'standards/vtp/2016-04.md': version } });
    const reasons = await refusedExport(cwd);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^ {2}- .*templates\/final\/preambul\.md\.hbs:\d+: \{\{this\}\} prints "Hotărârea Guvernului nr\. 1238\/2007 \(context\);": Expected "nr\. 1\.238" \(act numbers of four or more digits take a point\), found "nr\. 1238" \(correct legal-basis in the front matter of standards\/vtp\/2016-04\.md\)$/);
  });
});

describe('the final gate checks the registers the version answers', () => {
  it('refuses 2016-04 while an observation on 2016-02 answered by 2016-04 (to: 2016-04) is pending', async () => {
    const register = fs.readFileSync(path.join(ROOT, 'standards/vtp/comments/2016-02-workshop.yaml'), 'utf8');
    const pending = register.replace(/decision: accepted\n {4}response: Termenul a fost redus la 3 zile lucrătoare \(S3\.1\)\./, 'decision: pending');
    expect(pending).not.toBe(register);
    const cwd = bundled({ files: { 'standards/vtp/comments/2016-02-workshop.yaml': pending } });
    expect(await refusedExport(cwd)).toEqual([
      "  - standards/vtp/comments/2016-02-workshop.yaml:6: Expected a decision on observation 1 (S3.1, by DGASPC Timiș), found pending (decide it: accepted, partially-accepted or rejected, with a response; 2016-04 is the version that answers 2016-02's observations (to: 2016-04))",
    ]);
  });

  it('exports the bundled 2016-04 (every value set, every observation decided)', async () => {
    const result = await produce('export', ['2016-04'], bundled());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('the final order and the package', async () => {
  const exported = await produce('export', ['2016-04'], ROOT);
  const texts = paragraphs((await readDocx(exported.bytes!)).document).map((p) => p.text);

  it('has no drafting note (the front matter note) in the final order', () => {
    expect(texts.some((t) => /ilustrativ/i.test(t))).toBe(false);
  });

  it('writes "(standardul N)" for a module of one standard and never a second range', async () => {
    const body = [
      '# Modulul I. Accesarea serviciului (standardul 1)',
      '## Standardul 1. Informarea', 'Enunț.', '**Rezultate așteptate:** R.', '### S1.1', 'Text.', '**Indicatori:**', '- I.',
      '# Modulul II. Evaluare (standardele 2-3)',
      '## Standardul 2. Evaluarea', 'Enunț.', '**Rezultate așteptate:** R.', '### S2.1', 'Text.', '**Indicatori:**', '- I.',
      '## Standardul 3. Planificarea', 'Enunț.', '**Rezultate așteptate:** R.', '### S3.1', 'Text.', '**Indicatori:**', '- I.',
      '# Modulul III. Încetarea serviciilor',
      '## Standardul 4. Încetarea', 'Enunț.', '**Rezultate așteptate:** R.', '### S4.1', 'Text.', '**Indicatori:**', '- I.',
    ].join('\n\n');
    const cwd = tempDir({ 'standards/t/2015-09.md': versionFile(body), 'stdraft.config.yaml': DEMO_CONFIG });
    const result = await produce('render', ['2015-09', '--template', 'final'], cwd);
    expect(result.stderr).toBe('');
    const headings = paragraphs((await readDocx(result.bytes!)).document).filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual([
      'MODULUL I. ACCESAREA SERVICIULUI (standardul 1)',
      'MODULUL II. EVALUARE (standardele 2-3)',
      'MODULUL III. ÎNCETAREA SERVICIILOR (standardul 4)',
    ]);
  });

  it('names the memo a notă de fundamentare when the config says so', async () => {
    const cwd = bundled({ config: (t) => t.replace('kind: referat de aprobare ', 'kind: notă de fundamentare ') });
    const result = await produce('render', ['2016-02'], cwd);
    expect(result.stderr).toBe('');
    const draft = paragraphs((await readDocx(result.bytes!)).document).map((p) => p.text);
    expect(draft).toContain('NOTĂ DE FUNDAMENTARE');
    expect(draft.some((t) => t.startsWith('– Nota de fundamentare nr. 1.520/DJ din 19.02.2016, elaborată de către Agenția Națională'))).toBe(true);
    expect(draft.some((t) => t.includes('prezentul anunț, nota de fundamentare elaborată de inițiator'))).toBe(true);
  });

  it('requires the date posted for a version in consultation (not the version\'s date)', async () => {
    const cwd = bundled({ config: (t) => t.replace("  posted:\n    '2016-02': '2016-02-22'\n", '') });
    const result = await produce('render', ['2016-02'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/anunt\.md\.hbs:\d+: Expected a value for "consultation\.posted", found none \(set consultation\.posted in stdraft\.config\.yaml/);
  });
});

describe('LibreOffice reads each formal part of the order, in order', () => {
  if (!requireOffice()) return;

  it('in the final order and in the consultation draft', async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (const [command, version] of [['export', '2016-04'], ['render', '2016-02']] as const) {
      const result = await produce(command, [version], ROOT);
      expect(result.code, result.stderr).toBe(0);
      const file = path.join(dir, `${command}.docx`);
      fs.copyFileSync(result.file, file);
      files.push(file);
    }
    const texts = pdfTexts(files);
    const minister = 'ministrul muncii, familiei, protecției sociale și persoanelor vârstnice';
    const parts: [string, RegExp][] = [
      ['issuer line', /MINISTERUL MUNCII, FAMILIEI, PROTECȚIEI SOCIALE ȘI PERSOANELOR VÂRSTNICE/],
      ['title', /ORDIN nr\. _+ din _+ privind aprobarea Standardelor minime de calitate pentru serviciile de asistență și protecție a victimelor traficului de persoane/],
      ['Având în vedere: and the memo first', /Având în vedere: – Referatul de aprobare nr\. 1\.520\/DJ din 19\.02\.2016, elaborat de către Agenția Națională împotriva Traficului de Persoane;/],
      ['a dash item ending in ;', /– Legea nr\. 678\/2001 privind prevenirea și combaterea traficului de persoane, cu modificările și completările ulterioare;/],
      ['în temeiul:', /în temeiul: – art\. 9 alin\. \(1\) din Legea nr\. 197\/2012 [^–]*;/],
      ['the formula naming the minister', new RegExp(`completările ulterioare, ${minister} emite următorul ordin:`)],
      ['the articles', /Art\. 1\. — Se aprobă Standardele minime de calitate/],
      ['face parte integrantă', /prevăzute în anexa care face parte integrantă din prezentul ordin\./],
      ['the Monitorul Oficial article', /Art\. 3\. — Prezentul ordin se publică în Monitorul Oficial al României, Partea I\./],
      ['the signature block', /Ministrul muncii, familiei, protecției sociale și persoanelor vârstnice, Dragoș-Nicolae Pîslaru București, _+\. Nr\. _+\./],
      ['the annex heading', /ANEXĂ Standarde minime de calitate pentru serviciile de asistență și protecție a victimelor traficului de persoane/],
    ];
    for (const file of files) {
      // One line of text, without the page furniture (header, footer, line numbers of the annex).
      const text = texts
        .get(file)!
        .split('\n')
        .filter((line) => !/^Pagina \d+ din \d+$|^Standarde minime VTP — proiect|^\s*\d+\s*$/.test(line.trim()))
        .join(' ')
        .replace(/\s+/g, ' ');
      const start = file.endsWith('render.docx') ? text.indexOf('PROIECT MINISTERUL') : 0;
      expect(start, `${file}: the draft order after the announcement and the memo`).toBeGreaterThan(file.endsWith('render.docx') ? 0 : -1);
      let at = start;
      for (const [name, pattern] of parts) {
        const m = pattern.exec(text.slice(at));
        expect(m, `${path.basename(file)}: ${name} after the part before it`).not.toBeNull();
        at += m!.index + m![0].length;
      }
    }
    // The consultation draft's other parts: the announcement, then the memo, then the order.
    const draft = texts.get(files[1]!)!.replace(/\s+/g, ' ');
    const order = ['ANUNȚ', 'Data afișării: 22 februarie 2016', 'art. 7 alin. (9)', '30 de zile calendaristice', 'REFERAT DE APROBARE', '4. Consultarea', '28 de observații', 'PROIECT'].map((s) => draft.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('the memo kind', () => {
  it('refuses a kind that is neither a referat de aprobare nor a notă de fundamentare (exit 2, naming the key)', async () => {
    const cwd = bundled({ config: (t) => t.replace('kind: referat de aprobare ', 'kind: raport ') });
    const result = await produce('render', ['2016-02'], cwd);
    expect(result.code).toBe(2);
    expect(result.bytes).toBeNull();
    expect(result.stderr).toBe('stdraft: stdraft.config.yaml: Expected order.memo.kind to be referat de aprobare or notă de fundamentare, found "raport" (the approval memo of the initiator, which the preamble cites first)\n');
  });
});
