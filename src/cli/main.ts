// The `assay` command line: a declarative commander set-up; each command calls the
// programmatic API.
import fs from "node:fs";
import path from "node:path";
import { launch } from "./launch.js";
import { registerBuild } from "./build-cmd.js";
import { VERSION } from "../version.js";
import { registerCacheCommand } from "./cache-cmd.js";
import { registerCheck } from "./check-cmd.js";
import { registerTestCommand } from "./test-cmd.js";
import { registerTypesCommand } from "./types-cmd.js";

function readScript(file: string): string {
  if (file === "-") return fs.readFileSync(0, "latin1");
  return fs.readFileSync(file, "latin1");
}

interface RunFlags {
  verbose?: boolean;
  /** megabytes, from --memory-limit */
  memoryLimit?: string;
}

/** The memory limit in bytes: --memory-limit, else ASSAY_MEMORY_LIMIT (megabytes; 0 = none). */
function memoryLimit(flags: RunFlags): number | undefined | Error {
  const v = flags.memoryLimit ?? process.env.ASSAY_MEMORY_LIMIT;
  if (v === undefined || v === "") return undefined;
  const mb = Number(v);
  if (!Number.isFinite(mb) || mb < 0) return new Error(`invalid memory limit '${v}' (megabytes expected)`);
  return Math.round(mb * 1048576);
}

async function runFile(file: string, args: string[], flags: RunFlags = {}): Promise<number> {
  const limit = memoryLimit(flags);
  if (limit instanceof Error) {
    process.stderr.write(`assay: ${limit.message}\n`);
    return 2;
  }
  let source: string;
  try {
    source = readScript(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "No such file or directory" : err.message;
    process.stderr.write(`assay: cannot open ${file}: ${why}\n`);
    return 1;
  }
  const chunkname = file === "-" ? "=stdin" : "@" + file;
  return launch({ source, chunkname, scriptName: file, args, memoryLimit: limit, verbose: flags.verbose });
}

async function runDefault(file: string | undefined, args: string[], opts: { e?: string[] } & RunFlags): Promise<number> {
  if (opts.e && opts.e.length) {
    const code = opts.e.join("\n");
    const status = await launch({ source: code, chunkname: "=(command line)", scriptName: file ?? "", args: file ? args : [] });
    if (status !== 0 || !file) return status;
  }
  if (!file) {
    process.stderr.write("assay: no script given (try 'assay --help')\n");
    return 2;
  }
  const ext = path.extname(file);
  if (ext === ".yaml" || ext === ".yml") return (await import("./check-cmd.js")).runCheckArgs(file, args, opts);
  return runFile(file, args, opts);
}

export async function main(argv: string[]): Promise<number> {
  // the common forms skip loading the option parser: `run FILE ...`, `FILE.lua ...`, `- ...`
  const [first, second] = argv;
  if (first === "run" && second !== undefined && (second === "-" || !second.startsWith("-"))) return runFile(second, argv.slice(2));
  if (first !== undefined && (first === "-" || (!first.startsWith("-") && first !== "run" && first.endsWith(".lua"))))
    return runDefault(first, argv.slice(1), {});
  return parseWithCommander(argv);
}

async function parseWithCommander(argv: string[]): Promise<number> {
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
    .option("-v, --verbose", "report more about the run on stderr (tasks pending at exit)")
    .option("--memory-limit <MB>", "memory limit of the Lua program in megabytes, 0 for none (default 64; env ASSAY_MEMORY_LIMIT)")
    .enablePositionalOptions()
    .passThroughOptions()
    .action(async (script: string | undefined, args: string[], opts: { e?: string[] } & RunFlags) => {
      status = await runDefault(script, args, opts);
    });
  program
    .command("run")
    .description("run a Lua script")
    .argument("<script>", "Lua script to run (- reads standard input)")
    .argument("[args...]", "arguments passed to the script")
    .option("-v, --verbose", "report more about the run on stderr (tasks pending at exit)")
    .option("--memory-limit <MB>", "memory limit of the Lua program in megabytes, 0 for none (default 64)")
    .passThroughOptions()
    .action(async (script: string, args: string[], flags: RunFlags) => {
      status = await runFile(script, args, { ...program.opts<RunFlags>(), ...flags });
    });
  // (further commands register here: `assay cache ...` from cache-cmd.ts, `assay build`
  // from build-cmd.ts)
  registerBuild(program, (s) => (status = s));
  registerCacheCommand(program, (code) => (status = code));
  registerCheck(program, (s) => (status = s));
  registerTestCommand(program, (code) => (status = code));
  registerTypesCommand(program, (code) => (status = code));
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    const ce = e as { code?: string; exitCode?: number };
    if (ce.code === "commander.helpDisplayed" || ce.code === "commander.version") return 0;
    return ce.exitCode ?? 2;
  }
  return status;
}
