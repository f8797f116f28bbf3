// Check mode: `assay checks.yaml [options]` and `assay check [options] checks.yaml` run the
// checks a YAML file describes (SPEC B§3.3–3.4, A7, issue #11; docs/check-mode.md) and
// print a JSON (or JUnit) report. Exit status: 0 all passed, 1 some failed, 2 the file or
// the options are invalid (nothing runs then). The work is in check/.
import fs from "node:fs";
import type { Command } from "commander";

export interface CheckFlags {
  format: string;
  /** undefined when --only is not given */
  only?: string[];
  verbose?: boolean;
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

function usageError(message: string): number {
  process.stderr.write(`assay: ${message}\n`);
  return 2;
}

/** Runs the check file `file`; returns the exit status. */
export async function runCheckFile(file: string, flags: CheckFlags): Promise<number> {
  if (!FORMATS.includes(flags.format)) return usageError(`--format: expected json or junit, got "${flags.format}"`);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return usageError(`cannot open ${file}: ${err.code === "ENOENT" ? "No such file or directory" : err.message}`);
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

  const { logLine, setLogLevel } = await import("../runtime-lib/builtins/log.js");
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
  if (process.stderr.isTTY) writeStderr(utf8Encode(summary(report, process.env.NO_COLOR === undefined && process.env.TERM !== "dumb")));
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
    // (commander printed the problem; a usage error is status 2, as the original's)
    return (e as { code?: string }).code === "commander.helpDisplayed" ? 0 : 2;
  }
  return status;
}

/** Adds `assay check FILE` to the command line; `done` receives the exit status. */
export function registerCheck(program: Command, done: (status: number) => void): void {
  checkOptions(
    program
      .command("check")
      .description("run the checks a YAML file describes (http, prometheus, script) and print a JSON report")
      .argument("<file>", "the check file (.yaml or .yml)"),
  ).action(async (file: string, flags: CheckFlags) => {
    done(await runCheckFile(file, { ...flags, verbose: flags.verbose || program.opts<{ verbose?: boolean }>().verbose }));
  });
}
