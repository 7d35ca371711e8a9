/** The text of the git pre-commit hook that validates staged standards versions and registers. */

export const HOOK_MARKER = 'stdraft pre-commit hook';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A POSIX shell hook; `node` and `bin` are where stdraft ran from when it was installed (PATH is the fallback). */
export function preCommitHook(where: { node: string; bin: string }): string {
  return `#!/bin/sh
# ${HOOK_MARKER}: installed by \`stdraft hook install\`, removed by \`stdraft hook uninstall\`.
# Validates the staged standards versions (standards/<set>/*.md) and observation registers
# (standards/<set>/comments/*.yaml) in the work tree and blocks the commit on errors.
# Bypass it once with: git commit --no-verify
# -z: names as they are (without it git quotes non-ASCII names such as 2016-06-revizuită.md).
files=$(git diff --cached --name-only -z --diff-filter=ACMR | tr '\\000' '\\n' | grep -E '(^|/)standards/[^/]+/([^/]+\\.md|comments/[^/]+\\.ya?ml)$')
[ -n "$files" ] || exit 0
set --
while IFS= read -r file; do set -- "$@" "$file"; done <<STAGED
$files
STAGED
node=${quote(where.node)}
bin=${quote(where.bin)}
if [ -x "$node" ] && [ -f "$bin" ]; then
  "$node" "$bin" validate "$@"
elif command -v stdraft >/dev/null 2>&1; then
  stdraft validate "$@"
else
  echo "stdraft pre-commit hook: stdraft not found; reinstall the hook with stdraft hook install" >&2
  exit 1
fi
status=$?
if [ "$status" -ne 0 ]; then
  echo "stdraft: commit blocked: fix the findings above (or bypass once with git commit --no-verify)" >&2
  exit 1
fi
`;
}
