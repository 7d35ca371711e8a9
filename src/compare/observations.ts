/**
 * Observation registers for the comparison documents and the report: reading them (the first problem of a
 * register is a one-line error naming its file and line), choosing the registers of a FROM → TO comparison,
 * and resolving every target to the unit it names, in the register's `from` version or in the version a
 * target names explicitly (`2016-02:S4.2`). Pure: versions are given through a lookup.
 */
import { StdraftError } from '../errors.js';
import { parseRegister, parseTarget, resolveUnit, unitLabel, type Observation, type Register, type ResolvedUnit, type Target } from '../comments/index.js';
import type { Module, Requirement, Standard, StandardsDoc } from '../model/types.js';

export interface RegisterSource {
  /** The file as messages name it. */
  file: string;
  text: string;
}

export interface LoadedRegister {
  file: string;
  register: Register;
}

/** Reads registers; a register with a problem (YAML, schema, duplicate id) is an input error naming file and line. */
export function readRegisters(sources: readonly RegisterSource[]): LoadedRegister[] {
  return sources.map(({ file, text }) => {
    const { register, problems } = parseRegister(text, file);
    const first = problems[0];
    if (first) {
      throw new StdraftError('input', first.message, {
        file,
        line: first.span.start.line,
        hint: problems.length > 1 ? `and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}; stdraft validate lists them` : 'stdraft validate checks registers',
      });
    }
    return { file, register };
  });
}

/**
 * The registers that belong to a comparison: those on FROM (`from`) that TO answers (`to`), or that no
 * version answers yet (`to` absent).
 */
export function registersFor(registers: readonly LoadedRegister[], from: string, to: string): LoadedRegister[] {
  return registers.filter(({ register }) => register.from === from && (register.to === null || register.to === to));
}

export interface PlacedObservation {
  file: string;
  register: Register;
  observation: Observation;
  /** The version the target is read in: the register's `from`, or the one the target names. */
  version: string;
  target: Target;
  resolved: ResolvedUnit;
  /** The module, standard or requirement the observation is about (an indicator's requirement). */
  unit: Module | Standard | Requirement;
  /** The target in canonical spelling: `S3.1`, `Im2S3.1`, `Standardul 3`, `Modulul II`. */
  label: string;
}

/** A version of the set by name, or null when the set has none by that name. */
export type VersionLookup = (name: string) => StandardsDoc | null;

/**
 * Every observation with the unit its target names. An unreadable target, a version the set does not have
 * and a unit the version does not have are input errors naming the observation id, the file and the line.
 */
export function resolveObservations(registers: readonly LoadedRegister[], lookup: VersionLookup, versionNames: readonly string[] = []): PlacedObservation[] {
  const out: PlacedObservation[] = [];
  for (const { file, register } of registers) {
    for (const observation of register.comments) {
      const line = observation.fields['target']?.start.line ?? observation.span.start.line;
      const fail = (message: string, hint?: string, at = line) => new StdraftError('input', `observation ${observation.id}: ${message}`, { file, line: at, ...(hint ? { hint } : {}) });
      const target = parseTarget(observation.target);
      if (!target) {
        throw fail(`Expected a target such as S3.1, Im2S3.1, Standardul 3, Modulul II or 2016-02:S3.1, found "${observation.target}"`, 'fix the target');
      }
      const version = target.version ?? register.from;
      const doc = lookup(version);
      if (!doc) {
        const known = versionNames.length > 0 ? `versions: ${versionNames.join(', ')}` : 'name a version of the set';
        if (target.version) throw fail(`Expected a version of the set in the target "${observation.target}", found "${version}"`, known);
        throw fail(`Expected the register's version "${version}" (its from) in the set, found none`, known, register.fields['from']?.start.line ?? 1);
      }
      const resolved = resolveUnit(doc, target.unit);
      const label = unitLabel(target.unit, doc.lang);
      if (!resolved) {
        throw fail(`Expected ${label} in version ${version}, found no such ${target.unit.kind}`, 'fix the target (stdraft validate checks every register)');
      }
      const unit = resolved.kind === 'indicator' ? resolved.requirement : resolved.node;
      out.push({ file, register, observation, version, target, resolved, unit, label });
    }
  }
  return out;
}
