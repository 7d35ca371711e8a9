/** Importing fragments the way published orders print them, and checking what validate says of the result. */
import { importDocument, type ImportOptions } from '../../src/import/index.js';
import { parseText } from '../../src/parse/index.js';
import { lintDocument } from '../../src/lint/engine.js';
import { countUnits } from '../../src/model/walk.js';
import type { StandardsDoc } from '../../src/model/types.js';

export interface Imported {
  markdown: string;
  report: ReturnType<typeof importDocument>['report'];
  doc: StandardsDoc;
  /** Findings of the structure and numbering rules (what an import must not cause). */
  structure: string[];
  counts: ReturnType<typeof countUnits>;
}

export function importBytes(bytes: Uint8Array, options: Partial<ImportOptions> = {}): Imported {
  const result = importDocument(bytes, { file: 'input.txt', ...options });
  const doc = parseText(result.markdown, 'imported.md').doc;
  const structure = lintDocument(doc)
    .filter((d) => d.ruleId === 'structure' || d.ruleId === 'numbering' || d.ruleId === 'references')
    .map((d) => `${d.line}: ${d.ruleId}: ${d.message}`);
  return { ...result, doc, structure, counts: countUnits(doc) };
}

export function importText(text: string, options: Partial<ImportOptions> = {}): Imported {
  return importBytes(new TextEncoder().encode(text), options);
}

/** A module with one standard and one requirement with one indicator, in the published plain form. */
export function publishedModule(parts: { module?: string; range?: string; standard?: string; expected?: string; requirement?: string; indicator?: string } = {}): string {
  return [
    parts.module ?? 'MODULUL I - ACCESAREA SERVICIULUI (Standardul 1)',
    ...(parts.range ? [parts.range] : []),
    parts.standard ?? 'M.I.-STANDARD 1 INFORMARE',
    'Centrul informează potențialii beneficiari despre serviciile oferite.',
    parts.expected ?? 'Rezultate așteptate: Potențialii beneficiari cunosc serviciile centrului.',
    parts.requirement ?? 'M.I.-S1.1. Centrul dispune de un ghid al beneficiarului, actualizat anual.',
    parts.indicator ?? 'M.I.-Im1S1.1: Ghidul beneficiarului, cu data ultimei revizuiri.',
    '',
  ].join('\n');
}

/** Requirement texts and indicators of a document, by id. */
export function units(doc: StandardsDoc): Record<string, { text: string; indicators: string[] }> {
  const out: Record<string, { text: string; indicators: string[] }> = {};
  for (const m of doc.modules)
    for (const s of m.standards)
      for (const r of s.requirements) {
        out[`S${r.id?.standard}.${r.id?.index}`] = {
          text: r.text.map((b) => textOf(b)).join('\n'),
          indicators: r.indicators.map((i) => i.text),
        };
      }
  return out;
}

function textOf(node: unknown): string {
  const n = node as { value?: string; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}
