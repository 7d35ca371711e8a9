/**
 * The bundled 2015 evaluation: five centres' grids of the 2007-11 standards read without a finding, the
 * requirements most of them fail, and the 2015-09 workshop register holding (decided) the observations the
 * evaluation gives, so that running it into the register again adds nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const GRIDS = 'standards/vtp/evaluations/2015';
const REGISTER = 'standards/vtp/comments/2015-09-workshop.yaml';

describe('the bundled 2015 evaluation', () => {
  it('five grids of 2007-11 (four workbooks, one CSV with semicolons) read without a finding', async () => {
    expect(fs.readdirSync(path.join(ROOT, GRIDS)).sort()).toEqual(['adapost-ong-bucuresti.csv', 'centrul-regional-craiova.xlsx', 'centrul-regional-iasi.xlsx', 'centrul-regional-timisoara.xlsx', 'dgaspc-sector-6.xlsx']);
    const r = await runCli(['evaluate', GRIDS, '-o', '-'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe('2007-11');
    expect(report.findings).toEqual([]);
    expect(report.services.map((s: { name: string; date: string }) => s.date)).toEqual(['2015-08-04', '2015-06-23', '2015-06-09', '2015-07-07', '2015-07-21']);
    for (const s of report.services) expect(s.notAssessed).toEqual([]);
    expect(report.failing).toEqual(['S1.2', 'S2.1', 'S4.1', 'S5.2', 'S6.1', 'S7.1', 'S12.4', 'S16.4']);
    // Every centre exceeds the 10 days of accommodation of 2007 (2015-09 allows 90).
    expect(report.requirements.find((x: { id: string }) => x.id === 'S7.1').met).toEqual([]);
  });

  it('the 2015-09 workshop register holds the evaluation\'s observations, decided; running it into the register adds nothing', async () => {
    const register = parseYaml(fs.readFileSync(path.join(ROOT, REGISTER), 'utf8')) as { comments: { id: number; target: string; by: string; decision: string }[] };
    const fromEvaluation = register.comments.filter((c) => c.by === 'Evaluarea serviciilor (standardele 2007-11)');
    expect(fromEvaluation.map((c) => c.target)).toEqual(['S1.2', 'S2.1', 'S4.1', 'S5.2', 'S6.1', 'S7.1', 'S12.4', 'S16.4'].map((id) => `2007-11:${id}`));
    expect(fromEvaluation.every((c) => c.decision !== 'pending')).toBe(true);
    const copy = path.join(tempDir(), 'register.yaml');
    fs.copyFileSync(path.join(ROOT, REGISTER), copy);
    const r = await runCli(['evaluate', GRIDS, '--observations', copy], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: 0 observation\(s\) added, 8 already there\n$/);
    expect(fs.readFileSync(copy, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, REGISTER), 'utf8'));
  });
});
