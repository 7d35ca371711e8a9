/**
 * The command-line program. Every command is registered here with its options and help; its module is
 * loaded only when it runs, so `stdraft --version` stays cheap. Commands return an exit code; errors are
 * mapped to codes in exit.ts; only bin/ sets process.exitCode.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { processIo, type Context, type Io } from './context.js';
import { EXIT_ERROR, reportError } from './exit.js';
import { VERSION } from './version.js';

/** A command's entry point; each command types its own options. */
type Runner = (ctx: Context, args: unknown[], options: never) => Promise<number> | number;
type Loader = () => Promise<{ run: Runner }>;


function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** --color / --no-color decide over NO_COLOR and FORCE_COLOR (commander gives true, false, or undefined when neither is given). */
function withColorChoice(io: Io, color: boolean | undefined): Io {
  if (color === undefined) return io;
  const { NO_COLOR: _no, FORCE_COLOR: _force, ...env } = io.env;
  return { ...io, env: color ? { ...env, FORCE_COLOR: '1' } : { ...env, NO_COLOR: '1' } };
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('stdraft')
    .description('Draft, validate, compare and publish minimum quality standards written as versioned Markdown.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--cwd <dir>', 'run as if started in DIR (the workspace is found from there)')
    .option('-q, --quiet', 'no progress or hints on stderr, no "wrote …" or "created …" lines')
    .option('--color', 'colour the output even when it is not a terminal (as FORCE_COLOR=1)')
    .option('--no-color', 'never colour the output (as NO_COLOR=1)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`stdraft: ${s.trim().replace(/^error: /, '')} (run stdraft --help for usage)\n`),
    });

  const define = (command: Command, load: Loader) => {
    command.action(async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const options = cmd.opts();
      const globals = program.opts<{ cwd?: string; quiet?: boolean; color?: boolean }>();
      const ctx: Context = { io: withColorChoice(io, globals.color), cwd: path.resolve(globals.cwd ?? process.cwd()), quiet: Boolean(globals.quiet), program, command: cmd.name() };
      const { run } = await load();
      exitCode = await run(ctx, args.slice(0, -2), options as never);
    });
    return command;
  };

  define(
    program
      .command('validate')
      .description('check versions and observation registers against the format: structure, numbering, references, metadata, typography')
      .argument('[paths...]', 'files, folders, quoted globs, version names, or - for standard input (default: every version and register of the workspace)')
      .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
      .option('--strict', 'treat warnings as errors')
      .option('--fix', 'apply safe fixes (comma-below diacritics, composed Unicode, doubled spaces, renumbering) and report them')
      .option('--dry-run', 'with --fix: print what would change (a unified diff) and write nothing; exit 1 if something would')
      .option('--set <set>', 'the set version names (and, with no paths, the files) belong to')
      .option('--stdin-filename <path>', 'with "-": the path the text on standard input stands for (messages, workspace, set)')
      .addHelpText('after', examples(['stdraft validate', 'stdraft validate standards/vtp/2015-09.md', 'stdraft validate 2016-02 --format json', 'stdraft validate --format sarif > stdraft.sarif', 'stdraft validate --fix standards/vtp/2015-09.md'])),
    () => import('./commands/validate.js'),
  );
  define(
    program
      .command('fmt')
      .description('print versions in canonical Markdown, check that they are, or rewrite them')
      .argument('[paths...]', 'files, folders, quoted globs, or - for standard input (default: the workspace standards/)')
      .option('--check', 'list the files that are not canonical; exit 1 if any')
      .option('--write', 'rewrite the files that are not canonical (atomically)')
      .option('--renumber', 'renumber modules, standards and requirements consecutively and update cross-references')
      .option('--dry-run', 'with --write or --renumber: print what would change (a unified diff) and write nothing; exit 1 if something would')
      .option('--stdin-filename <path>', 'with "-": the path the text on standard input stands for (messages, workspace)')
      .addHelpText('after', examples(['stdraft fmt --check', 'stdraft fmt --write standards/vtp/2016-02.md', 'stdraft fmt standards/vtp/2016-02.md --renumber > renumbered.md'])),
    () => import('./commands/fmt.js'),
  );
  define(
    program
      .command('versions')
      .description('list the versions of a set with their date, status, workshop and counts')
      .argument('[set]', 'the set (default: the only set, or default-set in the config)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addHelpText('after', examples(['stdraft versions', 'stdraft versions vtp --format json'])),
    () => import('./commands/versions.js'),
  );
  define(
    program
      .command('diff')
      .description('structure-aware differences between two versions (requirements added, removed, modified, renumbered)')
      .argument('<from>', 'a version name, a .md path, git REV:path, or - for standard input')
      .argument('<to>', 'a version name, a .md path, git REV:path, or - for standard input')
      .option('--set <set>', 'the set the version names belong to')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
      .option('--exit-code', 'exit 1 when the versions differ')
      .option('--stdin-filename <path>', 'with "-" as FROM or TO: the path the text on standard input stands for')
      .option('-o, --output <file>', 'write to FILE atomically instead of stdout (- for stdout)')
      .addHelpText('after', examples(['stdraft diff 2015-09 2016-02', 'stdraft diff 2016-02 2016-04 --format markdown -o changes.md', 'stdraft diff HEAD~1:standards/vtp/2016-04.md 2016-04 --exit-code'])),
    () => import('./commands/diff.js'),
  );
  define(
    program
      .command('refs')
      .description('every place in a version that cites a unit (file:line and the sentence), before changing or repealing it')
      .argument('<unit>', 'a requirement (S4.5), a standard (Standardul 4) or a module (Modulul II)')
      .argument('[version]', 'a version name, a .md path, or git REV:path (default: the latest version of the set)')
      .option('--set <set>', 'the set the version belongs to')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addHelpText('after', examples(['stdraft refs S4.5', "stdraft refs 'Standardul 4' 2016-02", 'stdraft refs S4.5 standards/vtp/2016-04.md --format json'])),
    () => import('./commands/refs.js'),
  );
  define(
    program
      .command('compare')
      .description('comparison draft in Word: a synoptic table with the observations, or a redline with tracked changes')
      .argument('<from>', 'a version name, a .md path, or git REV:path')
      .argument('<to>', 'a version name, a .md path, or git REV:path')
      .option('--set <set>', 'the set the version names belong to')
      .addOption(new Option('--layout <layout>', 'synoptic table or tracked-changes redline').choices(['synoptic', 'redline']).default('synoptic'))
      .option('--comments <files...>', 'observation registers (default: the set registers whose from/to match)')
      .option('--full', 'one row per unit, also for unchanged ones')
      .option('--author <name>', 'author of the tracked changes (default: config author)')
      .addOption(new Option('--format <format>', 'output format').choices(['docx', 'html']).default('docx'))
      .requiredOption('-o, --output <file>', 'the file to write (- for stdout)')
      .addHelpText('after', examples(['stdraft compare 2015-09 2016-02 --layout synoptic -o out/synoptic.docx', 'stdraft compare 2015-09 2016-02 --layout redline -o out/redline.docx', 'stdraft compare 2015-09 2016-02 --format html -o out/synoptic.html'])),
    () => import('./commands/compare.js'),
  );
  define(
    program
      .command('render')
      .description('the consultation draft in Word: the draft order with the standards as its annex, marked PROIECT, line-numbered')
      .argument('<version>', 'a version name, a .md path, or git REV:path')
      .option('--set <set>', 'the set the version name belongs to')
      .option('--template <name|dir>', 'template name or folder', 'consultation')
      .requiredOption('-o, --output <file>', 'the .docx file to write (- for stdout)')
      .addHelpText('after', examples(['stdraft render 2016-02 -o out/proiect-2016-02.docx'])),
    () => import('./commands/render.js'),
  );
  define(
    program
      .command('export')
      .description('the final order in Word, refused unless the version is final, valid and has no pending observation')
      .argument('<version>', 'a version name, a .md path, or git REV:path')
      .option('--set <set>', 'the set the version name belongs to')
      .option('--template <name|dir>', 'template name or folder', 'final')
      .requiredOption('-o, --output <file>', 'the .docx file to write (- for stdout)')
      .addHelpText('after', examples(['stdraft export 2016-04 -o out/ordin-2016-04.docx'])),
    () => import('./commands/export.js'),
  );
  define(
    program
      .command('report')
      .description('the report on the observations received (Legea nr. 52/2003): counts per decision and organisation, then each observation')
      .argument('<register>', 'an observation register (comments/*.yaml)')
      .addOption(new Option('--format <format>', 'output format').choices(['docx', 'md']).default('docx'))
      .option('-o, --output <file>', 'the file to write (- for stdout)')
      .addHelpText('after', examples(['stdraft report standards/vtp/comments/2015-09-workshop.yaml -o out/report.docx', 'stdraft report standards/vtp/comments/2016-02-workshop.yaml --format md'])),
    () => import('./commands/report.js'),
  );

  define(
    program
      .command('init')
      .description('create a new workspace: a first version skeleton, config, editable templates, .gitignore, README')
      .argument('[dir]', 'the folder to create the workspace in (default: the current folder)')
      .addOption(new Option('--lang <lang>', 'language of the standards').choices(['ro', 'en']).default('ro'))
      .option('--set <name>', 'the name of the first standards set', 'standarde')
      .addHelpText('after', examples(['stdraft init centre-copii', 'stdraft init --lang en --set vtp'])),
    () => import('./commands/init.js'),
  );
  const version = program.command('version').description('versions of a set: start the next revision round');
  define(
    version
      .command('new')
      .description('copy a version to the next one (supersedes, today\'s date, status draft) and open an empty observation register')
      .argument('<set>', 'the standards set')
      .requiredOption('--as <version>', 'the new version name, later than every existing one (e.g. 2016-06)')
      .option('--from <version>', 'the version to start from (default: the latest)')
      .option('--workshop <text>', 'the meeting the new version will be presented at')
      .addHelpText('after', examples(["stdraft version new vtp --as 2016-06 --workshop 'Atelierul de lucru din iunie 2016'"])),
    () => import('./commands/version-new.js'),
  );
  const hook = program.command('hook').description('a git pre-commit hook that validates staged standards and registers');
  define(
    hook
      .command('install')
      .description('install the pre-commit hook (bypass it once with git commit --no-verify)')
      .option('--force', 'replace a pre-commit hook that stdraft did not install')
      .addHelpText('after', examples(['stdraft hook install', 'git add standards/vtp/2016-04.md && git commit -m "Revizia din aprilie 2016"   # validated by the hook'])),
    () => import('./commands/hook.js'),
  );
  define(
    hook.command('uninstall').description('remove the pre-commit hook installed by stdraft').addHelpText('after', examples(['stdraft hook uninstall'])),
    () => import('./commands/hook.js'),
  );
  define(
    program
      .command('completion')
      .description('print a shell completion script (commands, options, set and version names)')
      .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
      .addHelpText('after', examples(['stdraft completion bash > ~/.local/share/bash-completion/completions/stdraft', 'stdraft completion zsh > "${fpath[1]}/_stdraft"', 'stdraft completion fish > ~/.config/fish/completions/stdraft.fish'])),
    () => import('./commands/completion.js'),
  );
  define(
    program.command('__complete', { hidden: true }).argument('<what>', 'sets | versions').argument('[set]'),
    () => import('./commands/completion.js').then((m) => ({ run: m.runComplete })),
  );

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    return reportError(error, io);
  }
  return exitCode;
}
