/** What `stdraft init` writes: a first version skeleton, the config, .gitignore and a README for the team. */
import type { Lang } from '../model/types.js';

export interface InitFiles {
  [relativePath: string]: string;
}

export function initFiles(options: { lang: Lang; set: string; version: string; date: string }): InitFiles {
  const { lang, set, version, date } = options;
  return {
    [`standards/${set}/${version}.md`]: lang === 'en' ? skeletonEn(version, date) : skeletonRo(version, date),
    'stdraft.config.yaml': configText(set),
    '.gitignore': 'out/\nnode_modules/\n',
    'README.md': readme(set, version),
  };
}

function skeletonRo(version: string, date: string): string {
  return `---
title: Standarde minime de calitate pentru … (titlul complet al standardelor)
version: '${version}'
date: '${date}'
status: draft
lang: ro
issuer: … (autoritatea emitentă)
legal-basis:
  - … (actul normativ în temeiul căruia se aprobă standardele)
note: Schiță de lucru. Înlocuiți textele marcate cu … înainte de consultare.
---

Prezentele standarde se aplică … (domeniul de aplicare).

# Modulul I. Accesarea serviciului

## Standardul 1. Informarea

Furnizorul de servicii informează potențialii beneficiari despre serviciile oferite.

**Rezultate așteptate:** Beneficiarii cunosc serviciile și condițiile de acordare a acestora.

### S1.1

Furnizorul dispune de un ghid al beneficiarului, actualizat anual.

**Indicatori:**

- Ghidul beneficiarului, aprobat și disponibil la sediul furnizorului.
`;
}

function skeletonEn(version: string, date: string): string {
  return `---
title: Minimum quality standards for … (the full title)
version: '${version}'
date: '${date}'
status: draft
lang: en
issuer: … (the issuing authority)
legal-basis:
  - … (the act the standards are approved under)
note: Working draft. Replace the texts marked … before the consultation.
---

These standards apply to … (scope).

# Module I. Access to the service

## Standard 1. Information

The provider informs potential beneficiaries about the services it offers.

**Expected results:** Beneficiaries know the services and the conditions for receiving them.

### S1.1

The provider has a beneficiary guide, updated every year.

**Indicators:**

- The beneficiary guide, approved and available at the provider's premises.
`;
}

function configText(set: string): string {
  return `# stdraft workspace configuration. Replace the values marked … before rendering for a consultation.

# The set commands use when none is named (needed once there are several sets).
default-set: ${set}

# Author of the tracked changes in redlines (stdraft compare --layout redline).
# author: Atelierul de lucru, februarie 2016

# Version names: YYYY-MM or YYYY-MM-DD (they sort by name). Another scheme, as a regular expression:
# version-pattern: '^\\d{4}-\\d{2}(-[a-z]+)?$'

# Severity of validation rules: off, warning or error (the rules: stdraft validate --help, docs/rules/).
# rules:
#   typography-quotes: off
#   legal-technique: error

# Evaluating services (stdraft evaluate, docs/evaluation.md): what a "parțial" assessment counts, and the share of
# services above which a requirement counts as failed by most (and becomes a draft observation).
# evaluation:
#   partial-weight: 0.5
#   failing-share: 0.5

# Values the templates use (templates/<name>/*.md.hbs read them as config.<key>; docs/templates.md).
# A short title for page headers:
short-title: Standarde minime (titlu scurt)

# The public consultation (Legea nr. 52/2003): when the draft is posted, where and how recommendations are
# sent, and a contact. consultation.posted is the date the announcement is posted (YYYY-MM-DD), one for the
# workspace or one per version (posted: { '2016-02': '2016-02-22' }); a version in consultation needs it.
consultation:
  # posted: 'YYYY-MM-DD'
  address: … (adresa pentru propuneri transmise prin poștă)
  email: consultare@example.org
  website: www.example.org
  contact:
    name: … (persoana de contact)
    phone: …
    email: contact@example.org

# The order. The issuing authority is the front matter's issuer (for minimum quality standards, the ministry
# of labour: Legea nr. 197/2012); the signatory signs it; the initiator drafted the standards and writes the
# approval memo, which the preamble cites first. export refuses a value still marked … or ___.
order:
  signatory:
    function: … (funcția, de exemplu ministrul muncii și solidarității sociale)
    name: … (numele și prenumele)
  place: București
  initiator: … (instituția care a elaborat standardele)
  memo:
    kind: referat de aprobare          # or: notă de fundamentare
    # number: …                        # the memo's registration number and date (blank in the draft until set)
    # date: 'YYYY-MM-DD'
    signatory:
      function: … (conducătorul instituției inițiatoare)
      name: …
    reasons: … (motivul emiterii actului)
    solution: … (soluția propusă)
    impact: … (impactul)
  # "în temeiul:": the provisions that empower the issuer, one item each.
  basis:
    - art. … din … (temeiul legal al ordinului)
`;
}

function readme(set: string, version: string): string {
  return `# Standarde de calitate — spațiul de lucru

Acest depozit conține standardele minime de calitate redactate cu stdraft.

- \`standards/${set}/${version}.md\` — prima versiune (de completat);
- \`standards/${set}/comments/\` — registrele de observații primite la ateliere și în consultare;
- \`templates/\` — șabloanele documentelor Word (proiectul de ordin, ordinul final), care se pot adapta;
- \`stdraft.config.yaml\` — configurarea (persoana de contact, regulile de validare).

Pașii obișnuiți:

\`\`\`sh
stdraft validate                     # verifică structura, numerotarea, trimiterile, diacriticele
stdraft fmt --write                  # aduce textul la forma canonică
stdraft version new ${set} --as AAAA-LL   # începe o nouă rundă de revizuire
stdraft diff VECHE NOUĂ              # ce s-a schimbat între două versiuni
stdraft render VERSIUNE -o out/proiect.docx   # proiectul de ordin pentru consultare
\`\`\`
`;
}
