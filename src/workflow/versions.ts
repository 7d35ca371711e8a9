/** Starting a revision round: the next version's text and its empty observation register. */
import { Document, isMap } from 'yaml';
import { readYaml } from '../yaml/reader.js';
import { splitTopLevel } from '../yaml/top-level.js';
import { inputError } from '../errors.js';
import { canonicalYaml } from '../print/index.js';

/** Today's date as YYYY-MM-DD in local time. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface NextVersion {
  version: string;
  supersedes: string;
  date: string;
  /** The meeting the new version is for; null removes the previous version's workshop. */
  workshop: string | null;
}

/**
 * The text of a version with its front matter set for the next round: version, supersedes, date, status
 * draft and workshop; comments and the other keys are kept, the body is unchanged.
 */
export function nextVersionText(text: string, next: NextVersion, label: string): string {
  const m = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) throw inputError(label, 'has no front matter to copy', { hint: 'stdraft validate shows what is wrong' });
  const raw = (m[1] ?? '').replace(/\r\n/g, '\n');
  const read = readYaml(raw);
  if (read.problem || !isMap(read.doc.contents)) {
    throw inputError(label, 'has invalid front matter', { hint: 'stdraft validate shows what is wrong' });
  }
  const set: Record<string, string | null> = {
    version: `'${next.version}'`,
    date: `'${next.date}'`,
    status: 'draft',
    supersedes: `'${next.supersedes}'`,
    workshop: next.workshop === null ? null : yamlText(next.workshop),
  };
  const split = splitTopLevel(raw);
  let yaml: string;
  if (split) {
    // The other entries keep their text exactly (values such as `cod: 007` are not printed again).
    const entries = split.entries.flatMap((entry) => {
      if (!(entry.key in set)) return [entry.text];
      const value = set[entry.key];
      delete set[entry.key];
      if (value === null) return [];
      const comments = entry.text.split('\n').filter((line, i, lines) => /^\s*#/.test(line) && lines.slice(0, i).every((l) => /^\s*#/.test(l)));
      return [[...comments, `${entry.key}: ${value}`].join('\n') + '\n'];
    });
    for (const [key, value] of Object.entries(set)) if (value !== null) entries.push(`${key}: ${value}\n`);
    yaml = canonicalYaml(split.head + entries.join(''));
  } else {
    const doc = read.doc;
    const quoted = (value: string) => {
      const node = doc.createNode(value);
      node.type = 'QUOTE_SINGLE';
      return node;
    };
    doc.set('version', quoted(next.version));
    doc.set('date', quoted(next.date));
    doc.set('status', 'draft');
    doc.set('supersedes', quoted(next.supersedes));
    if (next.workshop === null) doc.delete('workshop');
    else doc.set('workshop', next.workshop);
    yaml = canonicalYaml(doc.toString({ lineWidth: 0 }));
  }
  const body = text.slice(m[0].length).replace(/\r\n/g, '\n');
  return `---\n${yaml}---\n${body}`;
}

/** An empty observation register for the round: observations on `from`, answered by `to`. */
export function registerSkeleton(round: { from: string; to: string; date: string; workshop: string | null }): string {
  const title = round.workshop ? `Observații formulate la ${lowerFirst(round.workshop)}` : `Observații la versiunea ${round.from}`;
  return [
    `title: ${JSON.stringify(title)}`,
    `date: '${round.date}'`,
    `from: '${round.from}'          # the version participants comment on`,
    `to: '${round.to}'            # the version that answers them`,
    'comments: []',
    '# Add one entry per observation:',
    '#  - id: 1',
    `#    target: S3.1            # an id in ${round.from}: S3.1, Im2S3.1, Standardul 3, Modulul II`,
    '#    by: ADPARE',
    '#    text: Termenul de 72 de ore este prea scurt.',
    '#    decision: pending       # accepted | partially-accepted | rejected | pending',
    '#    response: ""            # required unless pending',
    '',
  ].join('\n');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A text value as YAML would write it after a key (quoted only when it must be). */
function yamlText(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).replace(/\n$/, '');
}
