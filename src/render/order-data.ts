/**
 * The values of the order and of the consultation package that are computed rather than written:
 *
 * - `memo`: the approval memo the preamble cites first (`order.memo` of the config): its kind — a *referat de
 *   aprobare* or a *notă de fundamentare* —, with the forms the text needs (`Referatul de aprobare … elaborat`,
 *   `Nota de fundamentare … elaborată`), its number and date;
 * - `consultations-held`: the workshops (observation registers) the version answers — a register whose `to`
 *   is this version or an earlier one — each with its counts per decision;
 * - `consultation.posted|deadline|approval`: the date the draft is posted (the config's `consultation.posted`,
 *   one date or one per version; required for a version in consultation, otherwise the version's date), the
 *   deadline for recommendations and the first day the draft may be sent for approval (Legea nr. 52/2003,
 *   art. 7 alin. (2): 30 days after the announcement).
 */
import type { Register } from '../comments/index.js';
import { configError } from '../errors.js';
import { addDays, isoDate, parseDate } from './dates.js';
import type { TemplateConfig } from './template-config.js';

export const MEMO_KINDS = {
  'referat de aprobare': { title: 'Referat de aprobare', articulated: 'Referatul de aprobare', elaborated: 'elaborat' },
  'notă de fundamentare': { title: 'Notă de fundamentare', articulated: 'Nota de fundamentare', elaborated: 'elaborată' },
} as const;

export interface HeldConsultation {
  title: string;
  date: string;
  from: string;
  to: string;
  total: number;
  accepted: number;
  'partially-accepted': number;
  rejected: number;
  pending: number;
  /** Decided and taken up at least in part. */
  'taken-up': number;
}

/** The registers the version answers (`to` is it or an earlier version of `versions`), oldest first, with counts. */
export function consultationsHeld(registers: readonly Register[], version: string, versions: readonly string[]): HeldConsultation[] {
  const rank = (v: string) => {
    const i = versions.indexOf(v);
    return i >= 0 ? i : null;
  };
  const own = rank(version);
  return registers
    .filter((r) => {
      if (!r.to) return false;
      const to = rank(r.to);
      return own === null ? r.to === version : to !== null && to <= own;
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((r) => {
      const count = (d: string) => r.comments.filter((c) => c.decision === d).length;
      return {
        title: r.title,
        date: r.date,
        from: r.from,
        to: r.to!,
        total: r.comments.length,
        accepted: count('accepted'),
        'partially-accepted': count('partially-accepted'),
        rejected: count('rejected'),
        pending: count('pending'),
        'taken-up': count('accepted') + count('partially-accepted'),
      };
    });
}

/** `memo` for the templates, from `order.memo` of the config; undefined when the config has none. */
export function memoData(config: Record<string, unknown>): Record<string, unknown> | undefined {
  const order = asMap(config['order']);
  const memo = asMap(order?.['memo']);
  if (!memo) return undefined;
  const kind = typeof memo['kind'] === 'string' ? memo['kind'].trim().toLocaleLowerCase('ro-RO') : memo['kind'] === undefined || memo['kind'] === null ? 'referat de aprobare' : String(memo['kind']);
  const forms = MEMO_KINDS[kind as keyof typeof MEMO_KINDS];
  if (!forms) {
    throw configError('stdraft.config.yaml', `Expected order.memo.kind to be ${Object.keys(MEMO_KINDS).join(' or ')}, found ${JSON.stringify(memo['kind'])}`, {
      hint: 'the approval memo of the initiator, which the preamble cites first',
    });
  }
  return { ...memo, kind, ...forms };
}

/**
 * `consultation.*` for the templates. `posted` is the config's `consultation.posted`: a date, or a mapping of
 * version names to dates. A version in consultation must have one; other versions fall back to their date.
 */
export function consultationDates(
  period: NonNullable<TemplateConfig['consultation']>,
  config: Record<string, unknown>,
  front: Record<string, unknown>,
): Record<string, unknown> {
  const cfg = asMap(config['consultation']) ?? {};
  const consultation: Record<string, unknown> = {
    days: period.days,
    'day-kind': period.dayKind,
    'approval-days': period.approvalDays,
    'approval-day-kind': period.approvalDayKind,
  };
  const version = typeof front['version'] === 'string' ? front['version'] : undefined;
  const byVersion = asMap(cfg['posted']);
  const configured = byVersion ? (version !== undefined ? byVersion[version] : undefined) : cfg['posted'];
  // A configured date that is not one is a configuration error naming it (not reported later as a missing value).
  if (configured !== undefined && configured !== null && parseDate(configured) === null) {
    throw configError('stdraft.config.yaml', `consultation.posted${byVersion ? `.${version}` : ''} must be a date written YYYY-MM-DD, found ${JSON.stringify(configured)}`, {
      hint: "e.g. consultation: { posted: '2016-03-01' }",
    });
  }
  const posted = configured !== undefined && configured !== null ? parseDate(configured) : front['status'] === 'consultation' ? null : parseDate(front['date']);
  if (posted) {
    const holidays = new Set(Array.isArray(cfg['holidays']) ? cfg['holidays'].map((h) => parseDate(h)).filter((d): d is Date => d !== null).map(isoDate) : []);
    consultation['posted'] = isoDate(posted);
    consultation['deadline'] = isoDate(addDays(posted, period.days, period.dayKind, holidays));
    consultation['approval'] = isoDate(addDays(posted, period.approvalDays, period.approvalDayKind, holidays));
  }
  return consultation;
}

function asMap(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : undefined;
}
