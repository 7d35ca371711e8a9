/** Running render/export in-process into a temporary folder and reading the result. */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

export interface Produced {
  code: number;
  stdout: string;
  stderr: string;
  /** The .docx written, or null when none was. */
  bytes: Uint8Array | null;
  file: string;
}

/** `stdraft COMMAND …args -o TMP/out.docx` run in `cwd`. */
export async function produce(command: 'render' | 'export', args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Produced> {
  const file = path.join(tempDir(), 'out.docx');
  const result = await runCli([command, ...args, '-o', file], { cwd, env });
  return { ...result, file, bytes: fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null };
}

/** A minimal workspace config with every value the bundled templates need. */
export const DEMO_CONFIG = `short-title: Standarde de test
consultation:
  address: Str. Exemplului nr. 1, București
  email: consultare@example.org
  contact:
    name: Ioana Popescu
    phone: '021 000 00 00'
    email: ioana@example.org
order:
  signatory:
    function: ministrul muncii
    name: Ion Popescu
  place: București
  initiator: Agenția de test
  memo:
    kind: referat de aprobare
    number: '12'
    date: '2015-09-20'
    signatory: { function: directorul agenției, name: Ana Ionescu }
    reasons: Standardele în vigoare nu au indicatori.
    solution: Se aprobă standarde cu indicatori.
    impact: Proiectul nu are impact bugetar.
  basis:
    - art. 1 din Legea nr. 1/2000
`;

/** A version file with the given body under a standard front matter. */
export function versionFile(body: string, front: Record<string, string> = {}): string {
  const meta = {
    title: 'Standarde minime de calitate de test',
    version: "'2015-09'",
    date: "'2015-09-22'",
    status: 'draft',
    lang: 'ro',
    issuer: 'Agenția de test',
    ...front,
  };
  const yaml = Object.entries(meta)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\nlegal-basis:\n  - Legea nr. 1/2000 privind testele\n---\n\n${body.trim()}\n`;
}
