/**
 * A standards version + a template → .docx bytes:
 *
 *   template sections (.md.hbs) ─handlebars─▶ Markdown ─parseMarkdown─▶ blocks ─blocksToDocx─▶ paragraphs
 *                                          `{{standards}}` marker ─▶ standardsToDocx(model)
 *   header, footer, properties (template.yaml) ─handlebars─▶ text;  buildDocument ─▶ packDocument
 */
import { TableOfContents, type FileChild } from 'docx';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../parse/markdown.js';
import type { StandardsDoc } from '../model/types.js';
import { DocxContext } from './context.js';
import { BOOKMARK_DIRECTIVE, blocksToDocx } from './blocks.js';
import { buildDocument, packDocument, textWidth, type DocumentSection } from './document.js';
import { bookmarkName, phrasingToPieces, trimLeading, withPageFields, type InlinePiece, type RunFactory } from './inline.js';
import { standardsBookmarks, standardsStyle, standardsToDocx } from './standards.js';
import { STYLE } from './styles.js';
import type { LoadedTemplate } from './template.js';
import { templateError } from './template-config.js';

export interface RenderRequest {
  doc: StandardsDoc;
  template: LoadedTemplate;
  /** The data the templates are filled from (`templateData`). */
  data: Record<string, unknown>;
  /** styles.xml of the template's reference .docx, or null. */
  referenceStyles: string | null;
  /** Makes text runs (tracked-change runs for a redline); default TextRun. */
  makeRun?: RunFactory;
  /** Write the body section by section (default true; see package.ts). */
  stream?: boolean;
}

/** Template headings: `#` Title, `##` Subtitle, `###` Heading3, deeper Heading4. */
const templateHeadingStyle = (depth: number): string =>
  depth === 1 ? STYLE.title : depth === 2 ? STYLE.subtitle : depth === 3 ? STYLE.heading3 : STYLE.heading4;

export async function renderDocx(request: RenderRequest): Promise<Uint8Array> {
  const { doc, template, data } = request;
  const config = template.config;
  const lang = doc.lang;

  const roots = template.sections.map((section) => ({ section, root: parseMarkdown(section.render(data)) }));
  const ctx = new DocxContext({
    definitions: [...doc.definitions, ...roots.flatMap(({ root }) => root.children.filter((n) => n.type === 'definition' || n.type === 'footnoteDefinition'))],
    bookmarks: new Set([...standardsBookmarks(doc), ...templateBookmarks(roots.map(({ root }) => root))]),
    textWidth: textWidth(config.page),
    ...(request.makeRun ? { makeRun: request.makeRun } : {}),
  });
  const style = standardsStyle(lang, config.standards, config.labels[lang] ?? {});
  const numbered = config.sections.some((s) => s.lineNumbers);

  let placed = 0;
  const sections: DocumentSection[] = roots.map(({ section, root }) => {
    ctx.suppressLineNumbers = numbered && !section.spec.lineNumbers;
    const children = blocksToDocx(root.children, ctx, {
      headingStyle: templateHeadingStyle,
      markers: {
        standards: () => {
          placed++;
          if (placed > 1) throw templateError(section.file, 'Expected {{standards}} once in the template, found it again', { line: lineOf(section.text, '{{standards'), hint: 'the standards are placed once' });
          const toc: FileChild[] = config.toc ? [new TableOfContents(lang === 'en' ? 'Contents' : 'Cuprins', { hyperlink: true, headingStyleRange: '1-2' })] : [];
          return [...toc, ...standardsToDocx(doc, ctx, style)];
        },
      },
      onInlineMarker: () => {
        throw templateError(section.file, 'Expected {{standards}} on a line of its own, found it inside a paragraph', { line: lineOf(section.text, '{{standards'), hint: 'put a blank line before and after it' });
      },
    });
    return { children, lineNumbers: section.spec.lineNumbers };
  });
  ctx.suppressLineNumbers = false;
  if (placed === 0) {
    throw templateError(`${template.label}/template.yaml`, 'Expected {{standards}} in one of the section files, found none', {
      hint: 'put {{standards}} on a line of its own where the annex text goes',
    });
  }

  const inlineText = (render: ((d: Record<string, unknown>) => string) | null): InlinePiece[] | null => {
    if (!render) return null;
    const root = parseMarkdown(render(data));
    const first = root.children.find((n) => n.type === 'paragraph' || n.type === 'heading') as { children: Parameters<typeof phrasingToPieces>[0] } | undefined;
    return first ? withPageFields(trimLeading(phrasingToPieces(first.children, ctx))) : null;
  };
  const plain = (render: ((d: Record<string, unknown>) => string) | null): string | undefined =>
    render ? plainText(parseMarkdown(render(data))) : undefined;

  const meta = doc.meta;
  const document = buildDocument(
    {
      sections,
      page: config.page,
      font: config.font,
      lang,
      header: inlineText(template.header),
      footer: inlineText(template.footer),
      watermark: config.watermark,
      properties: {
        title: plain(template.properties.title) ?? meta.title,
        subject: plain(template.properties.subject),
        creator: meta.issuer,
        keywords: plain(template.properties.keywords) ?? ['standarde minime de calitate', meta.version, meta.status].filter(Boolean).join(', '),
        description: meta.note,
        revision: meta.version,
      },
      referenceStyles: request.referenceStyles,
      ...(request.stream === false ? { stream: false } : {}),
    },
    ctx,
  );
  return packDocument(document);
}

/** The names of the `<!-- bookmark: NAME -->` directives of the template texts (links may point to them before they come). */
function templateBookmarks(roots: readonly Root[]): string[] {
  const out: string[] = [];
  for (const root of roots) {
    for (const node of root.children) {
      const m = node.type === 'html' ? BOOKMARK_DIRECTIVE.exec(node.value.trim()) : null;
      if (m) out.push(bookmarkName(m[1]!));
    }
  }
  return out;
}

function plainText(root: Root): string {
  return root.children.map((n: RootContent) => toString(n)).join(' ').replace(/\s+/g, ' ').trim();
}

function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}
