import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { decodeSource } from '../../src/parse/source.js';
import { fixDocument, lintParsed } from '../../src/lint/index.js';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir, VALID } from '../support/tmp.js';

const parse = (text: string, file = 'x.md') => {
  const source = decodeSource(new TextEncoder().encode(text), file);
  return parseText(source.text, file, { bom: source.bom });
};
const withText = (text: string) => VALID.replace('Centrul dispune de un ghid.', text);
const CEDILLA = /[şţŞŢ]/g;
const commaBelow = (s: string) => s.replace(CEDILLA, (c) => ({ ş: 'ș', ţ: 'ț', Ş: 'Ș', Ţ: 'Ț' })[c]!);

describe('fixDocument', () => {
  it('fixes the five cedilla words of the 2015-09 draft and nothing else', () => {
    const original = fs.readFileSync(path.join(ROOT, 'standards/vtp/2015-09.md'), 'utf8');
    const result = fixDocument(parse(original, '2015-09.md'), { versions: ['2007-11', '2015-09'], expectedVersion: '2015-09' });
    expect(result.changed).toBe(true);
    expect(result.text).toBe(commaBelow(original));
    expect(result.changes).toEqual([
      '59:117 typography-cedilla: "şi" → "și"',
      '129:104 typography-cedilla: "obligaţiile" → "obligațiile"',
      '227:233 typography-cedilla: "fişa" → "fișa"',
      '534:92 typography-cedilla: "calităţii" → "calității"',
      '737:57 typography-cedilla: "informaţi" → "informați"',
    ]);
    expect(result.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['432 structure', '473 legal-technique', '896 references', '1064 structure']);
    expect(result.diagnostics.some((d) => d.fixable)).toBe(false);
  });

  it('keeps the BOM and CRLF line endings, and changes only the fixed words', () => {
    const text = `\uFEFF${withText('Centrul asigură şi   informează  bine.').replace(/\n/g, '\r\n')}`;
    const result = fixDocument(parse(text));
    expect(result.text).toBe(`\uFEFF${withText('Centrul asigură și informează bine.').replace(/\n/g, '\r\n')}`);
    expect(lintParsed(parse(result.text))).toEqual([]);
  });

  it('composes decomposed letters, then replaces the cedilla that composing gives (two passes)', () => {
    const result = fixDocument(parse(withText('Centrul asigura\u0306 s\u0327i t\u0326ara.')));
    expect(result.text).toBe(withText('Centrul asigură și țara.'));
    expect(result.changes.length).toBe(4);
    expect(result.diagnostics).toEqual([]);
  });

  it('leaves suppressed findings and rules turned off alone', () => {
    const text = withText('<!-- stdraft-disable-next-line typography-cedilla -->\n\nCitat: „şi”.\n\nAici şi  acolo.');
    const result = fixDocument(parse(text), { config: { rules: { 'typography-spaces': 'off' }, data: {} } });
    expect(result.text).toBe(text.replace('Aici şi', 'Aici și'));
  });

  it('renumbers through planRenumber and formatDocument when numbering has findings, and says what changed', () => {
    const text = VALID.replace('# Modulul I. Accesarea serviciului\n', '# Modulul I. Accesarea serviciului\n\n## Standardul 1. Nou\n\nEnunț, conform S1.1.\n\n**Rezultate așteptate:** Rezultat.\n\n### S1.1\n\nText.\n\n**Indicatori:**\n\n- Indicator.\n');
    const result = fixDocument(parse(text));
    expect(result.changes).toEqual([
      'renumbered standard 1 → 2 (with their requirements)',
      '2 units were numbered S1.1 (lines 17, 31): references to S1.1 now name the last of them, S2.1; check them',
      'renumbered: numbers, ranges, indicator prefixes and references follow (the file is now in canonical form)',
    ]);
    expect(result.text).toContain('## Standardul 2. Informarea');
    expect(result.text).toContain('Enunț, conform S2.1.');
    expect(result.diagnostics).toEqual([]);
  });

  it('does not renumber (or reformat) a document whose numbering is right', () => {
    const untidy = `${VALID}\n\n\n`.replace('**Indicatori:**', 'Indicatori:');
    const result = fixDocument(parse(untidy));
    expect(result).toMatchObject({ changed: false, changes: [] });
    // The unbolded label is a warning fmt repairs, not something --fix rewrites.
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['label-form']);
    expect(result.text).toBe(untidy);
  });

  it('leaves no fixable finding on any rule fixture, and reports what a fresh validation reports', () => {
    const root = path.join(ROOT, 'test/fixtures/rules');
    let fixed = 0;
    for (const rule of fs.readdirSync(root)) {
      for (const kind of ['valid', 'invalid']) {
        const dir = path.join(root, rule, kind);
        if (!fs.existsSync(dir)) continue;
        for (const name of fs.readdirSync(dir)) {
          const file = path.join(dir, name, 'input.md');
          if (!fs.existsSync(file)) continue;
          const result = fixDocument(parse(fs.readFileSync(file, 'utf8')));
          expect(result.diagnostics.filter((d) => d.fixable), `${rule}/${kind}/${name}`).toEqual([]);
          expect(lintParsed(parse(result.text))).toEqual(result.diagnostics);
          if (result.changed) fixed++;
        }
      }
    }
    expect(fixed).toBeGreaterThanOrEqual(7);
  });
});

describe('validate --fix', () => {
  const draft = fs.readFileSync(path.join(ROOT, 'standards/vtp/2015-09.md'), 'utf8');
  // The version the draft supersedes: without it, the draft's `supersedes` would be a finding too.
  const previous = fs.readFileSync(path.join(ROOT, 'standards/vtp/2007-11.md'), 'utf8');

  it('rewrites the fixed file atomically, reports the changes, and a second run has nothing fixable', async () => {
    const dir = tempDir({ 'standards/vtp/2007-11.md': previous, 'standards/vtp/2015-09.md': draft, 'standards/vtp/2016-02.md': fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-02.md'), 'utf8') });
    const clean = path.join(dir, 'standards/vtp/2016-02.md');
    const inode = fs.statSync(clean).ino;
    const r = await runCli(['validate', '--fix'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('fixed standards/vtp/2015-09.md (5 changes):\n  59:117 typography-cedilla: "şi" → "și"\n')).toBe(true);
    expect(r.stdout).toMatch(/\n4 problems \(3 errors, 1 warning\) in 1 of 3 files\n$/);
    expect(fs.readFileSync(path.join(dir, 'standards/vtp/2015-09.md'), 'utf8')).toBe(commaBelow(draft));
    expect(fs.statSync(clean).ino, 'a file with nothing to fix is not rewritten').toBe(inode);
    expect(fs.readdirSync(path.join(dir, 'standards/vtp')).sort(), 'no temporary file left').toEqual(['2007-11.md', '2015-09.md', '2016-02.md']);
    const again = await runCli(['validate'], { cwd: dir });
    expect(again.stdout).not.toMatch(/--fix/);
    expect(again.stdout).toMatch(/\n4 problems \(3 errors, 1 warning\) in 1 of 3 files\n$/);
  });

  it('keeps stdout machine-readable with --format json (the changes go to stderr)', async () => {
    const dir = tempDir({ '2007-11.md': previous, '2015-09.md': draft });
    const r = await runCli(['validate', '--fix', '--format', 'json', '2015-09.md'], { cwd: dir });
    expect(r.stderr).toMatch(/^fixed 2015-09\.md \(5 changes\):\n/);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(4);
  });

  it('reads every file before writing any: an unreadable file stops the run with exit 2 and nothing is changed', async () => {
    const dir = tempDir({ 'a.md': draft, 'b.md': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]) });
    const r = await runCli(['validate', '--fix', 'a.md', 'b.md'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^stdraft: b\.md:1: file is binary/);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(draft);
  });
});
