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
      .command('checklist')
      .description('the evaluation grid of a version: one row per indicator, with the assessment, evidence and notes to fill (Excel, Word or CSV)')
      .argument('<version>', 'a version name, a .md path, or git REV:path')
      .option('--set <set>', 'the set the version name belongs to')
      .option('-o, --output <file>', 'grid.xlsx (spreadsheet), grid.docx (paper) or grid.csv; without it, CSV on stdout')
      .addOption(new Option('--format <format>', 'the format on stdout (-o - or no -o); a file\'s comes from its extension').choices(['xlsx', 'docx', 'csv']))
      .option('--centre <name>', 'the service to be evaluated, written in the grid\'s header')
      .addHelpText('after', examples(['stdraft checklist 2007-11 -o grila.xlsx', "stdraft checklist 2007-11 --centre 'Centrul regional de asistență Iași' -o grila-iasi.xlsx", 'stdraft checklist 2016-04 -o grila.docx'])),
    () => import('./commands/checklist.js'),
  );
  define(
    program
      .command('evaluate')
      .description('read filled grids of several services, check them, score each service per module and standard, and write the report')
      .argument('<grids...>', 'filled grids (.xlsx or .csv) or folders holding them')
      .option('--version <version>', 'the version evaluated (default: the one the grids name)')
      .addOption(new Option('--evaluated-version <version>').hideHelp())
      .option('--set <set>', 'the set the version name belongs to')
      .option('-o, --output <file>', 'the report: OUT.docx, OUT.html or OUT.json (- for JSON on stdout); without it, a summary')
      .option('--centre <name>', 'the service of a single grid (default: the grid\'s header, else the file name)')
      .option('--observations <register>', 'add the requirements most services fail to this observation register (created if missing) as pending observations')
      .option('--by <text>', 'who the observations are by (default: the evaluation of the services)')
      .option('--partial-weight <n>', 'what a partial assessment counts, 0 to 1 (default 0.5, or evaluation.partial-weight in the config)')
      .option('--failing <share>', 'a requirement is failed by most when more than this share of services do not meet it (default 0.5)')
      .addHelpText('after', examples(['stdraft evaluate standards/vtp/evaluations/2015 -o out/evaluare-2015.docx', 'stdraft evaluate grila-iasi.xlsx grila-craiova.csv --version 2007-11 -o evaluare.html', 'stdraft evaluate standards/vtp/evaluations/2015 --observations out/observatii-evaluare.yaml'])),
    () => import('./commands/evaluate.js'),
  );
  define(
    program
      .command('site')
      .description('the static web site of a set for the public consultation: versions with stable anchors, synoptic tables, observations, the draft to download, search')
      .argument('[set]', 'the set (default: the only set, or default-set in the config)')
      .requiredOption('-o, --output <dir>', 'the folder to write (new, empty, or a site stdraft made before)')
      .option('--base-url <url>', 'the address the site is published at (canonical links and sitemap.xml)')
      .addHelpText('after', examples(['stdraft site -o out/site', 'stdraft site vtp -o public --base-url https://www.example.ro/standarde/'])),
    () => import('./commands/site.js'),
  );

  define(
    program
      .command('import')
      .description('bring a published text, a Word document, an HTML page or Markdown with published labels into the format')
      .argument('<file>', 'a .txt (as copied from a portal or pdftotext), .docx, .html or .md file')
      .option('-o, --output <file>', 'write the Markdown to FILE (- for stdout; default: stdout)')
      .option('--set <set>', 'with --as: the set to write the version into')
      .option('--as <version>', 'write standards/SET/VERSION.md in the workspace')
      .addOption(new Option('--from <format>', 'what the file is').choices(['auto', 'text', 'docx', 'html', 'md']).default('auto'))
      .option('--title <title>', 'the title (default: the annex title the text gives)')
      .option('--date <date>', 'the date, YYYY-MM-DD (default: the date of the order the text gives)')
      .addOption(new Option('--status <status>', 'the status').choices(['draft', 'consultation', 'final']))
      .addOption(new Option('--changes <which>', 'a Word document with tracked changes: the text with them (accept) or before them (reject)').choices(['accept', 'reject']))
      .option('--keep-case', 'keep titles written in capitals as they are (default: sentence case, abbreviations kept)')
      .option('--force', 'replace an existing output file')
      .addHelpText('after', examples(['stdraft import ordin-29-2019-anexa-7.txt -o draft.md', 'stdraft import proiect.docx --changes accept --set vtp --as 2019-02 --status draft', 'stdraft import pagina-ordinului.html --title "Standarde minime de calitate …" > draft.md'])),
    () => import('./commands/import.js'),
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

  // `evaluate --version V` names the version evaluated, but the program's own -V/--version would take the
  // option first wherever it stands: after `evaluate`, it is passed on under a name of its own.
  const evaluateAt = argv.findIndex((a, i) => a === 'evaluate' && argv[i - 1] !== '--cwd');
  if (evaluateAt >= 0) {
    argv = argv.map((a, i) => (i > evaluateAt && (a === '--version' || a.startsWith('--version=')) ? a.replace('--version', '--evaluated-version') : a));
  }

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
