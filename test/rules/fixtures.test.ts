/**
 * Every rule, against its fixture folders: `test/fixtures/rules/<rule-id>/valid/<case>/` must give no
 * diagnostic at all (from any rule), and `invalid/<case>/` must give exactly `expected.json` (all rules, so a
 * spurious finding shows), with at least one finding of the rule itself. A case is `input.md` (+ optional
 * `context.json`: versions of the set and the version the file name gives) or, for registers,
 * `comments/input.yaml` next to the version files it points into.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { lintParsed, lintRegister, RULES, type LintContext } from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { StandardsDoc } from '../../src/model/types.js';
import { ROOT } from '../support/cli.js';
import { expectFixture } from '../support/fixtures.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');

function cases(rule: string, kind: 'valid' | 'invalid'): { name: string; dir: string }[] {
  const dir = path.join(FIXTURES, rule, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => ({ name, dir: path.join(dir, name) }));
}

/** The diagnostics of one fixture case, as `validate` computes them. */
export function lintCase(dir: string): Diagnostic[] {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '');
  const register = path.join(dir, 'comments', 'input.yaml');
  if (fs.existsSync(register)) {
    const versions = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    const parsed = new Map<string, StandardsDoc>();
    const getVersion = (name: string) => {
      if (!versions.includes(name)) return null;
      if (!parsed.has(name)) parsed.set(name, parseText(read(`${name}.md`), `${name}.md`).doc);
      return parsed.get(name)!;
    };
    return lintRegister(read('comments/input.yaml'), 'comments/input.yaml', { versions, getVersion });
  }
  const context: LintContext = fs.existsSync(path.join(dir, 'context.json')) ? (JSON.parse(read('context.json')) as LintContext) : {};
  return lintParsed(parseText(read('input.md'), 'input.md'), context);
}

describe('rule fixtures', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has at least one accepting and one rejecting case', () => {
        expect(cases(rule.id, 'valid').length).toBeGreaterThan(0);
        expect(cases(rule.id, 'invalid').length).toBeGreaterThan(0);
      });
      for (const { name, dir } of cases(rule.id, 'valid')) {
        it(`accepts valid/${name} (no diagnostic from any rule)`, () => {
          expect(lintCase(dir)).toEqual([]);
        });
      }
      for (const { name, dir } of cases(rule.id, 'invalid')) {
        it(`rejects invalid/${name} with exactly the expected diagnostics`, () => {
          const diagnostics = lintCase(dir);
          expect(diagnostics.some((d) => d.ruleId === rule.id)).toBe(true);
          expectFixture(dir, diagnostics);
        });
      }
    });
  }

  it('has no fixture folder for a rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(fs.readdirSync(FIXTURES).filter((name) => !ids.has(name))).toEqual([]);
  });
});
