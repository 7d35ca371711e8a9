/**
 * Bytes of a text file → text, for import: the shared decoder (UTF-8, UTF-16 with a BOM, else Windows-1250 or
 * ISO-8859-2, whichever gives more Romanian letters), a binary file refused, and a note for the report when the
 * text was not UTF-8. Cedilla letters are kept as written (`validate --fix` replaces them).
 */
import { inputError } from '../errors.js';
import { decodeBytes, hasUtf16Bom } from '../text-encoding.js';

export interface DecodedText {
  text: string;
  /** The encoding read, when it was not UTF-8. */
  note: string | null;
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (!hasUtf16Bom(bytes) && bytes.indexOf(0) !== -1) {
    throw inputError(file, 'is a binary file (it contains NUL bytes), not text', {
      hint: 'give a .txt, .md, .html or .docx file; convert other documents with soffice --headless --convert-to docx',
    });
  }
  const { text, encoding, tablesAgree } = decodeBytes(bytes);
  if (encoding === 'utf-8') return { text, note: null };
  if (encoding === 'utf-16le') return { text, note: 'read as UTF-16 (little-endian)' };
  if (encoding === 'utf-16be') return { text, note: 'read as UTF-16 (big-endian)' };
  const name = tablesAgree ? 'Windows-1250 (cp1250), which reads it as ISO-8859-2 (Latin-2) does' : encoding === 'windows-1250' ? 'Windows-1250 (cp1250)' : 'ISO-8859-2 (Latin-2)';
  const cedilla = /[şţŞŢ]/u.test(text) ? '; its ş/ţ with cedilla are kept (stdraft validate --fix replaces them)' : '';
  return { text, note: `not UTF-8: decoded as ${name}${cedilla}` };
}
