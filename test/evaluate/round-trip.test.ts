/**
 * The round trip with known answers: `checklist` writes the grid, the test fills it as evaluators would
 * (a workbook, a CSV, a CSV saved by Romanian Excel in Windows-1250 with ";"), and `evaluate` gives the
 * scores worked out by hand, exactly.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../support/cli.js';
import { csvText, fillCsvRows, fillXlsx, inDir, KEYS, workspace } from './helpers.js';

interface ScoreJson {
  score: number | null;
  points: number;
  applicable: number;
}
interface ServiceJson extends ScoreJson {
  name: string;
  modules: (ScoreJson & { module: string })[];
  standards: (ScoreJson & { standard: number })[];
  unmet: { requirement: string; status: string; notes: string[] }[];
  notAssessed: string[];
}
interface ReportJson {
  version: string;
  fingerprint: string;
  services: ServiceJson[];
  requirements: { id: string; met: string[]; notMet: { service: string; status: string }[]; notApplicable: string[] }[];
  indicators: { id: string; counts: Record<string, number> }[];
  failing: string[];
  findings: { file: string; cell: string | null; severity: string; message: string }[];
}

const A = { 'Im1S1.1': 'îndeplinit', 'Im2S1.1': 'parțial', 'Im1S1.2': ['neîndeplinit', 'Discuție cu coordonatorul', 'Nu există contract cu un interpret'], 'Im1S2.1': 'îndeplinit', 'Im2S2.1': 'îndeplinit', 'Im3S2.1': 'nu se aplică', 'Im1S3.1': 'parțial', 'S3.2': 'îndeplinit' } as const;
const B = { ...Object.fromEntries(KEYS.map((k) => [k, 'îndeplinit'])), 'Im1S1.2': ['neîndeplinit', '', 'Interpret numai prin voluntari'], 'S3.2': 'parțial' } as Record<string, string | [string, string, string]>;
const C = { ...Object.fromEntries(KEYS.map((k) => [k, 'îndeplinit'])), 'Im1S1.2': 'parţial', 'Im1S3.1': 'nu se aplică' };

async function evaluated(): Promise<{ dir: string; files: string[] }> {
  const dir = workspace();
  expect((await runCli(['checklist', '2015-01', '--centre', 'Centrul A', '-o', 'a.xlsx'], { cwd: dir })).code).toBe(0);
  await fillXlsx(inDir(dir, 'a.xlsx'), A as never);
  expect((await runCli(['checklist', '2015-01', '--centre', 'Centrul B', '-o', 'b.csv'], { cwd: dir })).code).toBe(0);
  fs.writeFileSync(inDir(dir, 'b.csv'), `\uFEFF${csvText(fillCsvRows(inDir(dir, 'b.csv'), B))}`);
  // C: saved by a spreadsheet with Romanian settings: ";" between cells, Windows-1250 (so cedilla ş ţ).
  expect((await runCli(['checklist', '2015-01', '-o', 'centrul-c.csv'], { cwd: dir })).code).toBe(0);
  const legacy = csvText(fillCsvRows(inDir(dir, 'centrul-c.csv'), C), ';').replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/Ș/g, 'Ş').replace(/Ț/g, 'Ţ');
  fs.writeFileSync(inDir(dir, 'centrul-c.csv'), iconv.encode(legacy, 'win1250'));
  return { dir, files: ['a.xlsx', 'b.csv', 'centrul-c.csv'] };
}

describe('checklist → filled grids → evaluate', () => {
  it('gives the scores worked out by hand, per service, module, standard and requirement', async () => {
    const { dir, files } = await evaluated();
    const r = await runCli(['evaluate', ...files, '-o', 'report.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // The only finding: C's encoding, read as Windows-1250.
    expect(r.stderr.split('\n').filter((l) => /: (error|warning) /.test(l))).toEqual([
      'centrul-c.csv: warning Expected UTF-8, found another encoding: read as Windows-1250 (Central European); save the CSV as "CSV UTF-8" to be sure of the diacritics',
    ]);
    const report = JSON.parse(fs.readFileSync(inDir(dir, 'report.json'), 'utf8')) as ReportJson;
    expect(report.version).toBe('2015-01');
    expect(report.services.map((s) => s.name)).toEqual(['Centrul A', 'Centrul B', 'centrul-c']);
    const [a, b, c] = report.services as [ServiceJson, ServiceJson, ServiceJson];
    // A: 1 + ½ + 0 + 1 + 1 (n/a left out) in module I; ½ + 1 in module II.
    expect(a.modules.map((m) => [m.module, m.points, m.applicable, m.score])).toEqual([
      ['I', 3.5, 5, 0.7],
      ['II', 1.5, 2, 0.75],
    ]);
    expect([a.points, a.applicable, a.score]).toEqual([5, 7, 0.7143]);
    expect(a.standards.map((s) => s.score)).toEqual([0.5, 1, 0.75]);
    expect(a.unmet).toEqual([
      { requirement: 'S1.1', status: 'partial', notes: [] },
      { requirement: 'S1.2', status: 'not-met', notes: ['Nu există contract cu un interpret'] },
      { requirement: 'S3.1', status: 'partial', notes: [] },
    ]);
    expect(b.modules.map((m) => [m.points, m.applicable])).toEqual([
      [5, 6],
      [1.5, 2],
    ]);
    expect([b.points, b.applicable, b.score]).toEqual([6.5, 8, 0.8125]);
    expect(c.modules.map((m) => [m.points, m.applicable, m.score])).toEqual([
      [5.5, 6, 0.9167],
      [1, 1, 1],
    ]);
    expect(c.unmet.map((u) => `${u.requirement} ${u.status}`)).toEqual(['S1.2 partial']);
    for (const s of report.services) expect(s.notAssessed).toEqual([]);
    // Per requirement: who meets it; S1.2 is failed by all three, the only one failed by most.
    const req = (id: string) => report.requirements.find((x) => x.id === id)!;
    expect(req('S1.2')).toMatchObject({ met: [], notMet: [{ service: 'Centrul A', status: 'not-met' }, { service: 'Centrul B', status: 'not-met' }, { service: 'centrul-c', status: 'partial' }] });
    expect(req('S3.1')).toMatchObject({ met: ['Centrul B'], notMet: [{ service: 'Centrul A', status: 'partial' }], notApplicable: ['centrul-c'] });
    expect(req('S3.2')).toMatchObject({ met: ['Centrul A', 'centrul-c'], notMet: [{ service: 'Centrul B', status: 'partial' }] });
    expect(report.failing).toEqual(['S1.2']);
    expect(report.indicators.find((i) => i.id === 'Im1S3.1')!.counts).toEqual({ met: 1, partial: 1, 'not-met': 0, 'not-applicable': 1, 'not-assessed': 0 });
  });

  it('counts a partial assessment as configured (--partial-weight, or evaluation.partial-weight in the config)', async () => {
    const { dir, files } = await evaluated();
    const zero = JSON.parse((await runCli(['evaluate', files[0]!, '--partial-weight', '0', '-o', '-'], { cwd: dir })).stdout) as ReportJson;
    expect(zero.services[0]!.modules.map((m) => m.score)).toEqual([0.6, 0.5]);
    fs.writeFileSync(inDir(dir, 'stdraft.config.yaml'), 'evaluation:\n  partial-weight: 1\n');
    const one = JSON.parse((await runCli(['evaluate', files[0]!, '-o', '-'], { cwd: dir })).stdout) as ReportJson;
    expect(one.services[0]!.modules.map((m) => [m.points, m.applicable])).toEqual([
      [4, 5],
      [2, 2],
    ]);
    expect((await runCli(['evaluate', files[0]!, '--partial-weight', '2'], { cwd: dir })).stderr).toMatch(/^stdraft: --partial-weight must be a number from 0 to 1, found "2"/);
  });

  it('prints a summary without -o, and writes the same evaluation as an HTML page that parses, with its charts', async () => {
    const { dir, files } = await evaluated();
    const text = await runCli(['evaluate', ...files], { cwd: dir });
    expect(text.stdout).toMatch(/^service +score +I +II\nCentrul A +71,4% +70% +75%\nCentrul B +81,3% +83,3% +75%\ncentrul-c +92,9% +91,7% +100%\nrequirements most services do not meet \(1\): S1\.2\n$/);
    const r = await runCli(['evaluate', ...files, '-o', 'report.html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(inDir(dir, 'report.html'), 'utf8');
    const errors: string[] = [];
    const tree = parseHtml(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
    expect(errors).toEqual([]);
    const svgs: { attrs: { name: string; value: string }[]; childNodes: unknown[] }[] = [];
    const walk = (node: { nodeName?: string; childNodes?: unknown[] }) => {
      if (node.nodeName === 'svg') svgs.push(node as never);
      for (const child of node.childNodes ?? []) walk(child as never);
    };
    walk(tree as never);
    expect(svgs).toHaveLength(2);
    // The heat map: one cell per requirement and service (5 × 3), coloured by the score.
    const heat = svgs[1]!;
    const cells = (heat.childNodes as { nodeName: string; childNodes: { nodeName: string; childNodes: { value?: string }[] }[] }[]).filter((n) => n.nodeName === 'rect' && n.childNodes.some((c) => c.nodeName === 'title'));
    expect(cells).toHaveLength(15);
    expect(html).toContain('<title>S1.2 — Centrul A: neîndeplinit (0%)</title>');
    expect(html).toContain('<title>S3.1 — centrul-c: nu se aplică</title>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    // Every requirement's count, the services numbered as in the charts.
    expect(html).toContain('<tr><td>S1.2</td><td>0 / 3</td><td>1 (neîndeplinit), 2 (neîndeplinit), 3 (parțial)</td></tr>');
    expect(html).toContain('<tr><td>S3.1</td><td>1 / 2</td><td>1 (parțial)</td></tr>');
  });

  it('turns the requirements most services fail into pending observations, once', async () => {
    const { dir, files } = await evaluated();
    // The register's folder is not made silently.
    expect((await runCli(['evaluate', ...files, '--observations', 'standards/demo/comments/evaluare.yaml'], { cwd: dir })).stderr).toMatch(/the folder .*comments does not exist/);
    fs.mkdirSync(inDir(dir, 'standards/demo/comments'));
    const r = await runCli(['evaluate', ...files, '--observations', 'standards/demo/comments/evaluare.yaml', '--by', 'Evaluarea din 2015'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/standards\/demo\/comments\/evaluare\.yaml: new register with 1 observation\(s\)\n$/);
    const register = parseYaml(fs.readFileSync(inDir(dir, 'standards/demo/comments/evaluare.yaml'), 'utf8'));
    expect(register).toMatchObject({ from: '2015-01', comments: [{ id: 1, target: 'S1.2', by: 'Evaluarea din 2015', decision: 'pending' }] });
    expect(register.comments[0].text).toBe(
      'Cerința nu este îndeplinită integral de 3 din 3 servicii evaluate (Centrul A — neîndeplinit; Centrul B — neîndeplinit; centrul-c — parțial). Observațiile evaluatorilor: Centrul A: Nu există contract cu un interpret; Centrul B: Interpret numai prin voluntari.',
    );
    expect((await runCli(['validate', 'standards/demo/comments/evaluare.yaml'], { cwd: dir })).code).toBe(0);
    const before = fs.readFileSync(inDir(dir, 'standards/demo/comments/evaluare.yaml'));
    const again = await runCli(['evaluate', ...files, '--observations', 'standards/demo/comments/evaluare.yaml', '--by', 'Evaluarea din 2015'], { cwd: dir });
    expect(again.stdout).toMatch(/0 observation\(s\) added, 1 already there\n$/);
    expect(fs.readFileSync(inDir(dir, 'standards/demo/comments/evaluare.yaml'))).toEqual(before);
  });

  it('appends to a register on another version with targets naming the version evaluated, keeping the rest', async () => {
    const { dir, files } = await evaluated();
    const next = fs.readFileSync(inDir(dir, 'standards/demo/2015-01.md'), 'utf8').replace("version: '2015-01'", "version: '2015-06'").replace('status: final', 'status: draft\nsupersedes: \'2015-01\'');
    fs.writeFileSync(inDir(dir, 'standards/demo/2015-06.md'), next);
    const existing = "# Observațiile atelierului\ntitle: Atelier\ndate: '2015-06-20'\nfrom: '2015-06'\ncomments:\n  - id: 4\n    target: S2.1\n    by: ADPARE\n    text: Termen prea scurt.\n    decision: pending\n";
    fs.mkdirSync(inDir(dir, 'standards/demo/comments'));
    fs.writeFileSync(inDir(dir, 'standards/demo/comments/atelier.yaml'), existing);
    const r = await runCli(['evaluate', ...files, '--version', '2015-01', '--observations', 'standards/demo/comments/atelier.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = fs.readFileSync(inDir(dir, 'standards/demo/comments/atelier.yaml'), 'utf8');
    expect(text.startsWith(existing)).toBe(true);
    expect(parseYaml(text).comments[1]).toMatchObject({ id: 5, target: '2015-01:S1.2', by: 'Evaluarea serviciilor (standardele 2015-01)', decision: 'pending' });
    expect((await runCli(['validate', 'standards/demo/comments/atelier.yaml'], { cwd: dir })).code).toBe(0);
  });
});
