/**
 * DOCX output: templates, Markdown blocks and the standards model → Word.
 *
 * Pieces, each usable alone (the comparison documents build on them):
 * - `inline.ts`     mdast phrasing → pieces → runs (`makeRun` makes tracked-change runs), `splitPieces`
 * - `blocks.ts`     mdast blocks → paragraphs and tables (enumerations, lists, GFM tables, directives)
 * - `standards.ts`  the model (or one module, standard, requirement, indicator) → paragraphs, with labels
 * - `styles.ts`     the Word styles (`STYLE`), list numbering
 * - `document.ts`   sections, page setup, header/footer, watermark, properties → Document → bytes
 * - `xml.ts`        light paragraphs and runs (fast path; same XML as docx's for the options they take)
 * - `context.ts`    `DocxContext`: definitions, footnotes, bookmarks, list instances, line-number suppression
 * - `template*.ts`, `handlebars.ts`  template folders, the strict Handlebars engine, template data
 * - `render.ts`     a version + a template → .docx bytes;  `gate.ts` the final gate of export
 */
export * from './inline.js';
export * from './blocks.js';
export * from './standards.js';
export * from './styles.js';
export * from './document.js';
export * from './context.js';
export * from './template.js';
export * from './template-config.js';
export * from './handlebars.js';
export * from './render.js';
export * from './gate.js';
export * from './reference.js';
export * from './dates.js';
export * from './units.js';
export * from './xml.js';
