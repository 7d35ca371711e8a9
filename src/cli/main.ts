/**
 * The command-line program. Every command is registered here with its options and help; its module is
 * loaded only when it runs, so `stdraft --version` stays cheap. Commands return an exit code; errors are
 * mapped to codes in exit.ts; only bin/ sets process.exitCode.
 */
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { processIo, type Context, type Io } from './context.js';
import { EXIT_ERROR, reportError } from './exit.js';
import { usageError } from '../errors.js';
import { VERSION } from './version.js';

type Runner = (ctx: Context, args: unknown[], options: Record<string, unknown>) => Promise<number> | number;
type Loader = () => Promise<{ run: Runner }>;

const NOT_IMPLEMENTED: Loader = async () => ({
  run: () => {
    throw usageError('this command is not implemented yet', 'see the README for the commands available now');
  },
});

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('stdraft')
    .description('Draft, validate, compare and publish minimum quality standards written as versioned Markdown.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--cwd <dir>', 'run as if started in DIR (the workspace is found from there)')
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
      const globals = program.opts<{ cwd?: string }>();
      const ctx: Context = { io, cwd: path.resolve(globals.cwd ?? process.cwd()) };
      const { run } = await load();
      exitCode = await run(ctx, args.slice(0, -2), options);
    });
    return command;
  };

  define(
    program
      .command('validate')
      .description('check versions and observation registers against the format: structure, numbering, references, metadata, typography')
      .argument('[paths...]', 'files or folders (default: every version and register of the workspace)')
      .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
      .option('--strict', 'treat warnings as errors')
      .option('--fix', 'apply safe fixes (comma-below diacritics, renumbering) and report them')
      .addHelpText('after', examples(['stdraft validate', 'stdraft validate standards/vtp/2015-09.md', 'stdraft validate --format json'])),
    NOT_IMPLEMENTED,
  );
  define(
    program
      .command('fmt')
      .description('print versions in canonical Markdown, check that they are, or rewrite them')
      .argument('[paths...]', 'files or folders (default: the workspace standards/)')
      .option('--check', 'list the files that are not canonical; exit 1 if any')
      .option('--write', 'rewrite the files that are not canonical (atomically)')
      .option('--renumber', 'renumber modules, standards and requirements consecutively and update cross-references')
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
      .argument('<from>', 'a version name, a .md path, or git REV:path')
      .argument('<to>', 'a version name, a .md path, or git REV:path')
      .option('--set <set>', 'the set the version names belong to')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
      .option('--exit-code', 'exit 1 when the versions differ')
      .addHelpText('after', examples(['stdraft diff 2015-09 2016-02', 'stdraft diff 2016-02 2016-04 --format markdown > changes.md', 'stdraft diff HEAD~1:standards/vtp/2016-04.md 2016-04'])),
    NOT_IMPLEMENTED,
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
      .addHelpText('after', examples(['stdraft compare 2015-09 2016-02 --layout synoptic -o out/synoptic.docx', 'stdraft compare 2015-09 2016-02 --layout redline -o out/redline.docx'])),
    NOT_IMPLEMENTED,
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
    NOT_IMPLEMENTED,
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
    NOT_IMPLEMENTED,
  );
  define(
    program
      .command('report')
      .description('the report on the observations received (Legea nr. 52/2003): counts per decision and organisation, then each observation')
      .argument('<register>', 'an observation register (comments/*.yaml)')
      .addOption(new Option('--format <format>', 'output format').choices(['docx', 'md']).default('docx'))
      .option('-o, --output <file>', 'the file to write (- for stdout)')
      .addHelpText('after', examples(['stdraft report standards/vtp/comments/2015-09-workshop.yaml -o out/report.docx'])),
    NOT_IMPLEMENTED,
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
