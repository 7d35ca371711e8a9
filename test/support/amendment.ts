/**
 * A realistic amendment of a published standard (Standardul 1 of the bundled 2016-04 version), as an amending act
 * makes it: the statement slightly reworded, the expected results kept, a new requirement inserted as S1.1 (so the
 * old S1.1 becomes S1.2 and every later one moves up by one), and in the old S1.1 one sentence repealed, an inline
 * list turned into a lettered enumeration a)–e), a clause added, an indicator added and a cross-reference added.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

export const AMENDMENT_FROM = fs.readFileSync(path.join(ROOT, 'standards', 'vtp', '2016-04.md'), 'utf8');

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`the amendment scenario expects one "${from.slice(0, 40)}…"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const OLD_S1_1 = `### S1.1

Centrul dispune de un ghid al beneficiarului care prezintă serviciile oferite, criteriile de admitere, drepturile și obligațiile beneficiarilor și regulile de funcționare. Ghidul se revizuiește ori de câte ori intervin modificări, dar cel puțin o dată pe an. Un exemplar al ghidului se înmânează fiecărui beneficiar la admitere.

**Indicatori:**

- Ghidul beneficiarului, aprobat de coordonatorul centrului, cu data ultimei revizuiri.
`;

const NEW_S1_1_AND_S1_2 = `### S1.1

Centrul desemnează o persoană responsabilă cu informarea publicului și a instituțiilor partenere, prin decizie a coordonatorului centrului.

**Indicatori:**

- Decizia de desemnare a persoanei responsabile cu informarea.
- Fișa postului persoanei desemnate.

### S1.2

Centrul dispune de un ghid al beneficiarului care prezintă:
a) serviciile oferite;
b) criteriile de admitere;
c) drepturile beneficiarilor;
d) obligațiile beneficiarilor;
e) regulile de funcționare.

Ghidul se revizuiește ori de câte ori intervin modificări, dar cel puțin o dată pe an, cu consultarea beneficiarilor, conform S5.2.

**Indicatori:**

- Ghidul beneficiarului, aprobat de coordonatorul centrului, cu data ultimei revizuiri.
- Lista beneficiarilor consultați la revizuirea ghidului.
`;

/** The amended text: Standardul 1 amended as described above, its later requirements renumbered (S1.2 → S1.3, …). */
export function amendedText(): string {
  let text = AMENDMENT_FROM;
  const start = text.indexOf('## Standardul 1. Informarea');
  const end = text.indexOf('## Standardul 2.');
  let standard = text.slice(start, end);
  // Later requirements first, from the last, so that each number is free when it is taken.
  for (let n = 6; n >= 2; n--) standard = replaceOnce(standard, `### S1.${n}`, `### S1.${n + 1}`);
  standard = replaceOnce(standard, OLD_S1_1, NEW_S1_1_AND_S1_2);
  standard = replaceOnce(
    standard,
    'Centrul informează victimele traficului de persoane, precum și instituțiile și organizațiile partenere, despre serviciile oferite',
    'Centrul informează victimele traficului de persoane, instituțiile și organizațiile partenere despre serviciile pe care le oferă',
  );
  text = text.slice(0, start) + standard + text.slice(end);
  // The reference to a renumbered requirement follows it, as `fmt --renumber` makes it.
  return replaceOnce(text, 'prevăzută la S1.4.', 'prevăzută la S1.5.');
}
