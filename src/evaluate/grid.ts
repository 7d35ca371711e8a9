/**
 * The evaluation grid of a version: one row per indicator (one per requirement that has none), in the order
 * of the standards, with the columns an evaluator fills. Pure: the writers (xlsx, docx, csv) and the reader
 * of filled grids share these rows, labels and the fingerprint.
 */
import { createHash } from 'node:crypto';
import { toString } from 'mdast-util-to-string';
import type { Lang, StandardsDoc } from '../model/types.js';
import { indicatorId, requirementId } from '../model/labels.js';

/** The assessment an evaluator gives an indicator. */
export type Assessment = 'met' | 'partial' | 'not-met' | 'not-applicable';
export const ASSESSMENTS: readonly Assessment[] = ['met', 'partial', 'not-met', 'not-applicable'];

export interface GridWords {
  title: string;
  columns: { module: string; standard: string; requirement: string; requirementText: string; indicator: string; indicatorText: string; assessment: string; evidence: string; notes: string };
  meta: { standards: string; version: string; fingerprint: string; service: string; date: string; evaluator: string };
  assessments: Record<Assessment, string>;
  instructions: string;
  moduleLabel: string;
  standardLabel: string;
}

export const GRID_WORDS: Record<Lang, GridWords> = {
  ro: {
    title: 'Grilă de evaluare',
    columns: {
      module: 'Modul',
      standard: 'Standard',
      requirement: 'Cerința',
      requirementText: 'Textul cerinței',
      indicator: 'Indicator',
      indicatorText: 'Textul indicatorului',
      assessment: 'Evaluare',
      evidence: 'Dovezi consultate',
      notes: 'Observații',
    },
    meta: { standards: 'Standardele', version: 'Versiunea', fingerprint: 'Amprenta', service: 'Serviciul evaluat', date: 'Data evaluării', evaluator: 'Evaluator' },
    assessments: { met: 'îndeplinit', partial: 'parțial', 'not-met': 'neîndeplinit', 'not-applicable': 'nu se aplică' },
    instructions: 'Completați coloanele Evaluare (din listă), Dovezi consultate și Observații. Nu modificați celelalte coloane, antetul, versiunea și amprenta.',
    moduleLabel: 'Modulul',
    standardLabel: 'Standardul',
  },
  en: {
    title: 'Evaluation grid',
    columns: {
      module: 'Module',
      standard: 'Standard',
      requirement: 'Requirement',
      requirementText: 'Requirement text',
      indicator: 'Indicator',
      indicatorText: 'Indicator text',
      assessment: 'Assessment',
      evidence: 'Evidence seen',
      notes: 'Notes',
    },
    meta: { standards: 'Standards', version: 'Version', fingerprint: 'Fingerprint', service: 'Service evaluated', date: 'Date of the evaluation', evaluator: 'Evaluator' },
    assessments: { met: 'met', partial: 'partly met', 'not-met': 'not met', 'not-applicable': 'not applicable' },
    instructions: 'Fill in the Assessment (from the list), Evidence seen and Notes columns. Do not change the other columns, the header, the version or the fingerprint.',
    moduleLabel: 'Module',
    standardLabel: 'Standard',
  },
};

/** The column keys in their order in the grid. */
export const COLUMN_KEYS = ['module', 'standard', 'requirement', 'requirementText', 'indicator', 'indicatorText', 'assessment', 'evidence', 'notes'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
/** The keys of the metadata rows above the header, in order. */
export const META_KEYS = ['standards', 'version', 'fingerprint', 'service', 'date', 'evaluator'] as const;
export type MetaKey = (typeof META_KEYS)[number];

export interface GridRow {
  /** `S1.1` or `Im2S1.1`: what the row assesses. */
  key: string;
  moduleNumeral: string;
  moduleTitle: string;
  standard: number;
  standardTitle: string;
  requirement: string;
  requirementText: string;
  /** Null when the requirement has no indicator (the requirement itself is assessed). */
  indicator: string | null;
  indicatorText: string;
}

export interface GridStandard {
  number: number;
  title: string;
  rows: GridRow[];
}

export interface GridModule {
  numeral: string;
  title: string;
  standards: GridStandard[];
}

export interface Grid {
  title: string;
  version: string;
  lang: Lang;
  fingerprint: string;
  modules: GridModule[];
  rows: GridRow[];
}

const plain = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The grid of a version. Units whose number is unreadable are left out (`validate` reports them). */
export function buildGrid(doc: StandardsDoc, version: string): Grid {
  const modules: GridModule[] = [];
  const rows: GridRow[] = [];
  for (const m of doc.modules) {
    const mod: GridModule = { numeral: m.numeral ?? '', title: plain(m.title), standards: [] };
    for (const s of m.standards) {
      if (s.number === null) continue;
      const std: GridStandard = { number: s.number, title: plain(s.title), rows: [] };
      for (const r of s.requirements) {
        if (!r.id) continue;
        const req = requirementId(r.id.standard, r.id.index);
        const requirementText = plain(r.text.map((b) => toString(b, { includeHtml: false })).join(' '));
        const base = { moduleNumeral: mod.numeral, moduleTitle: mod.title, standard: s.number, standardTitle: std.title, requirement: req, requirementText };
        if (r.indicators.length === 0) {
          std.rows.push({ ...base, key: req, indicator: null, indicatorText: '' });
        } else {
          for (const i of r.indicators) {
            const id = indicatorId(i.position, r.id.standard, r.id.index);
            std.rows.push({ ...base, key: id, indicator: id, indicatorText: plain(i.text) });
          }
        }
      }
      for (const row of std.rows) rows.push(row);
      mod.standards.push(std);
    }
    if (mod.standards.length > 0) modules.push(mod);
  }
  return { title: plain(doc.meta.title ?? ''), version, lang: doc.lang, fingerprint: fingerprintOf(rows), modules, rows };
}

/**
 * A short fingerprint of what the grid asks: every row's id, requirement text and indicator text (NFC,
 * spaces collapsed). Two versions with the same requirements give the same fingerprint; any change of
 * wording, numbering or indicators changes it.
 */
export function fingerprintOf(rows: readonly GridRow[]): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.key}\u0000${r.requirementText}\u0000${r.indicatorText}\u0001`);
  return hash.digest('hex').slice(0, 16);
}

/** The cell values of a row, in column order (the assessment columns empty). */
export function rowCells(row: GridRow, words: GridWords): string[] {
  void words;
  return [row.moduleNumeral, String(row.standard), row.requirement, row.requirementText, row.indicator ?? '', row.indicatorText, '', '', ''];
}

/** `Modulul I. Accesarea serviciului` */
export function moduleHeading(m: GridModule, words: GridWords): string {
  return `${words.moduleLabel} ${m.numeral}. ${m.title}`;
}

/** `Standardul 1. Informarea` */
export function standardHeading(s: GridStandard, words: GridWords): string {
  return `${words.standardLabel} ${s.number}. ${s.title}`;
}

/** Spreadsheet column letter of a 1-based column index. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
