/**
 * `--dry-run`: what a command that rewrites files would change, as a unified diff of each file (coloured on a
 * terminal, like `git diff`), with nothing written.
 */
import { createTwoFilesPatch } from 'diff';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const CYAN = '\u001b[36m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/** The unified diff of one file (`--- a/FILE`, `+++ b/FILE`, hunks with 3 lines of context). */
export function unifiedDiff(label: string, before: string, after: string, color: boolean): string {
  const name = label.split('\\').join('/').replace(/^\/+/, '');
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, stripBom(before), stripBom(after), undefined, undefined, { context: 3 });
  // The first line of createTwoFilesPatch is a separator of `=`; git's form starts with the file names.
  const lines = patch.split('\n').filter((line, i) => !(i === 0 && /^=+$/.test(line)));
  if (lines[lines.length - 1] === '') lines.pop();
  const body = lines.filter((line) => !/^={10,}$/.test(line));
  if (!color) return `${body.join('\n')}\n`;
  return `${body.map(paint).join('\n')}\n`;
}

function paint(line: string): string {
  if (line.startsWith('---') || line.startsWith('+++')) return `${BOLD}${line}${RESET}`;
  if (line.startsWith('@@')) return `${CYAN}${line}${RESET}`;
  if (line.startsWith('+')) return `${GREEN}${line}${RESET}`;
  if (line.startsWith('-')) return `${RED}${line}${RESET}`;
  return line;
}

function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
