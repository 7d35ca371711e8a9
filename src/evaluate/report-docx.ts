/**
 * The evaluation report in Word: the facts, the score of each service, the chart of the score per module and
 * the heat map (one per module) as pictures, then the tables. A4 portrait; table headers repeat on each page.
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType } from 'docx';
import { heatMap, moduleChart } from './charts.js';
import type { Evaluation } from './aggregate.js';
import { rasterise } from './raster.js';
import { factsTable, failingTable, findingsTable, modulesTable, requirementsTable, servicesTable, standardsTable, unmetTable, type ReportOptions, type Table as ReportTable } from './report.js';
import { evaluationWords } from './words.js';

const FONT = 'Arial';
/** Text width of A4 portrait with 2 cm margins, in CSS pixels (96 per inch). */
const TEXT_WIDTH_PX = 642;
const TEXT_WIDTH_TWIPS = 9638;
/** Requirements per heat-map picture: a page's height at the report's scale. */
const HEAT_ROWS_PER_PICTURE = 45;

function picture(svg: string, alt: string): Paragraph {
  const p = rasterise(svg);
  const scale = Math.min(1, TEXT_WIDTH_PX / p.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: p.png, transformation: { width: Math.round(p.width * scale), height: Math.round(p.height * scale) }, altText: { title: alt, description: alt, name: alt } })],
  });
}

function table(t: ReportTable, numericFrom = Infinity): Table {
  const columns = t.rows.reduce((most, r) => Math.max(most, r.length), t.head.length);
  const cell = (text: string, header: boolean, numeric: boolean) =>
    new TableCell({
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } } : {}),
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [new TextRun({ text: line, bold: header, font: FONT, size: 18 })],
          }),
      ),
    });
  const rows: TableRow[] = [];
  if (t.head.length > 0) rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h) => cell(h, true, false)) }));
  for (const r of t.rows) {
    const cells = [...r];
    while (cells.length < columns) cells.push('');
    rows.push(new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, t.head.length === 0 && i === 0, i >= numericFrom)) }));
  }
  return new Table({ rows, width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA } });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ heading: level, children: [new TextRun({ text, font: FONT })] });
const para = (text: string) => new Paragraph({ children: [new TextRun({ text, font: FONT, size: 20 })], spacing: { after: 120 } });

export async function evaluationDocx(e: Evaluation, options: ReportOptions = {}): Promise<Uint8Array> {
  const share = options.failingShare ?? 0.5;
  const w = evaluationWords(e.lang);
  const children: (Paragraph | Table)[] = [];
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: w.reportTitle, font: FONT })] }));
  children.push(para(`${e.title} (${e.version})`));
  children.push(table(factsTable(e)));
  children.push(heading(w.sections.services), table(servicesTable(e), 3));
  children.push(heading(w.sections.charts), picture(moduleChart(e), w.chartTitle), table(modulesTable(e), 1));
  children.push(heading(w.sections.heat));
  // One picture per module, split so that each fits a page (and large standards stay small pictures).
  for (const m of e.modules) {
    const count = e.requirements.filter((r) => r.moduleNumeral === m.numeral).length;
    const of = Math.max(1, Math.ceil(count / HEAT_ROWS_PER_PICTURE));
    for (let index = 1; index <= of; index++) {
      const part = { from: (index - 1) * HEAT_ROWS_PER_PICTURE, to: index * HEAT_ROWS_PER_PICTURE, of, index };
      children.push(picture(heatMap(e, [m.numeral], part), `${w.heatTitle} — ${w.moduleLabel} ${m.numeral}${of > 1 ? ` (${index}/${of})` : ''}`));
    }
  }
  children.push(heading(w.sections.requirements), para(w.failingIntro(share)), table(failingTable(e, share)));
  children.push(heading(w.sections.failing), table(unmetTable(e)));
  children.push(heading(w.standardLabel), table(standardsTable(e), 1));
  children.push(heading(w.sections.allRequirements), table(requirementsTable(e)));
  children.push(heading(w.sections.findings));
  children.push(e.findings.length === 0 ? para(w.sections.noFindings) : table(findingsTable(e)));
  const doc = new Document({
    creator: 'stdraft',
    title: `${w.reportTitle} — ${e.version}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
