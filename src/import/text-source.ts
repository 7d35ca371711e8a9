/**
 * Plain text (as copied from a legislation portal, or extracted from a PDF with `pdftotext -layout`) → lines.
 * Page furniture is dropped here: page numbers, the Official Gazette's running header, portal banners, and
 * short lines repeated on every page. Tab-separated rows (a table copied from a browser) become a table.
 */
import { ANNEX_LINE, furniture, isAllCaps, normalize, startsItem } from './patterns.js';
import type { Dropped, Line, Piece, SourceDoc } from './types.js';

export function readPlainText(text: string, notes: string[] = []): SourceDoc {
  const raw = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  const dropped: Dropped[] = [];
  const pieces: Piece[] = [];

  // Lines that repeat on every page (running headers) are short and look like headers, not like the text.
  const normalized = raw.map((l) => normalize(l));
  const counts = new Map<string, number>();
  for (const t of normalized) {
    if (t.length > 0 && t.length <= 100) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // One paragraph per line (a portal's text) or lines wrapped at a page width (a PDF's text)?
  const lengths = raw.map((l) => l.trim().length).filter((n) => n > 0);
  const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
  const wrapped = longest <= 140;

  const seenAnnex = new Set<string>();
  let blank = true;
  for (let i = 0; i < raw.length; i++) {
    const source = raw[i]!;
    const t = normalized[i]!;
    if (t === '') {
      blank = true;
      continue;
    }
    const why = furniture(t);
    if (why) {
      dropped.push({ line: i + 1, text: t, why });
      continue;
    }
    if (ANNEX_LINE.test(t)) {
      if (seenAnnex.has(t) && (counts.get(t) ?? 0) >= 3) {
        dropped.push({ line: i + 1, text: t, why: 'running header' });
        continue;
      }
      seenAnnex.add(t);
    } else if ((counts.get(t) ?? 0) >= 3 && !startsItem(t) && (isAllCaps(t) || /\d/.test(t)) && !/[.;:,]$/.test(t) && !/^\||\t/.test(source) && t.length <= 100) {
      dropped.push({ line: i + 1, text: t, why: 'running header' });
      continue;
    }
    // Tab-separated rows: a table copied from a browser or a word processor.
    if (source.includes('\t') && source.split('\t').filter((c) => c.trim() !== '').length >= 2 && (raw[i + 1] ?? '').includes('\t')) {
      const rows: string[][] = [];
      const start = i;
      while (i < raw.length && raw[i]!.includes('\t')) {
        rows.push(raw[i]!.split('\t').map((c) => normalizeCell(c)));
        i++;
      }
      i--;
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      pieces.push({ kind: 'table', line: start + 1, rows: rows.map((r) => Array.from({ length: width }, (_, k) => [{ text: r[k] ?? '' }])) });
      blank = true;
      continue;
    }
    const line: Line = {
      kind: 'line',
      runs: [{ text: source.replace(/[\t\u00a0]/g, ' ').replace(/ {2,}/g, ' ').trim() }],
      line: i + 1,
      join: blank || !wrapped ? 'never' : 'guess',
    };
    pieces.push(line);
    blank = false;
  }
  return { pieces, notes, dropped, unit: 'line' };
}

function normalizeCell(cell: string): string {
  return cell.replace(/\u00a0/g, ' ').replace(/ {2,}/g, ' ').trim();
}
