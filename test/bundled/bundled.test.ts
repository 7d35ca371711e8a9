import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import { countUnits, allRequirements, blockText } from '../../src/model/walk.js';
import { parseRegister, parseTarget, resolveUnit, type ResolvedUnit } from '../../src/comments/index.js';
import type { StandardsDoc } from '../../src/model/types.js';
import { ROOT } from '../support/cli.js';

const SET = path.join(ROOT, 'standards', 'vtp');
const read = (version: string) => parseText(fs.readFileSync(path.join(SET, `${version}.md`), 'utf8'), `${version}.md`);
const VERSIONS = ['2007-11', '2015-09', '2016-02', '2016-04'];

describe('the bundled standards set standards/vtp', () => {
  it('has four versions that parse with no structural problem, in canonical form', () => {
    for (const version of VERSIONS) {
      const parsed = read(version);
      expect(parsed.doc.problems, version).toEqual([]);
      expect(formatDocument(parsed), `${version} is fmt-canonical`).toBe(parsed.source.text);
      expect(parsed.doc.meta.version).toBe(version);
      expect(parsed.doc.meta.note).toMatch(/ilustrativ/);
    }
  });

  it('has the size the demos rely on: 6 modules, 20+ standards, 100+ requirements, 1-4 indicators each', () => {
    // 2007-11, the standards the 2015 evaluation used, is the smaller text the drafts grew from.
    expect(countUnits(read('2007-11').doc)).toMatchObject({ modules: 6, standards: 21, requirements: 84 });
    for (const version of VERSIONS.filter((v) => v !== '2007-11')) {
      const { doc } = read(version);
      const counts = countUnits(doc);
      expect(counts.modules).toBe(6);
      expect(counts.standards).toBeGreaterThanOrEqual(20);
      expect(counts.requirements).toBeGreaterThanOrEqual(100);
      for (const r of allRequirements(doc)) expect(r.indicators.length, `${version} ${r.idText}`).toBeLessThanOrEqual(4);
    }
  });

  it('tells the story: statuses, supersedes chain, cedilla only in the first draft', () => {
    const metas = VERSIONS.map((v) => read(v).doc.meta);
    expect(metas.map((m) => m.status)).toEqual(['final', 'draft', 'consultation', 'final']);
    expect(metas.map((m) => m.supersedes ?? null)).toEqual([null, '2007-11', '2015-09', '2016-02']);
    const texts = Object.fromEntries(VERSIONS.map((v) => [v, fs.readFileSync(path.join(SET, `${v}.md`), 'utf8')]));
    expect(texts['2007-11']).not.toMatch(/[şţŞŢ]/); // the standards in force, as evaluated in 2015
    expect(texts['2015-09']).toMatch(/[şţŞŢ]/);
    expect(texts['2016-02']).not.toMatch(/[şţŞŢ]/);
    expect(texts['2016-04']).not.toMatch(/[şţŞŢ]/);
    expect(texts['2016-02']).toMatch(/^\| --- \|/m); // a GFM table in the revision
  });
});

/** A comparable rendering of a unit's content (cedilla normalised: a typographic fix is not a change). */
function content(unit: ResolvedUnit): string {
  const norm = (s: string) => s.replace(/ş/g, 'ș').replace(/ţ/g, 'ț').replace(/Ş/g, 'Ș').replace(/Ţ/g, 'Ț');
  switch (unit.kind) {
    case 'requirement': // where it stands is part of it: a requirement moved to another standard differs
      return norm(`${unit.standard.title}\n${unit.node.title}\n${blockText(unit.node.text)}\n${unit.node.indicators.map((i) => i.text).join('\n')}`);
    case 'indicator': // an indicator is the indicator of its requirement
      return norm(`${blockText(unit.requirement.text)}\n${unit.node.text}`);
    case 'standard':
      return norm(
        `${unit.node.title}\n${blockText(unit.node.statement)}\n${unit.node.expectedResults.map((e) => e.text).join()}\n${unit.node.requirements
          .map((r) => `${r.title}\n${blockText(r.text)}\n${r.indicators.map((i) => i.text).join('\n')}`)
          .join('\n')}`,
      );
    case 'module':
      return norm(unit.node.standards.map((s) => content({ kind: 'standard', node: s, module: unit.node })).join('\n'));
  }
}

/** Every unit's content in a version (to see whether a unit's text survives, wherever it moved). */
function allContents(doc: StandardsDoc): Set<string> {
  const out = new Set<string>();
  for (const module of doc.modules) {
    out.add(content({ kind: 'module', node: module }));
    for (const standard of module.standards) {
      out.add(content({ kind: 'standard', node: standard, module }));
      for (const requirement of standard.requirements) {
        out.add(content({ kind: 'requirement', node: requirement, standard, module }));
        for (const indicator of requirement.indicators) out.add(content({ kind: 'indicator', node: indicator, requirement, standard, module }));
      }
    }
  }
  return out;
}

describe('the observation registers of the bundled set', () => {
  const registers = fs.readdirSync(path.join(SET, 'comments')).map((f) => path.join(SET, 'comments', f));

  it('are two registers of 15+ observations, none pending in the first', () => {
    expect(registers.map((r) => path.basename(r))).toEqual(['2015-09-workshop.yaml', '2016-02-workshop.yaml']);
    for (const file of registers) {
      const { register, problems } = parseRegister(fs.readFileSync(file, 'utf8'), file);
      expect(problems).toEqual([]);
      expect(register.comments.length).toBeGreaterThanOrEqual(15);
    }
    const first = parseRegister(fs.readFileSync(registers[0]!, 'utf8'), registers[0]!).register;
    expect(first.comments.filter((c) => c.decision === 'pending')).toEqual([]);
  });

  it('target units that exist in the version commented on; accepted ones changed in the next version, rejected ones did not', () => {
    for (const file of registers) {
      const { register } = parseRegister(fs.readFileSync(file, 'utf8'), file);
      const from = read(register.from).doc;
      const to = read(register.to!).doc;
      const after = allContents(to);
      for (const obs of register.comments) {
        const target = parseTarget(obs.target);
        expect(target, `${path.basename(file)} #${obs.id}: ${obs.target}`).not.toBeNull();
        const unit = resolveUnit(target!.version ? read(target!.version).doc : from, target!.unit);
        expect(unit, `${path.basename(file)} #${obs.id}: ${obs.target} resolves in ${register.from}`).not.toBeNull();
        const survives = after.has(content(unit!));
        if (obs.decision === 'accepted' || obs.decision === 'partially-accepted') {
          expect(survives, `${path.basename(file)} #${obs.id} (${obs.decision}) changed ${obs.target}`).toBe(false);
        }
        if (obs.decision === 'rejected' && unit!.kind !== 'module' && unit!.kind !== 'standard') {
          expect(survives, `${path.basename(file)} #${obs.id} (rejected) left ${obs.target} as it was`).toBe(true);
        }
      }
    }
  });
});
