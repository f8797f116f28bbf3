// The command line beyond the common forms main.ts runs itself (`run FILE`, `FILE.lua`, `-`):
// the commander set-up of every command and option. A bundle of its own
// (dist/bundle/commands.mjs), with the commands it registers, so that running a script never
// reads them. Every command, option, variable and exit code is in docs/cli.md.
import { interactive, runDefault, runFile, type DefaultFlags, type RunFlags } from "./main.js";
import { USAGE, isCommanderError } from "./errors.js";
import { VERSION } from "../version.js";

const LOG_FORMAT = "--log-format <format>";
const LOG_FORMAT_HELP = "human (default) or json: log lines, and the run's start/end/error events, as JSON lines on stderr (env ASSAY_LOG_FORMAT)";

export async function parseWithCommander(argv: string[]): Promise<number> {
  const { Command } = await import("commander");
  let status = 0;
  const program = new Command();
  program
    .name("assay")
    .description("A Lua 5.4 runtime for operations scripting")
    .version(`assay ${VERSION}`, "-V, --version")
    .argument("[script]", "Lua script to run (- reads standard input)")
    .argument("[args...]", "arguments passed to the script")
    .option("-e <code...>", "execute a string of Lua code")
    .option("-i", "enter the REPL after running the script or -e code (as lua -i)")
    .option("-v, --verbose", "report more about the run on stderr (tasks pending at exit)")
    .option("--memory-limit <MB>", "memory limit of the Lua program in megabytes, 0 for none (default 64; env ASSAY_MEMORY_LIMIT)")
    .option(LOG_FORMAT, LOG_FORMAT_HELP)
    .enablePositionalOptions()
    .passThroughOptions()
    .action(async (script: string | undefined, args: string[], opts: DefaultFlags) => {
      status = await runDefault(script, args, opts);
    });
  program
    .command("run")
    .description("run a Lua script")
    .argument("<script>", "Lua script to run (- reads standard input)")
    .argument("[args...]", "arguments passed to the script")
    .option("-v, --verbose", "report more about the run on stderr (tasks pending at exit)")
    .option("--memory-limit <MB>", "memory limit of the Lua program in megabytes, 0 for none (default 64)")
    .option(LOG_FORMAT, LOG_FORMAT_HELP)
    .passThroughOptions()
    .action(async (script: string, args: string[], flags: RunFlags) => {
      status = await runFile(script, args, { ...program.opts<RunFlags>(), ...flags });
    });
  program
    .command("repl")
    .description("start the interactive Lua prompt (what `assay` alone does on a terminal)")
    .option("-v, --verbose", "report more on stderr")
    .option("--memory-limit <MB>", "memory limit of the Lua state in megabytes, 0 for none (default 64)")
    .action(async (flags: RunFlags) => {
      status = await interactive(undefined, [], { ...program.opts<RunFlags>(), ...flags });
    });
  // (further commands register here: `assay cache ...` from cache-cmd.ts, `assay build`
  // from build-cmd.ts; loaded only now, so that `assay run FILE` never evaluates them — the
  // types command's description tables alone took a few milliseconds of every start)
  const [build, cache, check, test, types, stdlib] = await Promise.all([
    import("./build-cmd.js"),
    import("./cache-cmd.js"),
    import("./check-cmd.js"),
    import("./test-cmd.js"),
    import("./types-cmd.js"),
    import("./stdlib-cmd.js"),
  ]);
  const setStatus = (s: number): void => {
    status = s;
  };
  build.registerBuild(program, setStatus);
  cache.registerCacheCommand(program, setStatus);
  check.registerCheck(program, setStatus);
  test.registerTestCommand(program, setStatus);
  types.registerTypesCommand(program, setStatus);
  stdlib.registerStdlibCommand(program, setStatus);
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (!isCommanderError(e)) throw e;
    const ce = e as { code?: string; exitCode?: number };
    if (ce.code === "commander.helpDisplayed" || ce.code === "commander.version" || ce.exitCode === 0) return 0;
    // (commander printed the problem: an unknown option, a missing argument, ...)
    return USAGE;
  }
  return status;
}
