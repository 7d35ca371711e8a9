/**
 * Bytes of a text file → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; other
 * bytes are decoded as Windows-1250 or ISO-8859-2, whichever gives more Romanian letters, and the report
 * says so. Cedilla letters are kept as written (`validate --fix` replaces them).
 */
import { inputError } from '../errors.js';

export interface DecodedText {
  text: string;
  /** The encoding read, when it was not UTF-8. */
  note: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Letters of Romanian that the two legacy encodings put at different bytes. */
const ROMANIAN = /[ăâîșțşţĂÂÎȘȚŞŢ]/gu;
/** Letters that are rare in Romanian text and suggest the wrong table. */
const UNLIKELY = /[\u0080-\u009fšžŠŽąęĄĘľĽťŤ¹º¾ªãÃ]/gu;

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16 (little-endian)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16 (big-endian)' };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw inputError(file, 'is a binary file (it contains NUL bytes), not text', {
      hint: 'give a .txt, .md, .html or .docx file; convert other documents with soffice --headless --convert-to docx',
    });
  }
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, ''), note: null };
  } catch {
    // a legacy encoding: choose the table that reads more Romanian letters
  }
  const candidates = ['windows-1250', 'iso-8859-2'].map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes);
    const score = (text.match(ROMANIAN)?.length ?? 0) - 2 * (text.match(UNLIKELY)?.length ?? 0);
    return { encoding, text, score };
  });
  const best = candidates[0]!.score >= candidates[1]!.score ? candidates[0]! : candidates[1]!;
  const same = candidates[0]!.text === candidates[1]!.text;
  const name = same ? 'Windows-1250 (cp1250), which reads it as ISO-8859-2 (Latin-2) does' : best.encoding === 'windows-1250' ? 'Windows-1250 (cp1250)' : 'ISO-8859-2 (Latin-2)';
  const cedilla = /[şţŞŢ]/u.test(best.text) ? '; its ş/ţ with cedilla are kept (stdraft validate --fix replaces them)' : '';
  return { text: best.text, note: `not UTF-8: decoded as ${name}${cedilla}` };
}
