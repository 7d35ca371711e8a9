/**
 * The workshop documents built from a Changeset (src/diff/): the synoptic table (Word and HTML), the redline
 * with tracked changes, and the report on an observation register. Pure: the CLI reads and writes the files.
 *
 * - `synoptic.ts`        the rows model; `synoptic-docx.ts`, `synoptic-html.ts` write it
 * - `redline.ts`         the redline; `writer.ts` turns merged items into Word paragraphs (revisions or formatting)
 * - `content.ts`         both versions as merged item streams (introduction, units, annexes)
 * - `units.ts`, `ir.ts`  a unit's layout as the renderer writes it, as slots of pieces and paragraph marks
 * - `merge.ts`           merging two renderings of a part along the Changeset's word diff
 * - `sequence.ts`        the redline's order of units (moved ones deleted and inserted)
 * - `observations.ts`    registers: reading, choosing, resolving targets
 * - `report.ts`          the report (model, Markdown, Word)
 */
export { synopticDocx, type SynopticDocument } from './synoptic-docx.js';
export { synopticHtml } from './synoptic-html.js';
export { buildSynoptic, type Synoptic, type SynopticOptions, type SynopticRow } from './synoptic.js';
export { redlineDocx, type Redline, type RedlineOptions } from './redline.js';
export { readRegisters, registersFor, resolveObservations, type LoadedRegister, type PlacedObservation, type RegisterSource, type VersionLookup } from './observations.js';
export { buildReport, reportDocx, reportMarkdown, type ObservationReport } from './report.js';
export type { MarkingStats } from './writer.js';
