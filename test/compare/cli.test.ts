import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { paragraphs, readDocx } from '../render/docx.js';
import { acceptAll } from './ooxml.js';
import { SET } from './helpers.js';

const VERSIONS = ['2015-09', '2016-02', '2016-04'];

/** A workspace with the bundled versions of the set `vtp`, the given registers and config. */
function workspace(files: Record<string, string> = {}): string {
  const out: Record<string, string> = {};
  for (const v of VERSIONS) out[`standards/vtp/${v}.md`] = fs.readFileSync(path.join(SET, `${v}.md`), 'utf8');
  return tempDir({ ...out, ...files });
}

async function produce(args: string[], cwd = ROOT, name = 'out.docx'): Promise<{ code: number; stdout: string; stderr: string; file: string; bytes: Uint8Array | null }> {
  const file = path.join(tempDir(), name);
  const result = await runCli([...args, '-o', file], { cwd });
  return { ...result, file, bytes: fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null };
}

/** A command that must fail: exit 2, one line on stderr, nothing on stdout, no file written. */
async function refused(args: string[], cwd: string): Promise<string> {
  const dir = tempDir();
  const result = await runCli(args.map((a) => a.replace('OUT', dir)), { cwd });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(fs.readdirSync(dir)).toEqual([]);
  return result.stderr;
}

const text = (xml: string) => paragraphs(xml).map((p) => p.text);

describe('stdraft compare --layout synoptic', () => {
  it('writes a landscape table with a repeated header, the observations of the matching register and a summary', async () => {
    const r = await produce(['compare', '2015-09', '2016-02']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*out\.docx \(synoptic table 2015-09 → 2016-02: \d+ rows, 28 observations from 1 register\)\n$/);
    const { document } = await readDocx(r.bytes!);
    expect(document).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const table = document.slice(document.lastIndexOf('<w:tbl>', document.indexOf('Observații și motivare')));
    expect(table).toMatch(/^<w:tbl>[\s\S]*?<w:tr>\s*<w:trPr>[\s\S]*?<w:tblHeader\/>/);
    const all = text(document);
    expect(all).toContain('Text inițial (2015-09, 22 septembrie 2015)');
    expect(all).toContain('Text revizuit (2016-02, 16 februarie 2016)');
    expect(all).toContain('Observații și motivare');
    // Collapsed runs, renumbering, and the observations with decisions in Romanian.
    // Standardul 2 has a changed requirement (S2.2): it keeps its row, and S2.1 alone is "nemodificată".
    expect(all).toContain('S1.2–S1.6: nemodificate (corecturi tipografice în S1.3)');
    expect(all).toContain('S2.1: nemodificată');
    expect(all.some((t) => /^Standardul 5 → 6; S5\.1–S5\.6 → S6\.1–S6\.6/.test(t))).toBe(true);
    expect(all).toContain('Renumerotat: S6.1 → S7.1');
    expect(all).toContain('Mutat: S11.4 → S14.7');
    expect(all.filter((t) => /^Decizie: (acceptată|acceptată parțial|respinsă|în așteptare)/.test(t))).toHaveLength(28);
    expect(all.some((t) => t.startsWith('Obs. 3 — S6.1 — ADPARE: '))).toBe(true);
    expect(all).toContain('Observații: 28 (acceptate 15, acceptate parțial 5, respinse 8).');
    // Deletions struck through in the first column, insertions underlined in the second.
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => [...m[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]!));
    const row = rows.find((cells) => cells[0]?.includes('S2.2.'))!;
    expect(row[0]).toMatch(/<w:r><w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:strike\/>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr><w:t[^>]*>24<\/w:t>/);
    expect(row[1]).toMatch(/<w:r><w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:u w:val="single"\/>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr><w:t[^>]*>48<\/w:t>/);
    expect(row[0]).not.toMatch(/<w:u /);
    expect(row[1]).not.toMatch(/<w:strike\/>/);
    expect(document).not.toMatch(/<w:(ins|del)\b/);
  });

  it('--full writes one row per unit', async () => {
    const collapsed = await produce(['compare', '2015-09', '2016-02']);
    const full = await produce(['compare', '2015-09', '2016-02', '--full']);
    const rows = (s: string) => Number(/: (\d+) rows/.exec(s)![1]);
    expect(rows(full.stdout)).toBeGreaterThan(rows(collapsed.stdout));
    const all = text((await readDocx(full.bytes!)).document);
    expect(all.some((t) => /: nemodificate|renumerotate, fără alte modificări/.test(t))).toBe(false);
    expect(all).toContain('Renumerotat: S5.1 → S6.1');
  });

  it('uses the registers of the set whose from/to match, or those given with --comments', async () => {
    const second = await produce(['compare', '2016-02', '2016-04']);
    expect(second.stdout).toMatch(/17 observations from 1 register/);
    const none = await produce(['compare', '2015-09', '2016-04']);
    expect(none.stdout).toMatch(/0 observations from 0 registers/);
    const given = await produce(['compare', '2015-09', '2016-04', '--comments', 'standards/vtp/comments/2015-09-workshop.yaml']);
    expect(given.stdout).toMatch(/28 observations from 1 register/);
  });

  it('says there are no changes when FROM equals TO', async () => {
    const r = await produce(['compare', '2016-04', '2016-04']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/synoptic table 2016-04 → 2016-04: the versions do not differ/);
    expect(text((await readDocx(r.bytes!)).document)).toContain('Versiunile 2016-04 și 2016-04 nu diferă: nu există modificări de marcat.');
  });
});

describe('stdraft compare --format html', () => {
  it('writes one self-contained page: inline CSS, no scripts, no external assets', async () => {
    const r = await produce(['compare', '2015-09', '2016-02', '--format', 'html'], ROOT, 'out.html');
    expect(r.code, r.stderr).toBe(0);
    const html = Buffer.from(r.bytes!).toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ro">/);
    expect(html).toMatch(/<meta charset="utf-8">/);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    expect(html).toMatch(/<thead><tr><th scope="col">Text inițial \(2015-09, 22 septembrie 2015\)<\/th>/);
    expect(html).toMatch(/position: sticky/);
    expect(html).toContain('<del>24</del>');
    expect(html).toContain('<ins>48</ins>');
    // Typographic-only units collapse with the unchanged ones; with --full they show, marked apart.
    expect(html).toContain('S1.2–S1.6: nemodificate (corecturi tipografice în S1.3)');
    expect(html).toContain('S2.1: nemodificată');
    const full = await produce(['compare', '2015-09', '2016-02', '--format', 'html', '--full'], ROOT, 'full.html');
    const fullHtml = Buffer.from(full.bytes!).toString('utf8');
    expect(fullHtml).toContain('serviciile <del class="typo">ş</del>i datele');
    expect(fullHtml).toContain('serviciile <ins class="typo">ș</ins>i datele');
    expect(html).toContain('Renumerotat: S6.1 → S7.1');
    expect((html.match(/class="observation /g) ?? []).length).toBe(28);
  });

  it('writes the page to stdout with -o -', async () => {
    const r = await runCli(['compare', '2016-02', '2016-04', '--format', 'html', '-o', '-'], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*Tabel sinoptic: 2016-02 → 2016-04[\s\S]*<\/html>\n$/);
  });

  it('writes a Word redline to stdout with -o -, as bytes', async () => {
    const r = await runCli(['compare', '2016-02', '2016-04', '--layout', 'redline', '-o', '-'], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect((await readDocx(r.stdoutBytes!)).document).toMatch(/<w:ins w:id="\d+" w:author="stdraft"/);
  });

  it('refuses the redline layout in HTML and an output that is not .html', async () => {
    expect(await refused(['compare', '2015-09', '2016-02', '--layout', 'redline', '--format', 'html', '-o', 'OUT/x.html'], ROOT)).toMatch(/^stdraft: --format html is the synoptic table/);
    expect(await refused(['compare', '2015-09', '2016-02', '--format', 'html', '-o', 'OUT/x.docx'], ROOT)).toMatch(/^stdraft: the output .*x\.docx does not end in \.html/);
  });
});

describe('stdraft compare --layout redline', () => {
  it('takes the author from --author, else the config, else "stdraft"; the date is TO’s', async () => {
    const authors = async (args: string[], cwd: string) => {
      const r = await produce(['compare', '2016-02', '2016-04', '--layout', 'redline', ...args], cwd);
      expect(r.code, r.stderr).toBe(0);
      const { document } = await readDocx(r.bytes!);
      return { authors: new Set([...document.matchAll(/w:author="([^"]+)"/g)].map((m) => m[1])), dates: new Set([...document.matchAll(/<w:(?:ins|del) [^>]*w:date="([^"]+)"/g)].map((m) => m[1])), document };
    };
    const byFlag = await authors(['--author', 'Atelierul de lucru, februarie 2016'], workspace());
    expect([...byFlag.authors]).toEqual(['Atelierul de lucru, februarie 2016']);
    expect([...byFlag.dates]).toEqual([`${dateOf('2016-04')}T00:00:00Z`]);
    const byConfig = await authors([], workspace({ 'stdraft.config.yaml': 'author: Echipa ANITP\n' }));
    expect([...byConfig.authors]).toEqual(['Echipa ANITP']);
    const byDefault = await authors([], workspace());
    expect([...byDefault.authors]).toEqual(['stdraft']);
    // The text it stands for: accepting gives 2016-04, so it holds 2016-04's new wording.
    expect(acceptAll(byDefault.document).some((p) => p.text.startsWith('S3.1.'))).toBe(true);
  });

  it('says there are no changes when FROM equals TO, and marks nothing', async () => {
    const r = await produce(['compare', '2016-04', '2016-04', '--layout', 'redline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/redline 2016-04 → 2016-04: the versions do not differ/);
    const { document } = await readDocx(r.bytes!);
    expect(document).not.toMatch(/<w:(ins|del)\b/);
  });
});

function dateOf(version: string): string {
  return /^date: '([^']+)'/m.exec(fs.readFileSync(path.join(SET, `${version}.md`), 'utf8'))![1]!;
}

describe('stdraft compare: bad input is a one-line error, exit 2, and writes nothing', () => {
  const register = (comments: string, from = '2015-09', to = '2016-02') =>
    `title: Test\ndate: '2015-09-23'\nfrom: '${from}'\nto: '${to}'\ncomments:\n${comments}`;
  const observation = (id: number, target: string) => `  - id: ${id}\n    target: ${target}\n    by: ADPARE\n    text: Text.\n    decision: accepted\n    response: Răspuns.\n`;

  it('a register target that the version does not have, naming the observation', async () => {
    const cwd = workspace({ 'standards/vtp/comments/r.yaml': register(observation(1, 'S1.1') + observation(7, 'S30.1')) });
    expect(await refused(['compare', '2015-09', '2016-02', '-o', 'OUT/x.docx'], cwd)).toBe(
      'stdraft: standards/vtp/comments/r.yaml:13: observation 7: Expected S30.1 in version 2015-09, found no such requirement (fix the target (stdraft validate checks every register))\n',
    );
  });

  it('a target naming a version the set does not have, or a target that is not one', async () => {
    const cwd = workspace({ 'standards/vtp/comments/r.yaml': register(observation(4, '2017-01:S1.1')) });
    expect(await refused(['compare', '2015-09', '2016-02', '-o', 'OUT/x.docx'], cwd)).toMatch(
      /^stdraft: standards\/vtp\/comments\/r\.yaml:7: observation 4: Expected a version of the set in the target "2017-01:S1\.1", found "2017-01" \(versions: 2015-09, 2016-02, 2016-04\)\n$/,
    );
    const bad = workspace({ 'standards/vtp/comments/r.yaml': register(observation(5, 'capitolul 3')) });
    expect(await refused(['compare', '2015-09', '2016-02', '-o', 'OUT/x.docx'], bad)).toMatch(/observation 5: Expected a target such as S3\.1, .*found "capitolul 3"/);
  });

  it('a register given with --comments on a version the set does not have', async () => {
    const cwd = workspace({ 'other.yaml': register(observation(2, 'S1.1'), '2014-01') });
    expect(await refused(['compare', '2015-09', '2016-02', '--comments', 'other.yaml', '-o', 'OUT/x.docx'], cwd)).toMatch(
      /^stdraft: other\.yaml:3: observation 2: Expected the register's version "2014-01" \(its from\) in the set, found none/,
    );
  });

  it('an output folder that does not exist, a folder, an input, or the wrong extension', async () => {
    const cwd = workspace();
    expect(await refused(['compare', '2015-09', '2016-02', '-o', 'OUT/missing/x.docx'], cwd)).toMatch(/missing\/x\.docx: the folder .*missing does not exist/);
    fs.mkdirSync(path.join(cwd, 'folder.docx'));
    expect(await refused(['compare', '2015-09', '2016-02', '-o', 'folder.docx'], cwd)).toMatch(/folder\.docx: is a folder/);
    fs.rmdirSync(path.join(cwd, 'folder.docx'));
    const before = fs.readFileSync(path.join(cwd, 'standards/vtp/2016-02.md'));
    fs.writeFileSync(path.join(cwd, 'standards/vtp/comments.docx'), 'x');
    expect(await refused(['compare', '2015-09', '2016-02', '--comments', 'standards/vtp/comments.docx', '-o', 'standards/vtp/comments.docx'], cwd)).toMatch(/is also an input; refusing to overwrite it/);
    expect(fs.readFileSync(path.join(cwd, 'standards/vtp/2016-02.md'))).toEqual(before);
    expect(await refused(['compare', '2015-09', '2016-02', '-o', 'OUT/x.pdf'], cwd)).toMatch(/does not end in \.docx/);
  });

  it('an output that cannot be written leaves nothing behind', async () => {
    const cwd = workspace({ 'blocker': 'a file, not a folder' });
    expect(await refused(['compare', '2015-09', '2016-02', '--layout', 'redline', '-o', 'blocker/x.docx'], cwd)).toMatch(/blocker is a file, not a folder/);
    // A name the file system refuses (longer than 255 bytes): the write itself fails, after all the work.
    const long = `OUT/${'x'.repeat(300)}.docx`;
    expect(await refused(['compare', '2015-09', '2016-02', '--layout', 'redline', '-o', long], cwd)).toMatch(/x\.docx: cannot write: ENAMETOOLONG \(check the folder exists and is writable\)\n$/);
    expect(await refused(['report', 'standards/vtp/comments/2015-09-workshop.yaml', '-o', long], ROOT)).toMatch(/cannot write: ENAMETOOLONG/);
  });

  it('a register given with --comments that does not exist', async () => {
    expect(await refused(['compare', '2015-09', '2016-02', '--comments', 'nope.yaml', '-o', 'OUT/x.docx'], workspace())).toBe('stdraft: nope.yaml: file not found (check the path)\n');
  });

  it('an unknown version', async () => {
    expect(await refused(['compare', '2015-09', '2099-01', '-o', 'OUT/x.docx'], workspace())).toBe('stdraft: unknown version "2099-01" in set vtp (versions: 2015-09, 2016-02, 2016-04)\n');
  });
});

describe('stdraft report', () => {
  const REGISTER = 'standards/vtp/comments/2015-09-workshop.yaml';

  it('prints Markdown without -o: counts, per organisation, every observation', async () => {
    const r = await runCli(['report', REGISTER, '--format', 'md'], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Raport privind recomandările primite\n/);
    expect(r.stdout).toContain('| Primite | 28 |\n| Acceptate | 15 |\n| Acceptate parțial | 5 |\n| Respinse | 8 |\n| În așteptare | 0 |');
    expect(r.stdout).toContain('| ADPARE | 4 | 1 | 2 | 1 | 0 |');
    expect((r.stdout.match(/^#### Obs\. \d+ — /gm) ?? []).length).toBe(28);
    expect(r.stdout).toContain('#### Obs. 1 — Modulul II — Centrul regional ANITP Iași');
    expect(r.stdout).toContain('**Decizie:** acceptată parțial');
  });

  it('writes Word with -o, the same content', async () => {
    const file = path.join(tempDir(), 'raport.docx');
    const r = await runCli(['report', REGISTER, '-o', file], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*raport\.docx \(28 observations: 15 accepted, 5 partially accepted, 8 rejected, 0 pending\)/);
    const all = text((await readDocx(new Uint8Array(fs.readFileSync(file)))).document);
    expect(all).toContain('Raport privind recomandările primite');
    expect(all.filter((t) => /^Obs\. \d+ — /.test(t))).toHaveLength(28);
    expect(all).toContain('Incluse în proiect (integral sau parțial): 20. Neincluse (respinse): 8.');
  });

  it('refuses a Word report without -o, a register with an unknown target, and a wrong extension', async () => {
    expect(await refused(['report', REGISTER], ROOT)).toMatch(/^stdraft: a Word report needs an output file \(give -o OUT\.docx, or --format md/);
    const cwd = workspace({ 'standards/vtp/comments/r.yaml': `title: T\ndate: '2016-02-17'\nfrom: '2016-02'\ncomments:\n  - id: 9\n    target: Im7S3.1\n    by: X\n    text: Y.\n    decision: pending\n` });
    expect(await refused(['report', 'standards/vtp/comments/r.yaml', '-o', 'OUT/r.docx'], cwd)).toMatch(/r\.yaml:6: observation 9: Expected Im7S3\.1 in version 2016-02, found no such indicator/);
    expect(await refused(['report', REGISTER, '--format', 'md', '-o', 'OUT/r.docx'], ROOT)).toMatch(/does not end in \.md/);
  });
});
