// Check mode: `assay checks.yaml [options]` and `assay check [options] checks.yaml` run the
// checks a YAML file describes (SPEC B§3.3–3.4, A7, issue #11; docs/check-mode.md) and
// print a JSON (or JUnit) report. Exit status: 0 all passed, 1 some failed, 2 the file or
// the options are invalid (nothing runs then). The work is in check/.
// `assay check FILE.lua...` (any file not .yaml/.yml, a directory, or -) compile-checks Lua
// files instead (lint/, docs/cli.md); YAML and Lua files in one invocation are a usage error.
import fs from "node:fs";
import type { Command } from "commander";
import { cannotOpen, isCommanderError, usageError } from "./errors.js";

export interface CheckFlags {
  format: string;
  /** undefined when --only is not given */
  only?: string[];
  verbose?: boolean;
  /** Lua files: report lint warnings; --strict: and fail on them */
  warnings?: boolean;
  strict?: boolean;
}

const FORMATS = ["json", "junit"];

/** --only's values: repeatable, each a comma-separated list. */
function collectNames(v: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), ...v.split(",").map((s) => s.trim()).filter((s) => s !== "")];
}

function checkOptions(cmd: Command): Command {
  return cmd
    .option("--format <format>", "report format on stdout: json or junit", "json")
    .option("--only <names>", "run only the checks with these names (repeatable, or comma-separated)", collectNames)
    .option("-v, --verbose", "log debug messages too");
}

/** Runs the check file `file`; returns the exit status. */
export async function runCheckFile(file: string, flags: CheckFlags): Promise<number> {
  if (!FORMATS.includes(flags.format)) return usageError(`--format: expected json or junit, got "${flags.format}"`);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    return usageError(cannotOpen(file, e));
  }
  const { parseConfig, ConfigError } = await import("./check/config.js");
  let cfg;
  try {
    cfg = parseConfig(text, file);
  } catch (e) {
    if (e instanceof ConfigError) return usageError(e.message);
    throw e;
  }
  const only = flags.only ?? [];
  const unknown = only.filter((n) => !cfg.checks.some((c) => c.name === n));
  if (unknown.length > 0) return usageError(`--only: no check named ${unknown.map((n) => `"${n}"`).join(", ")} in ${file}`);
  const checks = only.length === 0 ? cfg.checks : cfg.checks.filter((c) => only.includes(c.name));

  // script checks run `assay run` children, whose failure report is read from their stderr
  // in the human form; and a failing check is no reason to write the termination log
  process.env.ASSAY_RUN_EVENTS = "0";
  process.env.ASSAY_TERMINATION_LOG = "";
  const { logLine, setLogLevel, useColour } = await import("../runtime-lib/builtins/log.js");
  const { writeStdout, flushStdout, writeStderr } = await import("../runtime-lib/io-out.js");
  const { utf8Encode } = await import("../runtime-lib/builtins/convert.js");
  const { runChecks } = await import("./check/runner.js");
  const { reportJson, reportJUnit, summary } = await import("./check/report.js");
  if (flags.verbose) setLogLevel("debug");
  logLine("info", "configuration loaded", { file, checks: checks.length, parallel: cfg.parallel, timeout: cfg.timeout.text });
  const startedAt = new Date();
  const report = await runChecks(cfg, checks);
  const out = flags.format === "junit" ? reportJUnit(report, file, checks, startedAt) : reportJson(report);
  writeStdout(utf8Encode(out));
  flushStdout();
  if (process.stderr.isTTY) writeStderr(utf8Encode(summary(report, useColour(2))));
  return report.passed ? 0 : 1;
}

/** `assay FILE.yaml ARGS...`: the arguments after the file are check options. */
export async function runCheckArgs(file: string, args: string[], opts: { verbose?: boolean } = {}): Promise<number> {
  const { Command } = await import("commander");
  let status = 0;
  const cmd = checkOptions(new Command("assay").argument("<file>").exitOverride()).action(async (f: string, flags: CheckFlags) => {
    status = await runCheckFile(f, { ...flags, verbose: flags.verbose || opts.verbose });
  });
  try {
    await cmd.parseAsync([file, ...args], { from: "user" });
  } catch (e) {
    if (!isCommanderError(e)) throw e;
    // (commander printed the problem; a usage error is status 2, as the original's)
    return (e as { code?: string }).code === "commander.helpDisplayed" ? 0 : 2;
  }
  return status;
}

const isYaml = (file: string): boolean => /\.ya?ml$/i.test(file);

/** `assay check FILE...`: YAML check mode for one .yaml/.yml file, else the Lua compile
 *  check of every file given. */
async function dispatchCheck(files: string[], flags: CheckFlags, cmd: Command): Promise<number> {
  const yaml = files.filter(isYaml);
  if (yaml.length > 0 && yaml.length < files.length) return usageError("check: give either YAML check files or Lua files, not both");
  if (yaml.length > 1) return usageError("check: one YAML check file at a time");
  if (yaml.length === 1) {
    if (flags.warnings || flags.strict) return usageError("check: --warnings and --strict are for Lua files");
    return runCheckFile(files[0], flags);
  }
  if (flags.only !== undefined || cmd.getOptionValueSource("format") === "cli")
    return usageError("check: --format and --only are for YAML check files");
  const { lintFiles, lintStatus, lintSummary } = await import("./lint/index.js");
  const lintFlags = { warnings: flags.warnings, strict: flags.strict };
  const result = await lintFiles(files, lintFlags);
  if (flags.verbose) process.stderr.write(lintSummary(result) + "\n");
  return lintStatus(result, lintFlags);
}

/** Adds `assay check FILE...` to the command line; `done` receives the exit status. */
export function registerCheck(program: Command, done: (status: number) => void): void {
  checkOptions(
    program
      .command("check")
      .description("run the checks a YAML file describes and print a JSON report; or compile-check Lua files (as luac -p)")
      .argument("<files...>", "a check file (.yaml or .yml), or Lua files and directories (- reads standard input)"),
  )
    .option("--warnings", "Lua files: also report lint warnings (undeclared global assigned, unused local, shadowed local)")
    .option("--strict", "Lua files: warnings fail the check too (implies --warnings)")
    .action(async (files: string[], flags: CheckFlags, cmd: Command) => {
      done(await dispatchCheck(files, { ...flags, verbose: flags.verbose || program.opts<{ verbose?: boolean }>().verbose }, cmd));
    });
}
