/**
 * Typography in observation registers: the observations, responses and titles are Romanian text that ends up
 * in the synoptic table and the report, so a cedilla ş ţ Ş Ţ there is a finding of `typography-cedilla` as in a
 * version, with the same fix (comma-below ș ț Ș Ț). The letters are replaced where they stand in the YAML text
 * (one UTF-16 unit for another: positions and quoting are unchanged).
 */
import type { Diagnostic, DiagnosticSeverity } from '../diagnostics/types.js';

const COMMA_BELOW: Record<string, string> = { ş: 'ș', ţ: 'ț', Ş: 'Ș', Ţ: 'Ț' };
const WORD = /[\p{L}\p{M}]*[şţŞŢ][\p{L}\p{M}]*/gu;

function comma(word: string): string {
  return word.replace(/[şţŞŢ]/g, (c) => COMMA_BELOW[c]!);
}

/** One finding per word with a cedilla, as typography-cedilla reports it in a version. */
export function registerCedillaFindings(text: string, file: string, severity: DiagnosticSeverity): Diagnostic[] {
  if (!/[şţŞŢ]/.test(text)) return [];
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = position(m.index);
    const end = position(m.index + m[0].length);
    out.push({
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ruleId: 'typography-cedilla',
      severity,
      message: `Expected "${comma(m[0])}" with comma-below ș/ț, found "${m[0]}" with cedilla`,
      fixable: true,
    });
  }
  return out;
}

/** The register text with every cedilla letter replaced, and what changed (`12:9 typography-cedilla: "şi" → "și"`). */
export function fixRegisterText(text: string, file: string): { text: string; changes: string[] } {
  const changes = registerCedillaFindings(text, file, 'error').map((d) => {
    const found = /found "([^"]*)"/.exec(d.message)![1]!;
    return `${d.line}:${d.column} typography-cedilla: ${JSON.stringify(found)} → ${JSON.stringify(comma(found))}`;
  });
  return { text: text.replace(/[şţŞŢ]/g, (c) => COMMA_BELOW[c]!), changes };
}
