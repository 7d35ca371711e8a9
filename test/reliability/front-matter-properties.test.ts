/**
 * fmt and front matter (seeded fast-check): keys in any order, every quoting style, comments, flow and block
 * lists, numbers written in every way, under a generated body. fmt succeeds, is idempotent, puts the keys in
 * the canonical order, keeps every value's text, and the document parses to the same thing before and after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseText } from '../../src/parse/index.js';
import { formatVerified, FRONT_MATTER_KEY_ORDER } from '../../src/print/index.js';
import { snapshot } from '../../src/model/walk.js';
import { generateDocument } from '../support/generator.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const SEED = 20161128;

const quoted = (text: string) => fc.constantFrom(text, `'${text}'`, `"${text}"`);
/** A text value in plain, single- or double-quoted style (plain only where YAML reads it as the same text). */
const textValue = (text: string) => (/^[\p{L}][\p{L}\p{N} ,.-]*$/u.test(text) && !/: | #/.test(text) ? quoted(text) : fc.constantFrom(`'${text}'`, `"${text}"`));
/** Scalars that a YAML printer would rewrite: their text must survive fmt. */
const NUMBERISH = ['007', '0212345678', '12345678901234567890', '1e3', '+12', '.5', '1e400', '0x1F', '0o17', 'true', '~', 'null', '2016-02-16', '1_000'];
const list = (items: string[]) =>
  fc.constantFrom('flow', 'block', 'block-indented').chain((style) =>
    fc.tuple(...items.map((item) => textValue(item))).map((values) =>
      style === 'flow' ? ` [${values.join(', ')}]` : `\n${values.map((v) => `${style === 'block' ? '' : '  '}- ${v}`).join('\n')}`,
    ),
  );

interface Entry {
  key: string;
  /** What follows `key:` (a space and a scalar, or a newline and a block list). */
  value: string;
  comment: string | null;
  trailing: string | null;
}

const entryArb = (key: string, value: fc.Arbitrary<string>): fc.Arbitrary<Entry> =>
  fc.record({
    key: fc.constant(key),
    value,
    comment: fc.option(fc.constantFrom('# completat de secretariat', '#fără spațiu', '# „ghilimele” și: două puncte'), { nil: null }),
    trailing: fc.option(fc.constantFrom('# notă', '# de verificat'), { nil: null }),
  });

const scalar = (arb: fc.Arbitrary<string>) => arb.map((v) => ` ${v}`);
const known: fc.Arbitrary<Entry>[] = [
  entryArb('title', scalar(textValue('Standarde minime de calitate'))),
  entryArb('version', scalar(fc.constantFrom("'2016-02'", '"2016-02"'))),
  entryArb('date', scalar(quoted('2016-02-16'))),
  entryArb('status', scalar(quoted('draft'))),
  entryArb('lang', scalar(quoted('ro'))),
  entryArb('supersedes', scalar(fc.constantFrom("'2015-09'", '"2015-09"'))),
  entryArb('workshop', scalar(textValue('Atelierul de lucru din februarie 2016'))),
  entryArb('issuer', scalar(textValue('Agenția Națională împotriva Traficului de Persoane'))),
  entryArb('legal-basis', list(['Legea nr. 678/2001', 'Legea nr. 292/2011'])),
  entryArb('authors', list(['ANITP', 'ADPARE'])),
  entryArb('note', scalar(textValue('Text de test: cu două puncte'))),
];
const unknown: fc.Arbitrary<Entry>[] = [
  entryArb('cod', scalar(fc.constantFrom(...NUMBERISH))),
  entryArb('telefon', scalar(fc.constantFrom(...NUMBERISH))),
  entryArb('x-referinta', scalar(textValue('Ordinul nr. 1/2016'))),
  entryArb('etichete', list(['a', 'b', 'c'])),
];

const frontMatterArb = fc
  .tuple(fc.tuple(...known), fc.subarray(unknown.map((_, i) => i)).chain((picked) => fc.tuple(...picked.map((i) => unknown[i]!))))
  .chain(([k, u]) => fc.shuffledSubarray([...k, ...u], { minLength: k.length + u.length, maxLength: k.length + u.length }))
  .map((entries) => ({
    entries,
    text: entries
      .map((e) => `${e.comment ? `${e.comment}\n` : ''}${e.key}:${e.value}${e.trailing && !e.value.startsWith('\n') ? ` ${e.trailing}` : ''}`)
      .join('\n'),
  }));

/** Bodies: a small hand-written one and a few generated ones (the front matter is what varies). */
const SMALL_BODY = '\n# Modulul I. Accesarea serviciului\n\n## Standardul 1. Informarea\n\nCentrul informează beneficiarii.\n\n**Rezultate așteptate:** Beneficiarii sunt informați.\n\n### S1.1\n\nCentrul are un ghid.\n\n**Indicatori:**\n\n- Ghidul există.\n';
const GENERATED = [1, 2, 3].map((seed) => generateDocument(seed, { standards: 1 }).replace(/^---\n[\s\S]*?\n---\n/, ''));
const bodyArb = fc.oneof({ weight: 5, arbitrary: fc.constant(SMALL_BODY) }, { weight: 1, arbitrary: fc.constantFrom(...GENERATED) });

function format(text: string): string {
  return formatVerified(parseText(text, 'x.md'));
}

describe('fmt and front matter (fast-check, seed 20161128)', () => {
  it('keys in any order, every quoting style, comments, flow and block lists: canonical, idempotent, lossless', () => {
    fc.assert(
      fc.property(frontMatterArb, bodyArb, ({ entries, text: yaml }, body) => {
        const input = `---\n${yaml}\n---\n${body}`;
        const parsed = parseText(input, 'x.md');
        expect(parsed.doc.problems.filter((p) => p.fatal)).toEqual([]);
        const once = format(input);
        expect(format(once), 'idempotent').toBe(once);
        const again = parseText(once, 'x.md');
        expect(snapshot(again.doc), 'same model').toEqual(snapshot(parsed.doc));
        expect(again.doc.frontMatter!.data, 'same values').toEqual(parsed.doc.frontMatter!.data);
        // Known keys first, in the contract's order, then the unknown ones in their order.
        const keys = Object.keys(again.doc.frontMatter!.keySpans);
        const rank = (k: string) => (FRONT_MATTER_KEY_ORDER.includes(k) ? FRONT_MATTER_KEY_ORDER.indexOf(k) : 99);
        expect(keys).toEqual([...keys].sort((a, b) => rank(a) - rank(b) || entries.findIndex((e) => e.key === a) - entries.findIndex((e) => e.key === b)));
        // Every value and comment is still there as written.
        for (const e of entries) {
          expect(once).toContain(`${e.key}:${e.value}`);
          if (e.comment) expect(once).toContain(`${e.comment}\n${e.key}:`);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('keeps numbers, dates and other scalars as written (cod: 007 is not cod: 7)', () => {
    const input = `---\ntitle: T\nversion: '2016-02'\ncod: 007\nt: 0212345678\nbig: 12345678901234567890\ne: 1e3\np: +12\nh: .5\nv: 1e400\ndate: 2016-02-16\nstatus: draft\nlang: ro\n---\n${generateDocument(3, { standards: 1 }).replace(/^---\n[\s\S]*?\n---\n/, '')}`;
    const out = format(input);
    expect(out.slice(0, out.indexOf('\n---\n'))).toBe(
      "---\ntitle: T\nversion: '2016-02'\ndate: 2016-02-16\nstatus: draft\nlang: ro\ncod: 007\nt: 0212345678\nbig: 12345678901234567890\ne: 1e3\np: +12\nh: .5\nv: 1e400",
    );
  });
});

describe('fmt on a version whose front matter is not in the canonical order (through the CLI)', () => {
  it('formats issuer and legal-basis written before lang, and --write puts them in order', async () => {
    const version = fs.readFileSync(path.join(__dirname, '../../standards/vtp/2015-09.md'), 'utf8');
    const moved = version.replace(/^status: draft\nlang: ro\n/m, '').replace(/^(note: .*)$/m, 'status: draft\n# limba textului\nlang: ro\n$1');
    expect(moved).not.toBe(version);
    const dir = tempDir({ 'standards/hold/2015-09.md': moved });
    const check = await runCli(['fmt', '--check', 'standards/hold/2015-09.md'], { cwd: dir });
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/would reformat standards\/hold\/2015-09\.md/);
    const write = await runCli(['fmt', '--write', 'standards/hold/2015-09.md'], { cwd: dir });
    expect(write.code).toBe(0);
    const out = fs.readFileSync(path.join(dir, 'standards/hold/2015-09.md'), 'utf8');
    expect(out.replace('# limba textului\n', '')).toBe(version);
  });

  it('a failed check names the front matter key that would change, and what would change', async () => {
    // A plain value that a YAML printer would rewrite, forced through the printer: the message names it.
    const parsed = parseText(`---\ntitle: T\nlang: ro\ncod: 007\n---\n\n# Modulul I. M\n`, 'x.md');
    const tampered = { ...parsed, doc: { ...parsed.doc, frontMatter: { ...parsed.doc.frontMatter!, raw: 'title: T\nlang: ro\ncod: 7\n' } } };
    expect(() => formatVerified(tampered)).toThrow(/the front matter value of "cod" would change from "007" to "7"/);
    try {
      formatVerified(tampered);
    } catch (error) {
      expect((error as { line?: number }).line).toBe(4);
    }
  });
});
