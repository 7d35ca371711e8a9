/**
 * A reference .docx (`reference-docx:` in template.yaml), as pandoc's `--reference-doc`: its `word/styles.xml`
 * replaces the template's styles; styles it lacks are kept from the template.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { StdraftError } from '../errors.js';

/** A styles part larger than this is not a reference document's (and is not inflated). */
const MAX_STYLES_BYTES = 16 * 1024 * 1024;

/** The styles.xml of a .docx; a template error naming the file when it is not a Word document. */
export async function referenceStyles(bytes: Uint8Array, file: string): Promise<string> {
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== 'word/styles.xml') return false;
        tooLarge = entry.originalSize > MAX_STYLES_BYTES;
        return !tooLarge;
      },
    });
  } catch {
    throw new StdraftError('template', 'Expected a Word document (.docx), found a file that is not a zip package', { file, hint: 'save the reference document as .docx in Word or LibreOffice' });
  }
  if (tooLarge) throw new StdraftError('template', `Expected word/styles.xml of a reference document, found one over ${MAX_STYLES_BYTES / 1024 / 1024} MB`, { file, hint: 'use a Word document with only the styles' });
  const styles = files['word/styles.xml'];
  if (!styles) throw new StdraftError('template', 'Expected word/styles.xml in the reference document, found none', { file, hint: 'save it again as a Word document (.docx)' });
  const xml = strFromU8(styles);
  checkStylesXml(xml, file);
  return xml;
}

const WORDML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Elements nested deeper than this are refused (a real styles part nests about 8 levels). */
const MAX_XML_DEPTH = 256;

/**
 * Styles a reference part may define at most (Word's own has a few hundred): the document library's handling of
 * imported styles grows faster than linearly (40,000 took a minute).
 */
const MAX_STYLES = 5000;

/**
 * Checks a reference styles part with a real XML parser (saxes), namespaces included, before it is used: a
 * part that is not well-formed, uses an undeclared prefix (`<foo:bar/>`: LibreOffice cannot open the result),
 * nests too deeply, defines more than 5,000 styles or is not a w:styles element is a one-line template error
 * naming the file and line.
 */
export function checkStylesXml(xml: string, file: string): void {
  const fail = (message: string, line?: number): never => {
    throw new StdraftError('template', `word/styles.xml${line ? ` line ${line}` : ''}: ${message}`, {
      file,
      hint: 'save the reference document again in Word or LibreOffice',
    });
  };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let styles = 0;
  let root: { local: string; uri: string } | null = null;
  parser.on('error', (error) => fail(`is not well-formed XML (${error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')})`, parser.line));
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri };
    if (++depth > MAX_XML_DEPTH) fail(`elements nested more than ${MAX_XML_DEPTH} levels deep`, parser.line);
    if (depth === 2 && tag.local === 'style' && tag.uri === WORDML && ++styles > MAX_STYLES) fail(`defines more than ${MAX_STYLES} styles`, parser.line);
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.write(xml).close();
  const top = root as { local: string; uri: string } | null;
  if (!top || top.local !== 'styles' || top.uri !== WORDML) fail('Expected a w:styles element (WordprocessingML), found ' + (top ? `<${top.local}> in ${top.uri || 'no namespace'}` : 'none'));
}
