/** Diagnostics and their formatters: `(results) => string`. */
import type { Formatter } from './types.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export * from './types.js';
export { json } from './json.js';
export { sarif, artifactUri, SARIF_SCHEMA } from './sarif.js';
export { stylish, printable } from './stylish.js';

export const FORMATTERS: Record<'stylish' | 'json' | 'sarif', Formatter> = { stylish, json, sarif };
