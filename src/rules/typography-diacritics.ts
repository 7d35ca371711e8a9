/**
 * typography-diacritics (lang: ro): words typed without their diacritics — "si", "in", "fara",
 * "informeaza", "dizabilitati". Only words whose plain spelling is not itself a Romanian word are reported
 * (so never "fata", "pana", "asistenta", "ca", "aceasta", which exist both ways), each with its only correct
 * spelling: a curated list of frequent words, two endings that are never right without diacritics
 * (`-eaza` → `-ează`, `-itati` → `-ități`), and two words that are right only in context ("sa" after
 * "trebuie", "pentru ca", "fără", … is "să"; "asigura" after "centrul", "care", … is "asigură").
 * Text in the body and the front matter values; code and URLs are not text.
 */
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

/** Plain spelling → the only correct one (lower case). */
const WORDS: Record<string, string> = {
  si: 'și',
  in: 'în',
  fara: 'fără',
  dupa: 'după',
  catre: 'către',
  cand: 'când',
  decat: 'decât',
  daca: 'dacă',
  isi: 'își',
  intr: 'într',
  intrucat: 'întrucât',
  incat: 'încât',
  impreuna: 'împreună',
  inainte: 'înainte',
  acesti: 'acești',
  acestia: 'aceștia',
  informatii: 'informații',
  informatie: 'informație',
  informatiile: 'informațiile',
  informatiilor: 'informațiilor',
  situatie: 'situație',
  situatii: 'situații',
  situatia: 'situația',
  institutii: 'instituții',
  institutiile: 'instituțiile',
  institutiilor: 'instituțiilor',
  institutie: 'instituție',
  institutia: 'instituția',
  organizatii: 'organizații',
  organizatiile: 'organizațiile',
  organizatiilor: 'organizațiilor',
  obligatii: 'obligații',
  obligatiile: 'obligațiile',
  protectie: 'protecție',
  protectia: 'protecția',
  protectiei: 'protecției',
  sanatate: 'sănătate',
  sanatatii: 'sănătății',
  masuri: 'măsuri',
  masurile: 'măsurile',
  masurilor: 'măsurilor',
  agentia: 'agenția',
  agentiei: 'agenției',
  nationale: 'naționale',
  romania: 'românia',
  romaniei: 'româniei',
  intocmeste: 'întocmește',
  intocmit: 'întocmit',
  inregistreaza: 'înregistrează',
  incheie: 'încheie',
  incheiat: 'încheiat',
  imbunatatire: 'îmbunătățire',
  imbunatatirea: 'îmbunătățirea',
  indeplineste: 'îndeplinește',
  indeplinirea: 'îndeplinirea',
  consimtamant: 'consimțământ',
  consimtamantul: 'consimțământul',
  consimtamantului: 'consimțământului',
  asteptate: 'așteptate',
  cerintele: 'cerințele',
  cerinte: 'cerințe',
  cerintelor: 'cerințelor',
  locuinta: 'locuință',
  confidentialitate: 'confidențialitate',
  confidentialitatea: 'confidențialitatea',
  confidentialitatii: 'confidențialității',
};

/** Endings never right without diacritics: `informeaza` → `informează`, `dizabilitati` → `dizabilități`. */
const ENDINGS: [RegExp, string][] = [
  [/eaza$/, 'ează'],
  [/itati$/, 'ități'],
  [/itatii$/, 'ității'],
  [/itatile$/, 'itățile'],
  [/itatilor$/, 'ităților'],
];

/** Words right in context only: the word, the one correct spelling, and the previous words that decide it. */
const IN_CONTEXT: { word: string; correct: string; after: RegExp }[] = [
  { word: 'sa', correct: 'să', after: /^(?:trebuie|poate|pot|poată|poata|pută|încât|incat|ca|fără|fara|înainte|inainte|astfel|obligat|obligată|obligați|dreptul|să|sa)$/i },
  { word: 'asigura', correct: 'asigură', after: /^(?:centrul|furnizorul|personalul|serviciul|coordonatorul|managerul|echipa|instituția|institutia|care|ANITP|DGASPC)$/i },
];

const WORD = /(?<![\p{L}\p{M}\p{N}\-_/@.])[\p{L}\p{M}]+(?![\p{L}\p{M}\p{N}\-_/@])/gu;

/** The correct spelling of `word` (in its case), or null when it is not one reported. `previous` is the word before it. */
export function missingDiacritics(word: string, previous: string | undefined): string | null {
  const lower = word.toLocaleLowerCase('ro-RO');
  let correct: string | null = WORDS[lower] ?? null;
  if (correct === lower) correct = null;
  if (correct === null && /^[a-z]+$/.test(lower) && lower.length > 5) {
    for (const [ending, replacement] of ENDINGS) {
      if (ending.test(lower)) {
        correct = lower.replace(ending, replacement);
        break;
      }
    }
  }
  if (correct === null && previous !== undefined) {
    const rule = IN_CONTEXT.find((c) => c.word === lower && c.after.test(previous));
    if (rule) correct = rule.correct;
  }
  if (correct === null) return null;
  return matchCase(word, correct);
}

function matchCase(original: string, correct: string): string {
  if (original.length > 1 && original === original.toLocaleUpperCase('ro-RO')) return correct.toLocaleUpperCase('ro-RO');
  if (original[0] === original[0]!.toLocaleUpperCase('ro-RO')) return correct[0]!.toLocaleUpperCase('ro-RO') + correct.slice(1);
  return correct;
}

/** Every word of `text` typed without its diacritics: offsets, the word and its correct spelling. */
export function findMissingDiacritics(text: string): { start: number; end: number; found: string; expected: string }[] {
  const out: { start: number; end: number; found: string; expected: string }[] = [];
  let previous: string | undefined;
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    // The previous word counts only when nothing but spaces separates them.
    const adjacent = previous !== undefined && /^[ \t]+$/.test(text.slice(previousEnd, m.index));
    const expected = missingDiacritics(m[0], adjacent ? previous : undefined);
    if (expected !== null && expected !== m[0]) out.push({ start: m.index, end: m.index + m[0].length, found: m[0], expected });
    previous = m[0];
    previousEnd = m.index + m[0].length;
  }
  return out;
}

export const typographyDiacritics: DocumentRule = {
  kind: 'document',
  id: 'typography-diacritics',
  description: 'Romanian words are written with their diacritics: "și", "în", "fără", "informează", not "si", "in", "fara", "informeaza"',
  severity: 'warning',
  messages: {
    missing: 'Expected "{{expected}}" with diacritics, found "{{found}}"',
  },
  check(doc, ctx) {
    if (doc.lang !== 'ro') return;
    for (const segment of textSegments(doc, ctx.text, { frontMatter: true })) {
      for (const hit of findMissingDiacritics(segment.value)) {
        ctx.report({ messageId: 'missing', span: segment.span(hit.start, hit.end), data: { expected: hit.expected, found: hit.found } });
      }
    }
  },
};
