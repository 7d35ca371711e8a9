/** `stdraft site`: the pages, their anchors, languages and links, the consultation, and the output folder's safety. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { DEMO_CONFIG } from '../render/helpers.js';

const RO = (version: string, extra: Record<string, string> = {}) => `---
title: Standarde minime de calitate de test
version: '${version}'
date: '${extra['date'] ?? '2016-02-16'}'
status: ${extra['status'] ?? 'consultation'}
lang: ro
issuer: Agenția de test
${extra['supersedes'] ? `supersedes: '${extra['supersedes']}'\n` : ''}legal-basis:
  - Legea nr. 1/2000 privind testele
---

# Modulul I. Accesarea serviciului

## Standardul 1. Informarea

Centrul informează beneficiarii, conform S1.2 și Standardul 2.

**Rezultate așteptate:** Beneficiarii cunosc serviciile.

### S1.1

Centrul dispune de un ghid ${extra['word'] ?? 'tipărit'} al beneficiarului.

**Indicatori:**

- Ghidul beneficiarului.

### S1.2 Informarea la admitere

La admitere, beneficiarul primește ghidul (vezi [cerința anterioară](#s1-1)).

**Indicatori:**

- Fișa de admitere.
- Registrul de informare.

# Modulul II. Evaluare

## Standardul 2. Evaluarea

Centrul evaluează nevoile.

**Rezultate așteptate:** Nevoile sunt cunoscute.

### S2.1

Evaluarea se face în 5 zile.

**Indicatori:**

- Fișa de evaluare.
`;

const EN = `---
title: Minimum quality standards for testing
version: '2016-02'
date: '2016-02-16'
status: consultation
lang: en
---

# Module I. Access to the service

## Standard 1. Information

The centre informs the beneficiaries, see S1.2.

**Expected results:** Beneficiaries know the services.

### S1.1

The centre has a printed guide.

**Indicators:**

- The beneficiary's guide.

### S1.2 Information on admission

On admission, the beneficiary receives the guide.

**Indicators:**

- The admission form.
- The information register.

# Module II. Assessment

## Standard 2. Assessment

The centre assesses needs.

**Expected results:** Needs are known.

### S2.1

Assessment takes 5 days.

**Indicators:**

- The assessment form.
`;

const REGISTER = `title: Observații la atelier
date: '2016-02-17'
from: '2015-09'
to: '2016-02'
comments:
  - id: 1
    target: S1.1
    by: ADPARE
    text: Ghidul să fie și în format electronic.
    decision: accepted
    response: Acceptat.
  - id: 2
    target: Im2S1.2
    by: DGASPC
    text: Registrul e inutil.
    decision: rejected
    response: Registrul rămâne.
`;

function workspace(extra: Record<string, string> = {}): string {
  return tempDir({
    // The version in consultation is posted the day it is dated (a version in consultation needs the date posted).
    'stdraft.config.yaml': DEMO_CONFIG.replace('consultation:\n', "consultation:\n  posted: { '2016-02': '2016-02-16' }\n"),
    'standards/t/2015-09.md': RO('2015-09', { status: 'draft', date: '2015-09-22', word: 'simplu' }),
    'standards/t/2016-02.md': RO('2016-02', { supersedes: '2015-09' }),
    'standards/t/2016-02.en.md': EN,
    'standards/t/comments/atelier.yaml': REGISTER,
    ...extra,
  });
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('stdraft site', () => {
  it('makes every page of a set with its translations, registers, comparison and consultation', async () => {
    const cwd = workspace();
    const result = await runCli(['site', '-o', 'site'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*site\/ \(\d+ pages, \d+ files; set t, 2 versions, 1 register\): open .*index\.html\n$/);
    const site = path.join(cwd, 'site');
    const files = fs.readdirSync(site).sort();
    expect(files).toEqual(['.stdraft-site', '2015-09.html', '2016-02.en.html', '2016-02.html', 'assets', 'cautare.html', 'index.html', 'observatii-atelier.html', 'proiect-2016-02.docx', 'referat.html', 'sinoptic-2015-09-2016-02.html']);
    // The consultation template's approval memo has a page of its own (in Word it is part of the draft).
    expect(read(site, 'referat.html')).toContain('REFERAT DE APROBARE');
    expect(fs.readdirSync(path.join(site, 'assets')).sort()).toEqual(['minisearch.js', 'search-index.js', 'site.css', 'site.js']);
    // The draft to download is the render command's document (a Word zip).
    expect(fs.readFileSync(path.join(site, 'proiect-2016-02.docx')).subarray(0, 2).toString()).toBe('PK');

    const version = read(site, '2016-02.html');
    expect(version).toContain('<html lang="ro">');
    for (const id of ['S1.1', 'S1.2', 'S2.1', 'Im2S1.2', 'standardul-1', 'standardul-2', 'modulul-i', 'modulul-ii']) expect(version).toContain(`id="${id}"`);
    expect(version).toContain('<span id="s1-1"></span>');
    // Cross-references are links; a Markdown link to the format's anchor points at the site's.
    expect(version).toContain('<a href="#S1.2">S1.2</a>');
    expect(version).toContain('<a href="#standardul-2">Standardul 2</a>');
    expect(version).toContain('<a href="#S1.1">cerința anterioară</a>');
    // The table of contents, the observations beside their units, the change summary.
    expect(version).toMatch(/<nav class="toc"[^>]*>.*<a href="#modulul-i">Modulul I\. Accesarea serviciului<\/a>/s);
    expect(version).toContain('<a href="#S1.2">S1.2 Informarea la admitere</a>');
    expect(version).toContain('<link rel="alternate" hreflang="en" href="2016-02.en.html">');
    expect(version).toContain('id="modificari"');
    const v2015 = read(site, '2015-09.html');
    expect(v2015).toMatch(/<a href="observatii-atelier\.html#observatia-1">Observația 1<\/a> \(ADPARE, <span class="decision-accepted">acceptată<\/span>\)/);

    const english = read(site, '2016-02.en.html');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('id="module-ii"');
    expect(english).toContain('id="standard-2"');
    expect(english).toContain('<a href="#S1.2">S1.2</a>');
    expect(english).toContain('Skip to content');
    expect(english).toContain('<a href="2016-02.html" hreflang="ro" lang="ro">Română</a>');

    const home = read(site, 'index.html');
    expect(home).toContain('data-deadline="2016-02-26"');
    expect(home).toContain('<a href="proiect-2016-02.docx" download>');
    expect(home).toContain('consultare@example.org');
    expect(home).toContain('<a href="sinoptic-2015-09-2016-02.html">');
    expect(home).toContain('hreflang="en" lang="en">English</a>');
    // The announcement is the consultation template's own wording.
    expect(home).toMatch(/privind consultarea publică a proiectului de ordin/);

    const register = read(site, 'observatii-atelier.html');
    expect(register).toContain('<a href="2015-09.html#S1.1">S1.1</a>');
    expect(register).toContain('<a href="2015-09.html#Im2S1.2">Im2S1.2</a>');

    const synoptic = read(site, 'sinoptic-2015-09-2016-02.html');
    expect(synoptic).toContain('<tr id="S1.1"');
    expect(synoptic).toContain('<a href="observatii-atelier.html">');

    // The search index holds every unit, English twins too, with the page and anchor.
    const index = read(site, 'assets/search-index.js');
    expect(index.startsWith('/* The search index')).toBe(true);
    const assigned = (name: string) => index.split('\n').find((line) => line.startsWith(`window.${name} = `))!.replace(/^[^=]*= /, '').replace(/;$/, '');
    // The versions in order, so that the newer text comes first among equal matches.
    expect(JSON.parse(assigned('STDRAFT_SEARCH_VERSIONS'))).toEqual(['2015-09', '2016-02']);
    const json = JSON.parse(assigned('STDRAFT_SEARCH_INDEX')) as { documentCount: number; storedFields: Record<string, { url: string }> };
    const urls = Object.values(json.storedFields).map((f) => f.url);
    expect(urls).toContain('2016-02.html#S1.1');
    expect(urls).toContain('2016-02.en.html#Im1S2.1');
    expect(urls).toContain('2015-09.html#modulul-ii');
    expect(json.documentCount).toBe(urls.length);
  });

  it('is the same byte for byte from one build to the next with SOURCE_DATE_EPOCH', async () => {
    const cwd = workspace();
    const env = { SOURCE_DATE_EPOCH: '1455580800' };
    expect((await runCli(['site', '-o', 'a'], { cwd, env })).code).toBe(0);
    expect((await runCli(['site', '-o', 'b'], { cwd, env })).code).toBe(0);
    for (const file of ['index.html', '2016-02.html', 'sinoptic-2015-09-2016-02.html', 'assets/search-index.js']) {
      expect(read(path.join(cwd, 'b'), file), file).toBe(read(path.join(cwd, 'a'), file));
    }
    expect(read(path.join(cwd, 'a'), 'index.html')).toContain('16 februarie 2016.</p></footer>');
  });

  it('builds a draft with numbering slips, giving each anchor to the first unit that has it', async () => {
    const slipped = RO('2016-02', { supersedes: '2015-09' }).replace('### S1.2 Informarea la admitere', '### S1.1 Informarea la admitere').replace('## Standardul 2. Evaluarea', '## Standardul 1. Evaluarea');
    const cwd = workspace({ 'standards/t/2016-02.md': slipped });
    const result = await runCli(['site', '-o', 'site'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const html = read(path.join(cwd, 'site'), '2016-02.html');
    for (const id of ['S1.1', 'standardul-1', 'Im1S1.1', 's1-1']) expect(html.split(`id="${id}"`).length - 1, id).toBe(1);
    expect(html).toMatch(/<article class="requirement">\n<h4>S1\.1 Informarea la admitere<\/h4>/);
  });

  it('offers the consultation draft exactly as stdraft render makes it', async () => {
    const cwd = workspace();
    expect((await runCli(['site', '-o', 'site'], { cwd })).code).toBe(0);
    expect((await runCli(['render', '2016-02', '-o', 'proiect.docx'], { cwd })).code).toBe(0);
    // Relationship and bookmark ids are counters of the docx library: the text and its markup must be the same.
    const xml = async (file: string) =>
      (await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string')).replace(/r:id="rId[^"]*"/g, 'r:id=""').replace(/w:id="\d+"/g, 'w:id=""');
    const site = await xml(path.join(cwd, 'site', 'proiect-2016-02.docx'));
    expect(site).toContain('PROIECT');
    expect(site).toBe(await xml(path.join(cwd, 'proiect.docx')));
  });

  it('renders an approval memo when the workspace has a memo template', async () => {
    const cwd = workspace({
      'templates/referat/template.yaml': 'name: referat\nsections:\n  - referat.md.hbs\n',
      'templates/referat/referat.md.hbs': '# Referat de aprobare\n\nPropunem aprobarea {{genitive title}}, versiunea {{version}}.\n',
    });
    expect((await runCli(['site', '-o', 'site'], { cwd })).code).toBe(0);
    const memo = read(path.join(cwd, 'site'), 'referat.html');
    expect(memo).toContain('<h1>Referat de aprobare</h1>');
    expect(memo).toContain('Propunem aprobarea Standardelor minime de calitate de test, versiunea 2016-02.');
    expect(read(path.join(cwd, 'site'), 'index.html')).toContain('<a href="referat.html">Referatul de aprobare</a>');
  });

  it('with --base-url, writes canonical links and a sitemap', async () => {
    const cwd = workspace();
    expect((await runCli(['site', '-o', 'site', '--base-url', 'https://www.example.ro/standarde'], { cwd })).code).toBe(0);
    const site = path.join(cwd, 'site');
    expect(read(site, '2016-02.html')).toContain('<link rel="canonical" href="https://www.example.ro/standarde/2016-02.html">');
    expect(read(site, 'sitemap.xml')).toContain('<loc>https://www.example.ro/standarde/</loc>');
    const stdout = await runCli(['site', '-o', '-'], { cwd });
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toBe('stdraft: a site is a folder: give one with -o (e.g. stdraft site -o out/site)\n');
    const bad = await runCli(['site', '-o', 'other', '--base-url', 'ftp://x'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^stdraft: --base-url ftp:\/\/x is not an http\(s\) address/);
    expect(fs.existsSync(path.join(cwd, 'other'))).toBe(false);
  });

  it('replaces a site it made, and refuses any other folder, leaving it untouched', async () => {
    const cwd = workspace({ 'notes/keep.txt': 'mine' });
    expect((await runCli(['site', '-o', 'site'], { cwd })).code).toBe(0);
    fs.writeFileSync(path.join(cwd, 'site', 'stale.html'), 'old');
    expect((await runCli(['site', '-o', 'site'], { cwd })).code).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'site', 'stale.html'))).toBe(false);
    expect(fs.readdirSync(cwd).filter((f) => f.startsWith('.site'))).toEqual([]);

    const refused = await runCli(['site', '-o', 'notes'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/notes: exists and is not a site made by stdraft; refusing to replace it \(give a new or empty folder\)/);
    expect(fs.readdirSync(path.join(cwd, 'notes'))).toEqual(['keep.txt']);

    const standards = await runCli(['site', '-o', 'standards/t/site'], { cwd });
    expect(standards.code).toBe(2);
    expect(standards.stderr).toContain('would hold or replace the standards');
    const missing = await runCli(['site', '-o', 'no/such/site'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });

  it('fails with one line naming the file when a version cannot be read, writing nothing', async () => {
    const cwd = workspace({ 'standards/t/2016-04.md': '# no front matter\n' });
    const result = await runCli(['site', '-o', 'site'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('standards/t/2016-04.md');
    expect(fs.existsSync(path.join(cwd, 'site'))).toBe(false);
  });

  it('says when no version is in consultation', async () => {
    const cwd = workspace({ 'standards/t/2016-02.md': RO('2016-02', { supersedes: '2015-09', status: 'final' }) });
    expect((await runCli(['site', '-o', 'site'], { cwd })).code).toBe(0);
    const home = read(path.join(cwd, 'site'), 'index.html');
    expect(home).toContain('Nicio versiune nu este acum în consultare publică.');
    expect(home).not.toContain('data-deadline');
    expect(fs.readdirSync(path.join(cwd, 'site')).filter((f) => f.endsWith('.docx'))).toEqual([]);
  });

  it('builds the bundled set', async () => {
    const out = tempDir();
    const result = await runCli(['site', 'vtp', '-o', path.join(out, 'site')], { cwd: ROOT });
    expect(result.code).toBe(0);
    const version = read(path.join(out, 'site'), '2016-02.html');
    expect(version).toContain('id="S4.2"');
    expect(version).toContain('id="standardul-3"');
    expect(version).toContain('id="modulul-ii"');
  });
});

describe('compare --format html', () => {
  it('has the anchors and table of contents of the site', async () => {
    const out = tempDir();
    const file = path.join(out, 's.html');
    expect((await runCli(['compare', '2015-09', '2016-02', '--set', 'vtp', '--format', 'html', '-o', file], { cwd: ROOT })).code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toMatch(/<nav class="toc"[^>]*><details open><summary id="toc-title">Cuprins<\/summary>/);
    expect(html).toContain('<a href="#standardul-5">Standardul 5. Evaluarea riscurilor</a>');
    expect(html).toContain('id="standardul-5"');
    expect(html).toContain('<span class="target" id="S19.1"></span>S18.1 → S19.1');
    expect(html).toContain('<a class="skip" href="#tabel">Sari la tabel</a>');
    // Every link of the table of contents lands on an element of the page.
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/<nav class="toc".*?<\/nav>/gs)].flatMap((m) => [...m[0].matchAll(/href="#([^"]+)"/g)].map((x) => decodeURIComponent(x[1]!)));
    expect(targets.length).toBeGreaterThan(20);
    for (const t of targets) expect(ids.has(t), t).toBe(true);
  });
});
