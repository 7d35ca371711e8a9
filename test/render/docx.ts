/** Reading a produced .docx back (its XML parts), and converting it to PDF text with LibreOffice. */
import { it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  headers: string[];
  footers: string[];
  core: string;
  styles: string;
  footnotes: string;
  files: string[];
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files).sort();
  const parts = async (pattern: RegExp) => Promise.all(names.filter((n) => pattern.test(n)).map((n) => text(n)));
  return {
    document: await text('word/document.xml'),
    headers: await parts(/^word\/header\d+\.xml$/),
    footers: await parts(/^word\/footer\d+\.xml$/),
    core: await text('docProps/core.xml'),
    styles: await text('word/styles.xml'),
    footnotes: await text('word/footnotes.xml'),
    files: names,
  };
}

/** The paragraphs of a part: their style and the text of each run, with whether it is bold. */
export interface ParagraphInfo {
  style: string | null;
  text: string;
  runs: { text: string; bold: boolean }[];
  xml: string;
}

export function paragraphs(xml: string): ParagraphInfo[] {
  const out: ParagraphInfo[] = [];
  for (const m of xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const body = m[1]!;
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? null;
    const runs = [...body.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)].map((r) => ({
      text: [...r[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
      bold: /<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/.test(/<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1]!)?.[1] ?? ''),
    }));
    out.push({ style, text: runs.map((r) => r.text).join(''), runs, xml: m[0] });
  }
  return out;
}

/** The section properties (`w:sectPr`) of a document, in order. */
export function sections(document: string): string[] {
  return [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Call at the top of a `describe` that needs LibreOffice and pdftotext: true when they are installed. When they
 * are not, it registers a test that fails under CI (where .ci/run must have installed them) or a skipped one
 * elsewhere, and returns false.
 */
export function requireOffice(): boolean {
  if (hasCommand('soffice') && hasCommand('pdftotext')) return true;
  if (process.env['CI']) {
    it('needs LibreOffice (soffice) and pdftotext in CI', () => {
      throw new Error('soffice or pdftotext is missing: install libreoffice-writer-nogui and poppler-utils (see .ci/run)');
    });
  } else {
    it.skip('skipped: soffice or pdftotext is not installed here (apt-get install libreoffice-writer-nogui poppler-utils)', () => {});
  }
  return false;
}

/**
 * Converts .docx files to PDF with LibreOffice (one run, its own temporary profile so that parallel runs do
 * not lock each other) and returns the text of each PDF (pdftotext), by input file.
 */
export function pdfTexts(files: string[]): Map<string, string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stdraft-lo-'));
  try {
    const outDir = path.join(work, 'pdf');
    const profile = `file://${path.join(work, 'profile')}`;
    const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    const texts = new Map<string, string>();
    for (const file of files) {
      const pdf = path.join(outDir, `${path.basename(file, '.docx')}.pdf`);
      if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}: ${result.stderr || result.stdout}`);
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (text.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${text.stderr}`);
      texts.set(file, text.stdout);
    }
    return texts;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
