/**
 * Version names: they sort chronologically by name (FORMAT.md), so they are dates, `YYYY-MM` or `YYYY-MM-DD`
 * (`2016-06`, `2016-06-15`), unless the workspace config sets another `version-pattern` (a regular expression
 * whose names still sort by name). A name like `iunie-2016` would sort after every year and break the order.
 */

export const DEFAULT_VERSION_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/;

/** Why `name` is not a version name (one line), or null when it is one. */
export function versionNameProblem(name: string, pattern?: string): string | null {
  if (pattern !== undefined) {
    return new RegExp(pattern, 'u').test(name) ? null : `"${name}" does not match the version-pattern of the config (${pattern})`;
  }
  if (DEFAULT_VERSION_PATTERN.test(name)) return null;
  return `"${name}" is not a version name: expected YYYY-MM or YYYY-MM-DD (versions sort by name, so names are dates)`;
}
