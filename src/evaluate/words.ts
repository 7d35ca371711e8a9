/** The words of the evaluation report, per language of the standards. */
import type { Lang } from '../model/types.js';
import type { RequirementStatus } from './aggregate.js';

export interface EvaluationWords {
  reportTitle: string;
  chartTitle: string;
  heatTitle: string;
  moduleLabel: string;
  standardLabel: string;
  status: Record<RequirementStatus, string>;
  facts: { standards: string; version: string; fingerprint: string; services: string; partial: string; generated: string };
  sections: { summary: string; charts: string; heat: string; services: string; modules: string; requirements: string; failing: string; allRequirements: string; findings: string; noFindings: string };
  columns: { service: string; file: string; date: string; score: string; applicable: string; unmet: string; notAssessed: string; requirement: string; met: string; notMet: string; notes: string; cell: string; severity: string; message: string; module: string };
  failingIntro: (share: number) => string;
}

const RO: EvaluationWords = {
  reportTitle: 'Raportul de evaluare a serviciilor',
  chartTitle: 'Scorul pe module, pentru fiecare serviciu',
  heatTitle: 'Cerințe × servicii',
  moduleLabel: 'Modulul',
  standardLabel: 'Standardul',
  status: { met: 'îndeplinit', partial: 'parțial', 'not-met': 'neîndeplinit', 'not-applicable': 'nu se aplică', 'not-assessed': 'neevaluat' },
  facts: { standards: 'Standardele', version: 'Versiunea', fingerprint: 'Amprenta cerințelor', services: 'Servicii evaluate', partial: 'O evaluare „parțial” contează', generated: 'Grile citite' },
  sections: {
    summary: 'Rezumat',
    charts: 'Scorul pe module',
    heat: 'Harta cerințelor',
    services: 'Scorul fiecărui serviciu',
    modules: 'Scorul pe module',
    requirements: 'Cerințele neîndeplinite de cele mai multe servicii',
    failing: 'Cerințe neîndeplinite, pe servicii',
    allRequirements: 'Fiecare cerință: câte servicii o îndeplinesc',
    findings: 'Probleme găsite în grile',
    noFindings: 'Grilele nu au probleme.',
  },
  columns: {
    service: 'Serviciul',
    file: 'Grila',
    date: 'Data',
    score: 'Scor',
    applicable: 'Indicatori aplicabili evaluați',
    unmet: 'Cerințe neîndeplinite',
    notAssessed: 'Indicatori neevaluați',
    requirement: 'Cerința',
    met: 'Îndeplinită de',
    notMet: 'Neîndeplinită (sau parțial) de',
    notes: 'Observațiile evaluatorilor',
    cell: 'Celula',
    severity: 'Gravitate',
    message: 'Problema',
    module: 'Modulul',
  },
  failingIntro: (share) => `Cerințele pe care mai mult de ${Math.round(share * 100)}% dintre serviciile evaluate nu le îndeplinesc (integral).`,
};

const EN: EvaluationWords = {
  reportTitle: 'Evaluation report of the services',
  chartTitle: 'Score per module, for each service',
  heatTitle: 'Requirements × services',
  moduleLabel: 'Module',
  standardLabel: 'Standard',
  status: { met: 'met', partial: 'partly met', 'not-met': 'not met', 'not-applicable': 'not applicable', 'not-assessed': 'not assessed' },
  facts: { standards: 'Standards', version: 'Version', fingerprint: 'Fingerprint of the requirements', services: 'Services evaluated', partial: 'A "partly met" counts', generated: 'Grids read' },
  sections: {
    summary: 'Summary',
    charts: 'Score per module',
    heat: 'Requirements map',
    services: 'Score of each service',
    modules: 'Score per module',
    requirements: 'Requirements most services do not meet',
    failing: 'Unmet requirements, per service',
    allRequirements: 'Each requirement: how many services meet it',
    findings: 'Problems found in the grids',
    noFindings: 'The grids have no problems.',
  },
  columns: {
    service: 'Service',
    file: 'Grid',
    date: 'Date',
    score: 'Score',
    applicable: 'Applicable indicators assessed',
    unmet: 'Unmet requirements',
    notAssessed: 'Indicators not assessed',
    requirement: 'Requirement',
    met: 'Met by',
    notMet: 'Not (fully) met by',
    notes: 'Evaluators\u2019 notes',
    cell: 'Cell',
    severity: 'Severity',
    message: 'Problem',
    module: 'Module',
  },
  failingIntro: (share) => `Requirements that more than ${Math.round(share * 100)}% of the services evaluated do not (fully) meet.`,
};

export function evaluationWords(lang: Lang): EvaluationWords {
  return lang === 'en' ? EN : RO;
}
