/**
 * Bytes of a text file that may not be UTF-8 → text: UTF-16 with a byte-order mark, UTF-8 (with or without one),
 * else one of the legacy tables Romanian text comes in (Windows-1250, ISO-8859-2), whichever reads more Romanian
 * letters. Pure: what to say about the encoding is the caller's (import notes it, evaluate warns).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'iso-8859-2';

export interface DecodedBytes {
  text: string;
  encoding: TextEncodingName;
  /** A legacy text that both tables read alike (the name chosen is then Windows-1250). */
  tablesAgree?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Letters of Romanian that the two legacy encodings put at different bytes. */
const ROMANIAN = /[ăâîșțşţĂÂÎȘȚŞŢ]/gu;
/** Letters that are rare in Romanian text and suggest the wrong table. */
const UNLIKELY = /[\u0080-\u009fšžŠŽąęĄĘľĽťŤ¹º¾ªãÃ]/gu;

/** Whether the bytes start with a UTF-16 byte-order mark (they may then hold NUL bytes and still be text). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    // a legacy encoding: choose the table that reads more Romanian letters
  }
  const candidates = (['windows-1250', 'iso-8859-2'] as const).map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes);
    const score = (text.match(ROMANIAN)?.length ?? 0) - 2 * (text.match(UNLIKELY)?.length ?? 0);
    return { encoding, text, score };
  });
  const [cp1250, latin2] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
  if (cp1250.text === latin2.text) return { text: cp1250.text, encoding: 'windows-1250', tablesAgree: true };
  const best = cp1250.score >= latin2.score ? cp1250 : latin2;
  return { text: best.text, encoding: best.encoding };
}
