/**
 * The redline: TO rendered with the renderer's styles, in which every change from FROM is a Word revision
 * (see writer.ts): word by word inside paragraphs (from the Changeset's word diffs), whole paragraphs for
 * added and removed units, a renumbering as a revision of the number alone, unchanged text unmarked.
 * Accepting every revision gives TO's text; rejecting every one gives FROM's.
 */
import type { FileChild } from 'docx';
import type { Changeset } from '../diff/types.js';
import { hasDifferences } from '../diff/index.js';
import { DocxContext } from '../render/context.js';
import { textWidth } from '../render/document.js';
import { escapeMarkdown } from '../render/handlebars.js';
import { standardsBookmarks } from '../render/standards.js';
import { ComparedContent } from './content.js';
import { a4, compareDocument, font, markdownToDocx } from './document.js';
import { compareWords, displayDate } from './labels.js';
import { summaryLine } from './summary.js';
import { DocxWriter, type MarkingStats } from './writer.js';

export interface RedlineOptions {
  /** Author of the revisions (typographic ones get `AUTHOR (tipografie)`). */
  author: string;
  /** A short title for the page header (the config's `short-title`); else the title, shortened to fit one line. */
  shortTitle?: string;
  /** Write the document as it is made (default true; false: docx writes it whole). */
  stream?: boolean;
}

/** A title that fits on one header line with the versions (A4 portrait, 10 pt): at most 60 characters, cut at a word. */
export function headerTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= 60) return clean;
  const cut = clean.slice(0, 59);
  const space = cut.lastIndexOf(' ');
  // Whole words, and not ending on a preposition or conjunction ("… serviciile de…").
  const words = (space > 30 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '').split(' ');
  while (words.length > 3 && /^(?:de|și|a|al|ale|ai|în|la|cu|pe|pentru|din|privind|of|and|the|for|in|on|to)$/i.test(words[words.length - 1]!)) words.pop();
  return `${words.join(' ').replace(/[\s,;:–—-]+$/, '')}…`;
}

export interface Redline {
  bytes: Uint8Array;
  stats: MarkingStats;
}

/** The date of the revisions: TO's date (midnight UTC), else today. */
export function revisionDate(changeset: Changeset): string {
  const date = changeset.to.doc.meta.date;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
}

export async function redlineDocx(changeset: Changeset, options: RedlineOptions): Promise<Redline> {
  const { from, to } = changeset;
  const lang = to.doc.lang;
  const words = compareWords(lang);
  const page = a4('portrait');
  const ctx = new DocxContext({
    definitions: [...to.doc.definitions, ...from.doc.definitions],
    bookmarks: standardsBookmarks(to.doc),
    textWidth: textWidth(page),
  });
  const date = revisionDate(changeset);
  const typographicAuthor = words.typographicAuthor(options.author);
  const changed = hasDifferences(changeset);

  const title: string[] = [`# ${escapeMarkdown(to.doc.meta.title ?? to.label)}`, '', `## ${escapeMarkdown(words.redlineTitle)}`, ''];
  const side = (label: string, doc: typeof from.doc) =>
    escapeMarkdown([label, displayDate(doc.meta.date, lang), doc.meta.workshop].filter(Boolean).join(', '));
  title.push(`**${escapeMarkdown(words.initialText)}:** ${side(from.label, from.doc)}  `, `**${escapeMarkdown(words.revisedText)}:** ${side(to.label, to.doc)}`, '');
  if (changed) {
    title.push(
      escapeMarkdown(`${words.revisionsBy(options.author, displayDate(date.slice(0, 10), lang))} ${words.acceptReject(from.label, to.label)} ${words.typographicRevisions(typographicAuthor)}`),
      '',
      escapeMarkdown(summaryLine(changeset, lang)),
      '',
    );
  } else {
    title.push(escapeMarkdown(words.noChanges(from.label, to.label)), '');
  }
  title.push('---', '');

  const writer = new DocxWriter(ctx, { kind: 'revisions', author: options.author, typographicAuthor, date });
  const content = new ComparedContent(changeset, ctx, true);
  // Made unit by unit while the document is written, so that the whole redline is never in memory.
  function* children(): Generator<FileChild> {
    yield* markdownToDocx(title.join('\n'), ctx);
    for (const outs of content.all()) {
      writer.push(outs);
      yield* writer.take();
    }
    yield* writer.finish();
  }

  const bytes = await compareDocument(
    {
      children: children(),
      page,
      font: font(12),
      lang,
      header: `${headerTitle(options.shortTitle ?? to.doc.meta.title ?? to.label)} — ${from.label} → ${to.label}`,
      properties: {
        title: `${words.redlineTitle}: ${from.label} → ${to.label}`,
        subject: to.doc.meta.title,
        creator: options.author,
        keywords: `${from.label}, ${to.label}`,
        revision: to.label,
      },
      ...(options.stream === false ? { stream: false } : {}),
    },
    ctx,
  );
  return { bytes, stats: writer.stats };
}
