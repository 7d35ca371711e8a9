import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countUnits } from '../../src/model/walk.js';
import { parseText } from '../../src/parse/index.js';
import { ROOT, runCli } from '../support/cli.js';
import { generateDocument } from '../support/generator.js';
import { VALID, tempDir } from '../support/tmp.js';

const SET = path.join(ROOT, 'standards', 'vtp');

interface Row {
  version: string;
  file: string;
  date: string | null;
  status: string | null;
  supersedes: string | null;
  workshop: string | null;
  modules: number;
  standards: number;
  requirements: number;
  indicators: number;
  problems: number;
  error: string | null;
}

describe('stdraft versions', () => {
  it('lists the bundled versions in order with date, status, supersedes, workshop and counts (json)', async () => {
    const r = await runCli(['versions', 'vtp', '--format', 'json'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { set: string; versions: Row[] };
    expect(json.set).toBe('vtp');
    expect(json.versions.map((v) => [v.version, v.date, v.status, v.supersedes])).toEqual([
      ['2007-11', '2007-10-10', 'final', null],
      ['2015-09', '2015-09-22', 'draft', '2007-11'],
      ['2016-02', '2016-02-16', 'consultation', '2015-09'],
      ['2016-04', '2016-04-14', 'final', '2016-02'],
    ]);
    for (const v of json.versions) {
      const { doc } = parseText(fs.readFileSync(path.join(SET, `${v.version}.md`), 'utf8'), v.file);
      expect(v).toMatchObject({ ...countUnits(doc), file: `standards/vtp/${v.version}.md`, workshop: doc.meta.workshop ?? null, problems: 0, error: null });
    }
    expect(json.versions[0]!.workshop).toBeNull();
    expect(json.versions[1]!.workshop).toMatch(/septembrie 2015/);
  });

  it('prints a table (text), the set named by default when it is the only one', async () => {
    const r = await runCli(['versions'], { cwd: path.join(ROOT, 'standards') });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^vtp — Standarde minime de calitate/);
    expect(lines[2]).toMatch(/^version +date +status +supersedes +modules +standards +requirements +indicators +workshop$/);
    expect(lines[3]).toMatch(/^2007-11 +2007-10-10 +final +— +6 +21 +84 +\d+$/);
    expect(lines[4]).toMatch(/^2015-09 +2015-09-22 +draft +2007-11 +6 +24 +140 +\d+ +Atelierul de lucru din 22-23 septembrie 2015, București$/);
    expect(lines[5]).toMatch(/^2016-02 +2016-02-16 +consultation +2015-09 +6 +25 +144 +\d+ +Atelierul/);
    expect(lines[6]).toMatch(/^2016-04 +2016-04-14 +final +2016-02 +6 +25 +145 +\d+$/);
    expect(r.stdout.endsWith('\n4 versions\n')).toBe(true);
  });

  it('orders versions by name and counts generated documents exactly', async () => {
    const docs = { '2016-02': generateDocument(2, { standards: 7, version: '2016-02' }), '2015-09': generateDocument(1, { standards: 3 }) };
    const dir = tempDir(Object.fromEntries(Object.entries(docs).map(([v, t]) => [`standards/gen/${v}.md`, t])));
    const json = JSON.parse((await runCli(['versions', '--format', 'json'], { cwd: dir })).stdout) as { versions: Row[] };
    expect(json.versions.map((v) => v.version)).toEqual(['2015-09', '2016-02']);
    for (const v of json.versions) expect(v).toMatchObject(countUnits(parseText(docs[v.version as '2015-09'], 'x').doc));
  });

  it('lists an unreadable version (warning on stderr) and notes versions with structural problems', async () => {
    const dir = tempDir({
      'standards/demo/2015-09.md': VALID,
      'standards/demo/2016-02.md': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]),
      'standards/demo/2016-04.md': VALID.replace("version: '2015-09'", 'version: 2016').replace('# Modulul I. Accesarea serviciului\n', ''),
    });
    const r = await runCli(['versions'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^stdraft: warning: standards\/demo\/2016-02\.md:1: file is binary/);
    expect(r.stdout).toMatch(/^2016-02 +— +unreadable +— +0 +0 +0 +0$/m);
    expect(r.stdout).toMatch(/^2016-02: cannot be read: file is binary/m);
    expect(r.stdout).toMatch(/^2016-04: \d+ structural problems? \(stdraft validate standards\/demo\/2016-04\.md shows them\)$/m);
    const json = JSON.parse((await runCli(['versions', '--format', 'json'], { cwd: dir })).stdout) as { versions: Row[] };
    expect(json.versions[1]).toMatchObject({ version: '2016-02', error: expect.stringMatching(/binary/), requirements: 0 });
    expect(json.versions[2]!.problems).toBeGreaterThan(0);
  });

  it('bad input: unknown set, several sets and none named, no workspace — one line, exit 2', async () => {
    const dir = tempDir({ 'standards/a/2015-09.md': VALID, 'standards/b/2015-09.md': VALID });
    const unknown = await runCli(['versions', 'nope'], { cwd: dir });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^stdraft: unknown set "nope" in .* \(sets: a, b\)\n$/);
    const several = await runCli(['versions'], { cwd: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toBe('stdraft: several standards sets and none named (name one with --set: a, b)\n');
    fs.writeFileSync(path.join(dir, 'stdraft.config.yaml'), 'default-set: b\n');
    expect(JSON.parse((await runCli(['versions', '--format', 'json'], { cwd: dir })).stdout).set).toBe('b');
    const none = await runCli(['versions'], { cwd: tempDir({ 'x.md': VALID }) });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^stdraft: no workspace found/);
  });
});
