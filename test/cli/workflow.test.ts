import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import { parseRegister } from '../../src/comments/index.js';
import { todayIso } from '../../src/workflow/versions.js';
import { runCli } from '../support/cli.js';
import { VALID, tempDir } from '../support/tmp.js';

describe('stdraft init', () => {
  for (const lang of ['ro', 'en'] as const) {
    it(`creates a workspace whose first version parses cleanly and is canonical (${lang})`, async () => {
      const dir = tempDir();
      const r = await runCli(['init', 'ws', '--lang', lang, '--set', 'vtp'], { cwd: dir });
      expect(r.code).toBe(0);
      const ws = path.join(dir, 'ws');
      const version = todayIso().slice(0, 7);
      const file = path.join(ws, 'standards/vtp', `${version}.md`);
      const parsed = parseText(fs.readFileSync(file, 'utf8'), file);
      expect(parsed.doc.problems).toEqual([]);
      expect(parsed.doc.lang).toBe(lang);
      expect(parsed.doc.meta).toMatchObject({ version, status: 'draft', lang });
      expect(formatDocument(parsed)).toBe(parsed.source.text);
      expect(fs.readFileSync(path.join(ws, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
      expect(fs.readFileSync(path.join(ws, 'stdraft.config.yaml'), 'utf8')).toContain('default-set: vtp');
      expect(fs.existsSync(path.join(ws, 'README.md'))).toBe(true);
      expect((await runCli(['fmt', '--check'], { cwd: ws })).code).toBe(0);
      const validate = await runCli(['validate'], { cwd: ws });
      expect(validate.code, validate.stdout + validate.stderr).toBe(0);
      fs.mkdirSync(path.join(ws, 'out'));
      const render = await runCli(['render', version, '-o', 'out/proiect.docx'], { cwd: ws });
      expect(render.code, render.stderr).toBe(0);
      expect(fs.statSync(path.join(ws, 'out/proiect.docx')).size).toBeGreaterThan(5000);
      expect((await runCli(['versions'], { cwd: ws })).stdout).toContain(version);
    });
  }

  it('copies the built-in templates so they can be edited', async () => {
    const dir = tempDir();
    await runCli(['init'], { cwd: dir });
    const builtIn = fs.readdirSync(path.join(__dirname, '../../templates'));
    expect(fs.readdirSync(path.join(dir, 'templates')).sort()).toEqual(builtIn.sort());
  });

  it('refuses to overwrite an existing workspace (exit 2, nothing written)', async () => {
    const dir = tempDir({ 'standards/x/2015-09.md': VALID });
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists: this is a workspace already/);
    expect(fs.readdirSync(dir)).toEqual(['standards']);
  });
});

describe('stdraft version new', () => {
  const workspace = () =>
    tempDir({
      'standards/vtp/2015-09.md': VALID,
      'standards/vtp/2016-02.md': VALID.replace("version: '2015-09'", "version: '2016-02'").replace('status: draft', "status: consultation\nsupersedes: '2015-09'\nworkshop: Atelierul din februarie"),
    });

  it('copies the latest version with supersedes, today, status draft and the workshop; opens an empty register', async () => {
    const dir = workspace();
    const r = await runCli(['version', 'new', 'vtp', '--as', '2016-06', '--workshop', 'Atelierul de lucru din iunie 2016'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'standards/vtp/2016-06.md'), 'utf8');
    const { doc } = parseText(text, '2016-06.md');
    expect(doc.meta).toMatchObject({ version: '2016-06', supersedes: '2016-02', status: 'draft', date: todayIso(), workshop: 'Atelierul de lucru din iunie 2016' });
    expect(doc.problems).toEqual([]);
    const body = (t: string) => t.slice(t.indexOf('\n---\n'));
    expect(body(text)).toBe(body(fs.readFileSync(path.join(dir, 'standards/vtp/2016-02.md'), 'utf8')));
    const registerFile = path.join(dir, 'standards/vtp/comments/2016-02-observatii.yaml');
    const { register, problems } = parseRegister(fs.readFileSync(registerFile, 'utf8'), registerFile);
    expect(problems).toEqual([]);
    expect(register).toMatchObject({ from: '2016-02', to: '2016-06', comments: [] });
  });

  it('opens no second register for a version that already has one', async () => {
    const dir = workspace();
    fs.mkdirSync(path.join(dir, 'standards/vtp/comments'));
    fs.writeFileSync(path.join(dir, 'standards/vtp/comments/atelier.yaml'), "title: Atelier\ndate: '2016-02-17'\nfrom: '2016-02'\ncomments: []\n");
    const r = await runCli(['version', 'new', 'vtp', '--as', '2016-06'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('observatii');
    expect(fs.readdirSync(path.join(dir, 'standards/vtp/comments'))).toEqual(['atelier.yaml']);
  });

  it('starts from a named version and leaves out the old workshop', async () => {
    const dir = workspace();
    expect((await runCli(['version', 'new', 'vtp', '--from', '2015-09', '--as', '2016-03'], { cwd: dir })).code).toBe(0);
    const { doc } = parseText(fs.readFileSync(path.join(dir, 'standards/vtp/2016-03.md'), 'utf8'), 'x');
    expect(doc.meta.supersedes).toBe('2015-09');
    expect(doc.meta.workshop).toBeUndefined();
  });

  it('refuses an existing, out-of-order or malformed name and an unknown --from (exit 2, nothing written)', async () => {
    const dir = workspace();
    const cases: [string[], RegExp][] = [
      [['--as', '2016-02'], /version 2016-02 already exists in set vtp/],
      [['--as', '2015-12'], /version 2015-12 would sort before 2016-02/],
      [['--as', '../evil'], /"\.\.\/evil" is not a version name/],
      [['--as', '2017-01', '--from', '2014-01'], /unknown version "2014-01" in set vtp/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['version', 'new', 'vtp', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(fs.readdirSync(path.join(dir, 'standards/vtp')).sort()).toEqual(['2015-09.md', '2016-02.md']);
  });
});
