/**
 * The CommonMark specification's examples (the `commonmark-spec` package, a devDependency), as Markdown texts:
 * 652 small documents that exercise every construct of the syntax, for the tests that feed the parser,
 * the rules and the printer hostile input. The spec writes tabs as `→`; they are tabs again here.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: { markdown: string; section: string; number: number }[] };

export const COMMONMARK_EXAMPLES: readonly string[] = spec.tests.map((t) => t.markdown.replace(/→/g, '\t')).filter((x) => x.length > 0);
