/**
 * The files of a workspace that no output may replace: the config, the versions of a set, its observation
 * registers and every file of its templates (whatever their names). Outputs (`-o`) are checked against them.
 */
import path from 'node:path';
import { CONFIG_FILE, STANDARDS_DIR, findWorkspaceRoot } from './index.js';

export interface WorkspaceRole {
  kind: 'config' | 'template' | 'version' | 'register';
  /** "the workspace config", "a version of the set vtp", … */
  description: string;
}

/** What `file` (an absolute real path, existing or not) is to the workspace that holds it, or null when it is none of its own files. */
export function workspaceRole(file: string): WorkspaceRole | null {
  const root = findWorkspaceRoot(path.dirname(file));
  if (!root) return null;
  const parts = path.relative(root, file).split(path.sep);
  if (parts.length === 1 && parts[0] === CONFIG_FILE) return { kind: 'config', description: 'the workspace config' };
  if (parts[0] === 'templates' && parts.length >= 2) return { kind: 'template', description: 'a file of the template folder' };
  if (parts[0] !== STANDARDS_DIR) return null;
  if (parts.length === 3 && /\.md$/i.test(parts[2]!)) return { kind: 'version', description: `a version of the set ${parts[1]!}` };
  if (parts.length === 4 && parts[2] === 'comments' && /\.ya?ml$/i.test(parts[3]!)) return { kind: 'register', description: `an observation register of the set ${parts[1]!}` };
  return null;
}
