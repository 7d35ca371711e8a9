/**
 * docs/rules: one page per rule, listed in the index, each with a passing and a failing example that do what
 * the page says — the passing example gives no finding, the failing one gives findings of the rule, and the
 * sample output shown under it is what `validate` prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { lintParsed, lintRegister, RULES } from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { ROOT } from '../support/cli.js';

const DOCS = path.join(ROOT, 'docs', 'rules');
const FRONT_MATTER = "---\ntitle: Standarde minime de calitate\nversion: '2016-02'\ndate: '2016-02-16'\nstatus: consultation\nlang: ro\n---\n\n";
/** A requirement-text fragment goes where S1.1's text is (line 19). */
const SKELETON = `${FRONT_MATTER}# Modulul I. Accesarea serviciului\n\n## Standardul 1. Informarea\n\nCentrul informează beneficiarii.\n\n**Rezultate așteptate:** Beneficiarii cunosc serviciile.\n\n### S1.1\n\n@@\n\n**Indicatori:**\n\n- Ghidul beneficiarului.\n`;

/** The first code block of a section, and the ```text block after it, if any (headings inside code blocks do not count). */
function section(page: string, title: string): { lang: string; code: string; output: string[] } {
  const sections = new Map<string, { lang: string; lines: string[] }[]>();
  let current: { lang: string; lines: string[] }[] | null = null;
  let fence: { lang: string; lines: string[] } | null = null;
  for (const line of page.split('\n')) {
    if (fence) {
      if (line === '```') {
        current?.push(fence);
        fence = null;
      } else fence.lines.push(line);
    } else if (line.startsWith('```')) {
      fence = { lang: line.slice(3), lines: [] };
    } else if (line.startsWith('## ')) {
      current = [];
      sections.set(line.slice(3), current);
    }
  }
  const blocks = sections.get(title);
  expect(blocks?.length, `a code block under "## ${title}"`).toBeGreaterThan(0);
  const output = blocks!.slice(1).find((b) => b.lang === 'text');
  return { lang: blocks![0]!.lang, code: `${blocks![0]!.lines.join('\n')}\n`, output: output ? output.lines : [] };
}

function lintExample(lang: string, code: string): Diagnostic[] {
  if (lang === 'yaml') return lintRegister(code, 'comments/x.yaml');
  const text = code.startsWith('---\n') ? code : code.startsWith('# ') ? FRONT_MATTER + code : SKELETON.replace('@@\n', code);
  return lintParsed(parseText(text, '2016-02.md'), { versions: ['2015-09', '2016-02', '2016-04'], expectedVersion: '2016-02' });
}

const normalize = (line: string) => line.trim().replace(/\s+/g, ' ');

describe('docs/rules', () => {
  const index = fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8');

  it('has a page for every rule and no other, each listed in the index', () => {
    const pages = fs.readdirSync(DOCS).filter((f) => f !== 'README.md').sort();
    expect(pages).toEqual(RULES.map((r) => `${r.id}.md`).sort());
    for (const rule of RULES) expect(index).toContain(`[\`${rule.id}\`](${rule.id}.md)`);
  });

  for (const rule of RULES) {
    it(`${rule.id}: the passing example passes, the failing one fails as shown`, () => {
      const page = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
      expect(page.startsWith(`# \`${rule.id}\`\n`)).toBe(true);
      expect(page).toContain(`Default severity: **${rule.severity}**`);
      const passing = section(page, 'Passing');
      expect(lintExample(passing.lang, passing.code)).toEqual([]);
      const failing = section(page, 'Failing');
      const found = lintExample(failing.lang, failing.code);
      expect(found.some((d) => d.ruleId === rule.id)).toBe(true);
      const printed = found.map((d) => normalize(`${d.line}:${d.column} ${d.severity} ${d.message} ${d.ruleId}`));
      expect(failing.output.length).toBeGreaterThan(0);
      for (const line of failing.output.filter((l) => l.trim())) expect(printed, `${rule.id} sample output`).toContain(normalize(line));
    });
  }
});
