/**
 * A reference .docx (`reference-docx:` in template.yaml), as pandoc's `--reference-doc`: its `word/styles.xml`
 * replaces the template's styles; styles it lacks are kept from the template.
 */
import JSZip from 'jszip';
import { StdraftError } from '../errors.js';

/** The styles.xml of a .docx; a template error naming the file when it is not a Word document. */
export async function referenceStyles(bytes: Uint8Array, file: string): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new StdraftError('template', 'Expected a Word document (.docx), found a file that is not a zip package', { file, hint: 'save the reference document as .docx in Word or LibreOffice' });
  }
  const styles = zip.file('word/styles.xml');
  if (!styles) throw new StdraftError('template', 'Expected word/styles.xml in the reference document, found none', { file, hint: 'save it again as a Word document (.docx)' });
  const xml = await styles.async('string');
  if (!/<w:styles\b/.test(xml)) throw new StdraftError('template', 'Expected a w:styles element in word/styles.xml, found none', { file, hint: 'save it again as a Word document (.docx)' });
  return xml;
}
