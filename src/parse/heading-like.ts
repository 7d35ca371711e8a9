/**
 * Lines that look like a module, standard or requirement heading but are not one: a heading whose `#`
 * marks were lost (`Standardul 3. Contractul …` as a paragraph), a heading at the wrong level
 * (`### Standardul 3.`), or a requirement heading spelled another way (`### Cerința 4.3`). The parser
 * reports them with what to type instead; while any is left, renumbering is refused (a renumbering around a
 * typo would shift every later number and rewrite the references to follow).
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { MODULE_HEADING, REQUIREMENT_HEADING, STANDARD_HEADING } from '../model/labels.js';

/** A paragraph longer than this is running text, not a heading that lost its marks. */
const MAX_HEADING_LENGTH = 200;

/** `Standardul 3.` / `STANDARD 3 –` / `Standardul 3` alone: a number followed by a separator or the end. */
const STANDARD_LIKE = /^(?:standardul|standard)\s+\d+\s*(?:[.:–—-](?:\s|$)|$)/iu;
/** `Modulul II.` / `MODUL II –` / `Modulul II` alone. */
const MODULE_LIKE = /^(?:modulul|modul|module)\s+(?:[IVXLCDM]+|\d+)\s*(?:[.:–—-](?:\s|$)|$)/iu;
/** `Cerința 4.3`, `Cerinta nr. 4.3`, `Requirement 4.3`, `S 4.3`, `S4.3` alone. */
const REQUIREMENT_LIKE = /^(?:(?:cerin[țţt]a|cerin[țţt]ă|requirement)\s*(?:nr\.?\s*)?|s\s*)(\d+)\s*[.,]\s*(\d+)\s*[.:–—-]?(?:\s+(.*))?$/iu;

export type HeadingKind = 'module' | 'standard' | 'requirement';

export interface HeadingLike {
  kind: HeadingKind;
  /** What to tell the drafter: `"Standardul 3. Contractul …" looks like a standard heading: add "## " at the start of the line`. */
  message: string;
}

const MARKS: Record<HeadingKind, string> = { module: '# ', standard: '## ', requirement: '### ' };
const LEVEL: Record<HeadingKind, number> = { module: 1, standard: 2, requirement: 3 };

/** A requirement id alone on its line (`S4.3`, `M.IV.-S4.3`): in running text an id is followed by more words. */
const REQUIREMENT_ID_ALONE = /^(?:M\.?\s?[IVXLCDM]+\.?\s?[-–]\s?)?S\s?\d+\.\d+\.?$/u;
/** `Cerința 4.3 …`: a requirement named by word (never how running text cites one: it writes `S4.3`). */
const REQUIREMENT_WORD = /^(?:cerin[țţt]a|cerin[țţt]ă|requirement)\s*(?:nr\.?\s*)?\d+\s*[.,]\s*\d+/iu;

/** The kind of heading a one-line text looks like, or null; a paragraph must look more like one than a heading's text. */
export function headingKindOf(text: string, paragraph = false): HeadingKind | null {
  if (MODULE_HEADING.test(text) && MODULE_LIKE.test(text)) return 'module';
  if (STANDARD_HEADING.test(text) && STANDARD_LIKE.test(text)) return 'standard';
  if (paragraph) return REQUIREMENT_ID_ALONE.test(text) || REQUIREMENT_WORD.test(text) ? 'requirement' : null;
  if (REQUIREMENT_HEADING.test(text) || REQUIREMENT_LIKE.test(text)) return 'requirement';
  return null;
}

/**
 * What is wrong with a block that looks like a heading the parser did not take as one, or null when it does
 * not look like one. `expectedDepth` is null for a paragraph (a heading without its `#` marks).
 */
export function headingLike(node: RootContent): HeadingLike | null {
  if (node.type !== 'paragraph' && node.type !== 'heading') return null;
  const text = toString(node).trim();
  if (text === '' || text.length > MAX_HEADING_LENGTH || /\n/.test(text)) return null;
  const quoted = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (node.type === 'heading') {
    const requirement = REQUIREMENT_LIKE.exec(text);
    if (requirement && !REQUIREMENT_HEADING.test(text)) {
      const title = requirement[3] ? ` ${requirement[3]}` : '';
      return { kind: 'requirement', message: `${quoted} looks like a requirement heading: expected "### S${requirement[1]}.${requirement[2]}${title}"` };
    }
    const kind = headingKindOf(text);
    if (!kind || LEVEL[kind] === node.depth) return null;
    return { kind, message: `${quoted} looks like a ${kind} heading at level ${node.depth}: expected level ${LEVEL[kind]} ("${MARKS[kind]}${text}")` };
  }
  const kind = headingKindOf(text, true);
  if (!kind) return null;
  return { kind, message: `${quoted} looks like a ${kind} heading: add "${MARKS[kind]}" at the start of the line` };
}
