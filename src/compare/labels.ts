/**
 * The words of the comparison documents and of the observation report, per language (the language of the
 * TO version, or of the version a register comments on). Romanian is the language of the workshops; English
 * is there for sets written in English.
 */
import type { Lang } from '../model/types.js';
import type { Decision } from '../comments/index.js';
import { longDate, parseDate } from '../render/dates.js';

export interface CompareWords {
  synopticTitle: string;
  redlineTitle: string;
  reportTitle: string;
  initialText: string;
  revisedText: string;
  observationsColumn: string;
  unchanged: string;
  renumberedOnly: string;
  /** The same words for a single unit, by kind: `Standardul 4: nemodificat`, `S1.2: nemodificată`. */
  unchangedOne: Record<'module' | 'standard' | 'requirement', string>;
  renumberedOnlyOne: Record<'module' | 'standard' | 'requirement', string>;
  /** The front matter's fields as the page names them (`date` → `data`). */
  fields: Record<string, string>;
  /** `20 de observații`. */
  observationCount: (n: number) => string;
  typographicIn: string;
  renumbered: string;
  moved: string;
  added: string;
  removed: string;
  typographicNote: string;
  noChanges: (from: string, to: string) => string;
  summary: string;
  requirements: string;
  standards: string;
  modules: string;
  counts: { added: string; removed: string; modified: string; renumbered: string; unchanged: string; typographic: string };
  introduction: string;
  annex: string;
  otherContent: string;
  metadata: string;
  observation: string;
  decision: string;
  response: string;
  noResponse: string;
  decisions: Record<Decision, string>;
  /** Plural headings of the report's count table. */
  decisionCounts: Record<Decision | 'received', string>;
  reportSummary: string;
  number: string;
  byOrganisation: string;
  organisation: string;
  everyObservation: string;
  target: string;
  commentedVersion: string;
  answeringVersion: string;
  register: string;
  registers: string;
  noRegisters: string;
  otherObservations: string;
  version: string;
  revisionsBy: (author: string, date: string) => string;
  acceptReject: (from: string, to: string) => string;
  typographicAuthor: (author: string) => string;
  typographicRevisions: (author: string) => string;
  legalBasis: string;
  included: string;
  notIncluded: string;
  page: string;
  of: string;
}

const RO: CompareWords = {
  synopticTitle: 'Tabel sinoptic',
  redlineTitle: 'Text comparat, cu modificările marcate',
  reportTitle: 'Raport privind recomandările primite',
  initialText: 'Text inițial',
  revisedText: 'Text revizuit',
  observationsColumn: 'Observații și motivare',
  unchanged: 'nemodificate',
  renumberedOnly: 'renumerotate, fără alte modificări',
  unchangedOne: { module: 'nemodificat', standard: 'nemodificat', requirement: 'nemodificată' },
  renumberedOnlyOne: { module: 'renumerotat, fără alte modificări', standard: 'renumerotat, fără alte modificări', requirement: 'renumerotată, fără alte modificări' },
  fields: {
    title: 'titlul',
    version: 'versiunea',
    date: 'data',
    status: 'stadiul',
    lang: 'limba',
    supersedes: 'versiunea revizuită',
    workshop: 'atelierul de lucru',
    issuer: 'emitentul',
    'legal-basis': 'temeiul legal',
    authors: 'autorii',
    note: 'nota',
  },
  observationCount: (n) => (n === 1 ? '1 observație' : n !== 0 && (n % 100 === 0 || n % 100 >= 20) ? `${n} de observații` : `${n} observații`),
  typographicIn: 'corecturi tipografice în',
  renumbered: 'Renumerotat',
  moved: 'Mutat',
  added: 'Nou',
  removed: 'Eliminat',
  typographicNote: 'Doar corecturi tipografice',
  noChanges: (from, to) => `Versiunile ${from} și ${to} nu diferă: nu există modificări de marcat.`,
  summary: 'Sinteza modificărilor',
  requirements: 'Cerințe',
  standards: 'Standarde',
  modules: 'Module',
  counts: { added: 'adăugate', removed: 'eliminate', modified: 'modificate', renumbered: 'renumerotate', unchanged: 'nemodificate', typographic: 'cu corecturi tipografice' },
  introduction: 'Introducere',
  annex: 'Anexă',
  otherContent: 'Alt conținut',
  metadata: 'Date de identificare modificate',
  observation: 'Obs.',
  decision: 'Decizie',
  response: 'Răspuns',
  noResponse: 'fără răspuns încă',
  decisions: { accepted: 'acceptată', 'partially-accepted': 'acceptată parțial', rejected: 'respinsă', pending: 'în așteptare' },
  decisionCounts: { received: 'Primite', accepted: 'Acceptate', 'partially-accepted': 'Acceptate parțial', rejected: 'Respinse', pending: 'În așteptare' },
  reportSummary: 'Situația recomandărilor',
  number: 'Număr',
  byOrganisation: 'Recomandări pe organizații',
  organisation: 'Organizația',
  everyObservation: 'Recomandările și modul de soluționare',
  target: 'Referitoare la',
  commentedVersion: 'Versiunea comentată',
  answeringVersion: 'Versiunea care răspunde',
  register: 'Registrul de observații',
  registers: 'Registre de observații',
  noRegisters: 'niciun registru de observații pentru aceste versiuni',
  otherObservations: 'Observații privind alte versiuni',
  version: 'versiunea',
  revisionsBy: (author, date) => `Modificările sunt revizii Word (autor: ${author}, data: ${date}).`,
  acceptReject: (from, to) => `Acceptarea tuturor reviziilor dă textul versiunii ${to}; respingerea tuturor, textul versiunii ${from}.`,
  typographicAuthor: (author) => `${author} (tipografie)`,
  typographicRevisions: (author) => `Corecturile tipografice (ş ţ cu sedilă → ș ț cu virgulă, ghilimele, spații) au autorul „${author}”, ca să poată fi acceptate separat.`,
  legalBasis: 'Legea nr. 52/2003 privind transparența decizională în administrația publică',
  included: 'incluse în proiect (integral sau parțial)',
  notIncluded: 'neincluse (respinse)',
  page: 'Pagina',
  of: 'din',
};

const EN: CompareWords = {
  synopticTitle: 'Synoptic table',
  redlineTitle: 'Compared text, with the changes marked',
  reportTitle: 'Report on the recommendations received',
  initialText: 'Initial text',
  revisedText: 'Revised text',
  observationsColumn: 'Observations and reasons',
  unchanged: 'unchanged',
  renumberedOnly: 'renumbered, otherwise unchanged',
  unchangedOne: { module: 'unchanged', standard: 'unchanged', requirement: 'unchanged' },
  renumberedOnlyOne: { module: 'renumbered, otherwise unchanged', standard: 'renumbered, otherwise unchanged', requirement: 'renumbered, otherwise unchanged' },
  fields: {
    title: 'title',
    version: 'version',
    date: 'date',
    status: 'status',
    lang: 'language',
    supersedes: 'version revised',
    workshop: 'workshop',
    issuer: 'issuer',
    'legal-basis': 'legal basis',
    authors: 'authors',
    note: 'note',
  },
  observationCount: (n) => (n === 1 ? '1 observation' : `${n} observations`),
  typographicIn: 'typographic corrections in',
  renumbered: 'Renumbered',
  moved: 'Moved',
  added: 'New',
  removed: 'Removed',
  typographicNote: 'Typographic corrections only',
  noChanges: (from, to) => `Versions ${from} and ${to} do not differ: there are no changes to mark.`,
  summary: 'Summary of the changes',
  requirements: 'Requirements',
  standards: 'Standards',
  modules: 'Modules',
  counts: { added: 'added', removed: 'removed', modified: 'modified', renumbered: 'renumbered', unchanged: 'unchanged', typographic: 'with typographic corrections' },
  introduction: 'Introduction',
  annex: 'Annex',
  otherContent: 'Other content',
  metadata: 'Identification data changed',
  observation: 'Obs.',
  decision: 'Decision',
  response: 'Response',
  noResponse: 'no response yet',
  decisions: { accepted: 'accepted', 'partially-accepted': 'partially accepted', rejected: 'rejected', pending: 'pending' },
  decisionCounts: { received: 'Received', accepted: 'Accepted', 'partially-accepted': 'Partially accepted', rejected: 'Rejected', pending: 'Pending' },
  reportSummary: 'The recommendations in figures',
  number: 'Number',
  byOrganisation: 'Recommendations by organisation',
  organisation: 'Organisation',
  everyObservation: 'The recommendations and how they were handled',
  target: 'Concerning',
  commentedVersion: 'Version commented on',
  answeringVersion: 'Version that answers',
  register: 'Register of observations',
  registers: 'Registers of observations',
  noRegisters: 'no register of observations for these versions',
  otherObservations: 'Observations on other versions',
  version: 'version',
  revisionsBy: (author, date) => `The changes are Word revisions (author: ${author}, date: ${date}).`,
  acceptReject: (from, to) => `Accepting every revision gives the text of version ${to}; rejecting every revision, the text of version ${from}.`,
  typographicAuthor: (author) => `${author} (typography)`,
  typographicRevisions: (author) => `Typographic corrections (cedilla ş ţ → comma-below ș ț, quotes, spaces) have the author “${author}”, so that they can be accepted on their own.`,
  legalBasis: 'Law no. 52/2003 on decisional transparency in public administration',
  included: 'included in the draft (fully or partly)',
  notIncluded: 'not included (rejected)',
  page: 'Page',
  of: 'of',
};

export function compareWords(lang: Lang): CompareWords {
  return lang === 'en' ? EN : RO;
}

/** `22 septembrie 2015` from `2015-09-22`, or the text as written when it is not a date. */
export function displayDate(value: string | undefined, lang: Lang): string {
  if (!value) return '';
  const date = parseDate(value);
  return date ? longDate(date, lang) : value;
}

/** The decision in words, or the value as written when it is not one of the four. */
export function decisionWord(decision: string, lang: Lang): string {
  const words = compareWords(lang).decisions as Record<string, string>;
  return words[decision] ?? decision;
}
