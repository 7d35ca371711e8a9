/**
 * `fmt --renumber` (planRenumber + formatDocument): after a drafter inserted or deleted a unit, modules,
 * standards, requirements, module ranges, module prefixes and indicator prefixes are renumbered, every
 * reference follows — and `validate` then finds no numbering or reference error.
 * Fixtures: test/fixtures/renumber/<case>/input.md → expected.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import { planChanges, planRenumber } from '../../src/print/renumber.js';
import { lintParsed, fixDocument } from '../../src/lint/index.js';
import { allRequirements, allStandards } from '../../src/model/walk.js';
import { runCli } from '../support/cli.js';
import { fixtureDirs } from '../support/fixtures.js';
import { tempDir } from '../support/tmp.js';
import { generateStructure, printStructure } from '../support/generator.js';

const renumber = (text: string) => {
  const parsed = parseText(text, 'x.md');
  return formatDocument(parsed, { renumber: planRenumber(parsed.doc) });
};
const numberingAndReferences = (text: string) => lintParsed(parseText(text, 'x.md')).filter((d) => d.ruleId === 'numbering' || d.ruleId === 'references');

describe('fmt --renumber fixtures (input.md → expected.md)', () => {
  for (const { name, dir } of fixtureDirs('renumber')) {
    it(name, async () => {
      const input = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
      const expectedFile = path.join(dir, 'expected.md');
      const out = renumber(input);
      if (process.env['UPDATE_FIXTURES'] && !fs.existsSync(expectedFile)) fs.writeFileSync(expectedFile, out);
      expect(numberingAndReferences(input).some((d) => d.ruleId === 'numbering'), 'the input needs renumbering').toBe(true);
      expect(out).toBe(fs.readFileSync(expectedFile, 'utf8'));
      expect(numberingAndReferences(out), 'validate finds no numbering or reference error afterwards').toEqual([]);
      expect(renumber(out), 'renumbering is idempotent').toBe(out);
      // The same through the CLI, and through validate --fix.
      const ws = tempDir({ 'doc.md': input });
      expect(await runCli(['fmt', '--renumber', 'doc.md'], { cwd: ws })).toMatchObject({ code: 0, stdout: out });
      expect(fixDocument(parseText(input, 'doc.md')).text).toBe(out);
    });
  }
});

describe('renumbering properties', () => {
  /** A generated document with a unit inserted (numbered as the drafter would) or deleted at `where`. */
  function edited(seed: number, edit: 'insert-standard' | 'delete-standard' | 'insert-requirement', where: 'start' | 'middle' | 'end'): string {
    const doc = generateStructure(seed, { standards: 9, modules: 3 });
    const text = printStructure(doc);
    const parsed = parseText(text, 'x.md');
    const standards = allStandards(parsed.doc);
    const at = where === 'start' ? 0 : where === 'middle' ? 4 : standards.length - 1;
    const lines = text.split('\n');
    const target = standards[at]!;
    const start = target.span.start.line - 1;
    const end = target.span.end.line;
    if (edit === 'delete-standard') return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
    if (edit === 'insert-standard') {
      const copy = lines.slice(start, end).map((l) => l.replace(/Informarea|Admiterea|Evaluarea/g, 'Noul'));
      return [...lines.slice(0, start), ...copy, '', ...lines.slice(start)].join('\n');
    }
    const req = target.requirements[where === 'start' ? 0 : where === 'middle' ? Math.floor(target.requirements.length / 2) : target.requirements.length - 1]!;
    const r0 = req.span.start.line - 1;
    return [...lines.slice(0, r0), `### ${req.idText}`, '', 'Cerință inserată.', '', '**Indicatori:**', '', '- Indicator nou.', '', ...lines.slice(r0)].join('\n');
  }

  for (const edit of ['insert-standard', 'delete-standard', 'insert-requirement'] as const) {
    for (const where of ['start', 'middle', 'end'] as const) {
      it(`${edit} at the ${where}: consecutive numbers, every reference resolves, idempotent (10 seeds)`, () => {
        for (let seed = 1; seed <= 10; seed++) {
          const input = edited(seed, edit, where);
          const parsed = parseText(input, 'x.md');
          const plan = planRenumber(parsed.doc);
          const out = formatDocument(parsed, { renumber: plan });
          const after = parseText(out, 'x.md').doc;
          expect(allStandards(after).map((s) => s.number), `seed ${seed}`).toEqual(allStandards(after).map((_, i) => i + 1));
          for (const s of allStandards(after)) expect(s.requirements.map((r) => r.id?.index)).toEqual(s.requirements.map((_, i) => i + 1));
          expect(allRequirements(after).length).toBe(allRequirements(parsed.doc).length);
          // References that resolved before still resolve (deleting a standard may leave references to it broken).
          const broken = (text: string) => numberingAndReferences(text).filter((d) => d.ruleId === 'references').length;
          if (edit !== 'delete-standard') expect(broken(out), `seed ${seed}`).toBe(0);
          expect(numberingAndReferences(out).filter((d) => d.ruleId === 'numbering')).toEqual([]);
          expect(renumber(out)).toBe(out);
          if (where !== 'end' || edit === 'insert-requirement') expect(planChanges(parsed.doc, plan).length).toBeGreaterThan(0);
        }
      });
    }
  }
});
