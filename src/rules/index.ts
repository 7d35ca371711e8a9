/**
 * The rule registry: every rule of `stdraft validate`, in the order their findings are explained in
 * docs/rules/README.md. A rule's id is stable: configuration and suppression comments name it.
 */
import { frontMatter } from './front-matter.js';
import { labelForm } from './label-form.js';
import { legalTechnique } from './legal-technique.js';
import { numbering } from './numbering.js';
import { references } from './references.js';
import { register } from './register.js';
import { structure } from './structure.js';
import { typographyCedilla } from './typography-cedilla.js';
import { typographyDiacritics } from './typography-diacritics.js';
import { typographyEncoding } from './typography-encoding.js';
import { typographyNfc } from './typography-nfc.js';
import { typographyQuotes } from './typography-quotes.js';
import { typographySpaces } from './typography-spaces.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  frontMatter,
  structure,
  numbering,
  labelForm,
  references,
  typographyCedilla,
  typographyDiacritics,
  typographyEncoding,
  typographyNfc,
  typographySpaces,
  typographyQuotes,
  legalTechnique,
  register,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule, DocumentRule, RegisterRule, RuleContext, ReportDescriptor, TextEdit, DocumentFix } from './types.js';
