// `assay test [paths...]`: runs Lua test files (test_*.lua, *_test.lua), each in a fresh
// process, with the `test` global (test/harness.ts). The runner is test/run.ts; this file
// declares the options and checks their values. Docs: docs/testing.md.
import type { Command } from "commander";

interface TestFlags {
  filter?: string;
  jobs?: string;
  tap?: boolean;
  timeout: string;
  verbose?: boolean;
}

/** A whole number ≥ min, or an error message. */
function wholeNumber(v: string, min: number, what: string): number | string {
  const n = Number(v);
  return /^\d+$/.test(v.trim()) && n >= min ? n : `${what} must be a whole number${min > 0 ? ` of at least ${min}` : ""} (got '${v}')`;
}

async function test(paths: string[], flags: TestFlags): Promise<number> {
  const { runTests, defaultJobs } = await import("./test/run.js");
  const jobs = flags.jobs === undefined ? defaultJobs() : wholeNumber(flags.jobs, 1, "--jobs");
  const timeout = Number(flags.timeout);
  const problem = typeof jobs === "string" ? jobs : !(timeout >= 0) ? `--timeout must be a number of seconds (got '${flags.timeout}')` : null;
  if (problem !== null) {
    process.stderr.write(`assay test: ${problem}\n`);
    return 2;
  }
  return runTests({
    paths,
    filter: flags.filter ?? "",
    jobs: jobs as number,
    tap: !!flags.tap,
    timeoutSec: timeout,
    verbose: !!flags.verbose,
    cwd: process.cwd(),
    out: (s) => s !== "" && process.stdout.write(Buffer.from(s, "latin1")),
    err: (s) => process.stderr.write(s),
  });
}

/** Adds `assay test` to the command line; `done` receives the exit status. */
export function registerTestCommand(program: Command, done: (status: number) => void): void {
  program
    .command("test")
    .description("run Lua tests: test_*.lua and *_test.lua files, each in its own process (default: tests/ and stdlib/**/tests/)")
    .argument("[paths...]", "test files, or directories searched recursively")
    .option("--filter <pattern>", "run only the tests whose 'FILE: NAME' contains PATTERN, or matches it as a Lua pattern")
    .option("-j, --jobs <n>", "test files run at once (default: the number of CPUs)")
    .option("--tap", "write TAP version 13")
    .option("--timeout <seconds>", "stop a test file that runs longer, counting a failure (0: no limit)", "120")
    .option("-v, --verbose", "show durations, every traceback and the output of passing files too")
    .action(async (paths: string[], flags: TestFlags) => {
      done(await test(paths, flags));
    });
}
