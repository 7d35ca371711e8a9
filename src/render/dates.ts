/**
 * Dates for the consultation page (Legea nr. 52/2003): reading `YYYY-MM-DD`, adding calendar or working days,
 * and writing a date the way Romanian (or English) official text does: `16 februarie 2016`.
 * Dates are calendar dates without a time zone (UTC is used only as a calendar).
 */
import type { Lang } from '../model/types.js';

export type DayKind = 'calendar' | 'working';

const MONTHS: Record<Lang, string[]> = {
  ro: ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A `YYYY-MM-DD` text (or a YAML date) as a UTC date; null when it is not a real calendar date. */
export function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The date `days` days after `start`: calendar days, or working days (Monday to Friday, skipping `holidays`,
 * given as `YYYY-MM-DD`). The day of posting is not counted.
 */
export function addDays(start: Date, days: number, kind: DayKind, holidays: ReadonlySet<string> = new Set()): Date {
  const date = new Date(start.getTime());
  if (kind === 'calendar') {
    date.setUTCDate(date.getUTCDate() + days);
    return date;
  }
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(isoDate(date))) left--;
  }
  return date;
}

/** `16 februarie 2016` (ro) or `16 February 2016` (en). */
export function longDate(date: Date, lang: Lang): string {
  return `${date.getUTCDate()} ${MONTHS[lang][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
