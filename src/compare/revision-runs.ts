/**
 * Inserted and deleted runs of a redline (`w:ins` / `w:del` around a run), written directly like the
 * renderer's light runs (src/render/xml.ts): a redline of a 1.3 MB version has some 30,000 of them, and
 * docx's `InsertedTextRun` / `DeletedTextRun` build a `TextRun` with dozens of components each. The XML is
 * the same as docx writes: `<w:ins w:id w:author w:date><w:r>…<w:t>…</w:t></w:r></w:ins>`, and for a
 * deletion `w:delText` in place of `w:t`. Options a light run cannot write go to docx's own classes.
 */
import { BaseXmlComponent, DeletedTextRun, InsertedTextRun, type IRunOptions, type IXmlableObject, type ParagraphChild } from 'docx';
import { escapeText, LightRun, makeRun } from '../render/xml.js';

export interface RevisionAttributes {
  id: number;
  author: string;
  date: string;
}

class LightRevision extends BaseXmlComponent {
  constructor(
    private readonly tag: 'w:ins' | 'w:del',
    private readonly attributes: RevisionAttributes,
    private readonly run: LightRun,
  ) {
    super(tag);
  }

  override prepForXml(): IXmlableObject {
    let run = this.run.prepForXml() as IXmlableObject;
    if (this.tag === 'w:del') run = deletedText(run);
    const { id, author, date } = this.attributes;
    return { [this.tag]: [{ _attr: { 'w:id': id, 'w:author': author, 'w:date': date } }, run] } as IXmlableObject;
  }

  /** The same XML as text, written directly. */
  toXml(): string {
    const { id, author, date } = this.attributes;
    const run = this.run.xmlWith(this.tag === 'w:del' ? 'w:delText' : 'w:t');
    return `<${this.tag} w:id="${id}" w:author="${escapeText(author)}" w:date="${escapeText(date)}">${run}</${this.tag}>`;
  }
}

/** `w:t` → `w:delText` in a light run's XML. */
function deletedText(run: IXmlableObject): IXmlableObject {
  const content = (run as { 'w:r': unknown })['w:r'];
  if (!Array.isArray(content)) return run;
  return { 'w:r': content.map((part: Record<string, unknown>) => ('w:t' in part ? { 'w:delText': part['w:t'] } : part)) } as IXmlableObject;
}

/** An inserted run: light when the options allow, else docx's `InsertedTextRun`. */
export function insertedRun(options: IRunOptions, revision: RevisionAttributes): ParagraphChild {
  const run = makeRun(options);
  return run instanceof LightRun ? (new LightRevision('w:ins', revision, run) as unknown as ParagraphChild) : new InsertedTextRun({ ...options, ...revision });
}

/** A deleted run: light when the options allow, else docx's `DeletedTextRun`. */
export function deletedRun(options: IRunOptions, revision: RevisionAttributes): ParagraphChild {
  const run = makeRun(options);
  return run instanceof LightRun ? (new LightRevision('w:del', revision, run) as unknown as ParagraphChild) : new DeletedTextRun({ ...options, ...revision });
}
