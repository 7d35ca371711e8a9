/** The words of the site's pages, per language (the pages of an English twin are in English). */
import type { Lang } from '../model/types.js';

export interface SiteWords {
  skip: string;
  navigation: string;
  home: string;
  search: string;
  searchLabel: string;
  searchButton: string;
  searchPlaceholder: string;
  searchNeedsScript: string;
  searchHint: string;
  contents: string;
  versions: string;
  version: string;
  date: string;
  status: string;
  workshop: string;
  counts: string;
  read: string;
  statuses: Record<string, string>;
  consultation: string;
  noConsultation: string;
  deadline: string;
  posted: string;
  send: string;
  byPost: string;
  byEmail: string;
  contact: string;
  download: string;
  draftDocx: (version: string) => string;
  memo: string;
  memoDocx: string;
  daysLeft: (n: number) => string;
  lastDay: string;
  closed: (date: string) => string;
  english: string;
  romanian: string;
  comparisons: string;
  synoptic: (from: string, to: string) => string;
  changesSince: (from: string) => string;
  seeSynoptic: string;
  registers: string;
  register: string;
  observationsOn: (version: string) => string;
  observations: string;
  observationOn: string;
  generated: (set: string) => string;
  note: string;
  unitCounts: (c: { modules: number; standards: number; requirements: number; indicators: number }) => string;
  introduction: string;
  annexes: string;
  permalink: (id: string) => string;
  translationOf: (version: string) => string;
  results: (n: number, q: string) => string;
  noResults: (q: string) => string;
  supersedes: string;
}

const RO: SiteWords = {
  skip: 'Sari la conținut',
  navigation: 'Navigare în site',
  home: 'Acasă',
  search: 'Căutare',
  searchLabel: 'Caută în standarde',
  searchButton: 'Caută',
  searchPlaceholder: 'un cuvânt sau S4.2',
  searchNeedsScript: 'Căutarea are nevoie de JavaScript. Cuprinsul fiecărei versiuni duce la orice modul, standard și cerință.',
  searchHint: 'Caută în toate modulele, standardele, cerințele și indicatorii tuturor versiunilor (fără diacritice merge la fel).',
  contents: 'Cuprins',
  versions: 'Versiunile',
  version: 'Versiunea',
  date: 'Data',
  status: 'Stadiul',
  workshop: 'Atelierul de lucru',
  counts: 'Cuprinde',
  read: 'Textul',
  statuses: { draft: 'proiect de lucru', consultation: 'în consultare publică', final: 'forma finală' },
  consultation: 'Consultarea publică',
  noConsultation: 'Nicio versiune nu este acum în consultare publică.',
  deadline: 'Termen pentru propuneri',
  posted: 'Data afișării',
  send: 'Cum trimiteți propunerile',
  byPost: 'prin poștă sau la registratură',
  byEmail: 'prin e-mail',
  contact: 'Persoana de contact',
  download: 'Descărcați',
  draftDocx: (v) => `Proiectul de ordin, cu standardele în anexă (versiunea ${v}, Word)`,
  memo: 'Referatul de aprobare',
  memoDocx: 'Referatul de aprobare (Word)',
  daysLeft: (n) => (n === 1 ? 'Mai este o zi.' : `Mai sunt ${n} zile.`),
  lastDay: 'Astăzi este ultima zi.',
  closed: (d) => `Termenul s-a încheiat la ${d}.`,
  english: 'English',
  romanian: 'Română',
  comparisons: 'Ce s-a schimbat de la o versiune la alta',
  synoptic: (a, b) => `Tabelul sinoptic ${a} → ${b}`,
  changesSince: (v) => `Ce s-a schimbat față de versiunea ${v}`,
  seeSynoptic: 'Tabelul sinoptic, cu observațiile și modul în care au fost preluate',
  registers: 'Observațiile primite',
  register: 'Registrul de observații',
  observationsOn: (v) => `observații la versiunea ${v}`,
  observations: 'Observații',
  observationOn: 'Observația',
  generated: (s) => `Pagini generate cu stdraft din setul de standarde „${s}”.`,
  note: 'Notă',
  unitCounts: (c) => `${c.modules} module, ${c.standards} standarde, ${c.requirements} cerințe, ${c.indicators} indicatori`,
  introduction: 'Dispoziții generale',
  annexes: 'Anexe',
  permalink: (id) => `Legătură către ${id}`,
  translationOf: (v) => `Traducerea versiunii ${v}`,
  results: (n, q) => `${n} ${n === 1 ? 'rezultat' : 'rezultate'} pentru „${q}”`,
  noResults: (q) => `Niciun rezultat pentru „${q}”.`,
  supersedes: 'Înlocuiește versiunea',
};

const EN: SiteWords = {
  skip: 'Skip to content',
  navigation: 'Site navigation',
  home: 'Home',
  search: 'Search',
  searchLabel: 'Search the standards',
  searchButton: 'Search',
  searchPlaceholder: 'a word or S4.2',
  searchNeedsScript: 'Search needs JavaScript. The contents of each version lead to every module, standard and requirement.',
  searchHint: 'Searches every module, standard, requirement and indicator of every version (diacritics optional).',
  contents: 'Contents',
  versions: 'Versions',
  version: 'Version',
  date: 'Date',
  status: 'Status',
  workshop: 'Workshop',
  counts: 'Contains',
  read: 'Text',
  statuses: { draft: 'working draft', consultation: 'in public consultation', final: 'final text' },
  consultation: 'Public consultation',
  noConsultation: 'No version is in public consultation now.',
  deadline: 'Deadline for recommendations',
  posted: 'Posted on',
  send: 'How to send recommendations',
  byPost: 'by post or at the registry',
  byEmail: 'by e-mail',
  contact: 'Contact person',
  download: 'Download',
  draftDocx: (v) => `The draft order with the standards as its annex (version ${v}, Word)`,
  memo: 'Approval memo',
  memoDocx: 'The approval memo (Word)',
  daysLeft: (n) => (n === 1 ? 'One day left.' : `${n} days left.`),
  lastDay: 'Today is the last day.',
  closed: (d) => `The deadline passed on ${d}.`,
  english: 'English',
  romanian: 'Română',
  comparisons: 'What changed from one version to the next',
  synoptic: (a, b) => `Synoptic table ${a} → ${b}`,
  changesSince: (v) => `What changed since version ${v}`,
  seeSynoptic: 'The synoptic table, with the observations and how they were handled',
  registers: 'Observations received',
  register: 'Register of observations',
  observationsOn: (v) => `observations on version ${v}`,
  observations: 'Observations',
  observationOn: 'Observation',
  generated: (s) => `Pages made with stdraft from the standards set “${s}”.`,
  note: 'Note',
  unitCounts: (c) => `${c.modules} modules, ${c.standards} standards, ${c.requirements} requirements, ${c.indicators} indicators`,
  introduction: 'General provisions',
  annexes: 'Annexes',
  permalink: (id) => `Link to ${id}`,
  translationOf: (v) => `Translation of version ${v}`,
  results: (n, q) => `${n} ${n === 1 ? 'result' : 'results'} for “${q}”`,
  noResults: (q) => `No result for “${q}”.`,
  supersedes: 'Supersedes version',
};

export function siteWords(lang: Lang): SiteWords {
  return lang === 'en' ? EN : RO;
}
