/**
 * A reference .docx (`reference-docx:` in template.yaml), as pandoc's `--reference-doc`: its `word/styles.xml`
 * replaces the template's styles; styles it lacks are kept from the template.
 */
import { strFromU8, unzipSync } from 'fflate';
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
  if (!/<w:styles\b/.test(xml)) throw new StdraftError('template', 'Expected a w:styles element in word/styles.xml, found none', { file, hint: 'save it again as a Word document (.docx)' });
  return xml;
}
