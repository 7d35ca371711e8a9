/**
 * The grid on paper, for a visit: A4 landscape, the version, fingerprint and service at the top, then one
 * table whose header repeats on every page: module and standard rows across the table, each requirement's
 * text beside its indicators, tick boxes for the assessment and room for evidence and notes.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType, Footer, PageNumber } from 'docx';
import { ASSESSMENTS, GRID_WORDS, META_KEYS, moduleHeading, standardHeading, type Grid } from './grid.js';
import { metaValues, type GridInfo } from './layout.js';

const FONT = 'Arial';
const WIDTHS = [3700, 3900, 2000, 2700, 2700];

const text = (t: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text: t, font: FONT, size: options.size ?? 17, bold: options.bold ?? false, italics: options.italics ?? false })] });

export async function gridDocx(grid: Grid, info: GridInfo = {}): Promise<Uint8Array> {
  const words = GRID_WORDS[grid.lang];
  const c = words.columns;
  const values: Record<string, string> = metaValues(grid, info);
  const metaTable = new Table({
    width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: META_KEYS.map(
      (key) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 3000, type: WidthType.DXA }, children: [text(words.meta[key], { bold: true })] }),
            new TableCell({ width: { size: 12000, type: WidthType.DXA }, children: [text(values[key] || ' ')] }),
          ],
        }),
    ),
  });

  const headerCell = (t: string, width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DCE6F1' }, children: [text(t, { bold: true })] });
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: [headerCell(`${c.requirement} — ${c.requirementText}`, WIDTHS[0]!), headerCell(`${c.indicator} — ${c.indicatorText}`, WIDTHS[1]!), headerCell(c.assessment, WIDTHS[2]!), headerCell(c.evidence, WIDTHS[3]!), headerCell(c.notes, WIDTHS[4]!)],
    }),
  ];
  const span = (t: string, fill: string, size: number) =>
    new TableRow({
      cantSplit: true,
      children: [new TableCell({ columnSpan: WIDTHS.length, shading: { type: ShadingType.CLEAR, color: 'auto', fill }, children: [text(t, { bold: true, size })] })],
    });
  for (const m of grid.modules) {
    rows.push(span(moduleHeading(m, words), 'B8CCE4', 20));
    for (const s of m.standards) {
      rows.push(span(standardHeading(s, words), 'EEF3F8', 18));
      s.rows.forEach((row, i) => {
        const first = i === 0 || s.rows[i - 1]!.requirement !== row.requirement;
        const last = i === s.rows.length - 1 || s.rows[i + 1]!.requirement !== row.requirement;
        const requirementCell = first
          ? new TableCell({ width: { size: WIDTHS[0]!, type: WidthType.DXA }, ...(last ? {} : { verticalMerge: VerticalMergeType.RESTART }), children: [text(`${row.requirement}. ${row.requirementText}`)] })
          : new TableCell({ width: { size: WIDTHS[0]!, type: WidthType.DXA }, verticalMerge: VerticalMergeType.CONTINUE, children: [text('')] });
        rows.push(
          new TableRow({
            cantSplit: true,
            children: [
              requirementCell,
              new TableCell({ width: { size: WIDTHS[1]!, type: WidthType.DXA }, children: [text(row.indicator ? `${row.indicator}: ${row.indicatorText}` : '—')] }),
              new TableCell({ width: { size: WIDTHS[2]!, type: WidthType.DXA }, children: ASSESSMENTS.map((a) => text(`☐ ${words.assessments[a]}`)) }),
              new TableCell({ width: { size: WIDTHS[3]!, type: WidthType.DXA }, children: [text('')] }),
              new TableCell({ width: { size: WIDTHS[4]!, type: WidthType.DXA }, children: [text('')] }),
            ],
          }),
        );
      });
    }
  }
  const doc = new Document({
    creator: 'stdraft',
    title: `${words.title} — ${grid.version}`,
    styles: { default: { document: { run: { font: FONT, size: 17 } } } },
    sections: [
      {
        properties: {
          page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 }, margin: { top: 850, bottom: 850, left: 850, right: 850 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${grid.version} · ${grid.fingerprint} · `, font: FONT, size: 14 }), new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], font: FONT, size: 14 })],
              }),
            ],
          }),
        },
        children: [
          text(`${words.title} — ${grid.title}`, { bold: true, size: 26 }),
          metaTable,
          text(words.instructions, { italics: true }),
          new Table({ width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: WIDTHS, rows }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
