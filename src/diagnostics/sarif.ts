/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it: one run, the tool with its rules, and a
 * result per finding with its rule, level, message and region. Columns are UTF-16 code units (as in the
 * editor and in JavaScript); artifact URIs are relative, with forward slashes.
 */
import type { FileResult, FormatOptions, RuleDescriptor } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const DEFAULT_TOOL = { name: 'stdraft', version: '0.0.0', informationUri: 'https://www.npmjs.com/package/stdraft' };

export function sarif(results: FileResult[], options: FormatOptions = {}): string {
  const tool = options.tool ?? DEFAULT_TOOL;
  const rules: RuleDescriptor[] = [...(options.rules ?? [])];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (!index.has(d.ruleId)) {
        index.set(d.ruleId, rules.length);
        rules.push({ id: d.ruleId, description: d.ruleId, severity: d.severity, docs: `docs/rules/${d.ruleId}.md` });
      }
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            informationUri: tool.informationUri,
            version: tool.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.description },
              helpUri: rule.docs,
              defaultConfiguration: { level: rule.severity === 'off' ? 'none' : rule.severity },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => {
            const startLine = Math.max(1, d.line);
            const startColumn = Math.max(1, d.column);
            const endLine = Math.max(startLine, d.endLine);
            const endColumn = endLine === startLine ? Math.max(startColumn, d.endColumn) : Math.max(1, d.endColumn);
            return {
              ruleId: d.ruleId,
              ruleIndex: index.get(d.ruleId)!,
              level: d.severity,
              message: { text: d.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(d.file) },
                    region: { startLine, startColumn, endLine, endColumn },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative URI reference for a file label: forward slashes, each segment percent-encoded. */
export function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed);
  const encoded = slashed
    .split('/')
    .map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  return absolute ? `file://${slashed.startsWith('/') ? '' : '/'}${encoded}` : encoded;
}

/** `typography-cedilla` → `TypographyCedilla` (SARIF `name`, a readable identifier). */
function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
