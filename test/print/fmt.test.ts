import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { decodeSource } from '../../src/parse/source.js';
import { formatDocument } from '../../src/print/index.js';
import { snapshot } from '../../src/model/walk.js';
import { fixtureDirs } from '../support/fixtures.js';
import { generateDocument, messUp } from '../support/generator.js';

function fmt(text: string): string {
  const source = decodeSource(new TextEncoder().encode(text), 'x.md');
  return formatDocument(parseText(source.text, 'x.md', { bom: source.bom }));
}

function model(text: string): unknown {
  return snapshot(parseText(text.replace(/^\uFEFF/, ''), 'x.md').doc);
}

function expectCanonical(text: string) {
  const once = fmt(text);
  expect(fmt(once), 'fmt is idempotent').toBe(once);
  expect(model(once), 'fmt is lossless').toEqual(model(text));
  return once;
}

describe('fmt fixtures (input.md → expected.md)', () => {
  for (const { name, dir } of fixtureDirs('fmt')) {
    it(name, () => {
      const input = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
      const out = expectCanonical(input);
      const expectedFile = path.join(dir, 'expected.md');
      if (process.env['UPDATE_FIXTURES'] && !fs.existsSync(expectedFile)) fs.writeFileSync(expectedFile, out);
      expect(out).toBe(fs.readFileSync(expectedFile, 'utf8'));
    });
  }

  it('keeps CRLF line endings and the BOM', () => {
    const out = fmt(fs.readFileSync(path.join(fixtureDirs('fmt').find((f) => f.name === 'crlf-bom')!.dir, 'input.md'), 'utf8'));
    expect(out.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('writes no trailing spaces and exactly one final newline', () => {
    const out = fmt(messUp(generateDocument(3, { standards: 6 }), 3));
    expect(out).not.toMatch(/[ \t]+\n/);
    expect(out.endsWith('\n') && !out.endsWith('\n\n')).toBe(true);
  });
});

describe('fmt properties over generated documents', () => {
  it('is idempotent and lossless, and brings untidy spellings back to the canonical text (40 seeds)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const canonical = generateDocument(seed, { standards: 1 + (seed % 7) });
      expect(expectCanonical(canonical), `seed ${seed}: a canonical document is left as it is`).toBe(canonical);
      const messy = messUp(canonical, seed);
      expect(messy).not.toBe(canonical);
      expect(expectCanonical(messy), `seed ${seed}: untidy spelling`).toBe(canonical);
    }
  });

  it('is idempotent and lossless on a document over 1 MB', () => {
    const big = messUp(generateDocument(99, { standards: 500 }), 99);
    expect(big.length).toBeGreaterThan(1_000_000);
    expectCanonical(big);
  });
});
