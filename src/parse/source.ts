/** Bytes → text, with the checks a drafter's file needs: empty, binary, not UTF-8, BOM, line endings, size. */
import { inputError } from '../errors.js';

/** Larger inputs are refused with a clear message (documented in docs/format.md). */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

export interface SourceText {
  /** The text without BOM. */
  text: string;
  bom: boolean;
  /** The line ending the file mostly uses; the printer keeps it. */
  eol: '\n' | '\r\n';
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Uint8Array, file: string): SourceText {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw inputError(file, `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`, {
      hint: 'split the standards into several sets or versions',
    });
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.length === 0 || isBlank(body)) {
    throw inputError(file, 'file is empty', { hint: 'a version file starts with YAML front matter between --- lines; see docs/format.md' });
  }
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const line = lineOfByte(body, nul);
    const utf32 = (body[0] === 0xff && body[1] === 0xfe && body[2] === 0 && body[3] === 0) || (body[0] === 0 && body[1] === 0 && body[2] === 0xfe && body[3] === 0xff);
    const utf16 = !utf32 && ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff));
    const encoding = utf32 ? 'UTF-32' : utf16 ? 'UTF-16' : null;
    const register = /\.ya?ml$/i.test(file);
    throw inputError(file, encoding ? `file is ${encoding}, not UTF-8` : `file is binary (it contains NUL bytes), not a ${register ? 'YAML' : 'Markdown'} text file`, {
      line,
      hint: encoding
        ? `convert it: iconv -f ${encoding.toLowerCase()} -t utf-8 FILE > FILE.utf8`
        : register
          ? 'give the observation register as YAML text (.yaml), not a .docx or other binary'
          : 'give the .md file of the version, not a .docx or other binary',
    });
  }
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    throw inputError(file, 'file is not UTF-8 (it looks like a legacy encoding such as Windows-1250)', {
      line: lineOfByte(body, at),
      hint: `convert it: iconv -f cp1250 -t utf-8 '${file}' > converted.md`,
    });
  }
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return { text, bom, eol: crlf > lf ? '\r\n' : '\n' };
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
