// `assay test` as a function: find the files, run up to `jobs` of them at once (each in its
// own process, see child.ts), print each file's results in discovery order, then the summary.
// Exit status: 0 all passed, 1 a failure (or no test files), 2 a path that does not exist.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { discover } from "./discover.js";
import { HARNESS_LUA } from "./harness.js";
import { FileResult, killGroup, runTestFile, running } from "./child.js";
import { Counts, countFile, plainReporter, tapReporter } from "./report.js";

export interface TestOptions {
  /** files and directories; none: tests/ and stdlib/**\/tests/ */
  paths: string[];
  /** "" for every test */
  filter: string;
  jobs: number;
  tap: boolean;
  /** per file, in seconds; 0 for none */
  timeoutSec: number;
  verbose: boolean;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs `work` on every item with at most `limit` at once; `each` sees results in order. */
async function inOrder<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>, each: (r: R) => void): Promise<void> {
  const results: (R | undefined)[] = new Array(items.length);
  let next = 0;
  let shown = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
      for (; shown < items.length && results[shown] !== undefined; shown++) each(results[shown]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/** Stops the children when the runner itself is interrupted. */
function onSignals(tmp: string): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    running.forEach(killGroup);
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

export async function runTests(o: TestOptions): Promise<number> {
  const found = discover(o.paths, o.cwd);
  if (found.missing.length > 0) {
    found.missing.forEach((p) => o.err(`assay test: no such file or directory: ${p}\n`));
    return 2;
  }
  if (found.files.length === 0) {
    o.err(`assay test: no test files (test_*.lua, *_test.lua) in ${o.paths.length ? o.paths.join(", ") : "tests/ or stdlib/**/tests/"}\n`);
    return 1;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assay-test-"));
  const harness = path.join(tmp, "harness.lua");
  fs.writeFileSync(harness, HARNESS_LUA);
  const stopListening = onSignals(tmp);
  const report = o.tap ? tapReporter(o.verbose) : plainReporter(o.verbose);
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    o.out(report.start());
    const run = (file: string, i: number): Promise<FileResult> =>
      runTestFile(file, { harness, results: path.join(tmp, `${i}.results`), filter: o.filter, timeoutSec: o.timeoutSec });
    await inOrder(found.files, o.jobs, run, (r) => {
      const c = countFile(r);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
      o.out(report.file(r));
    });
    o.out(report.end(total));
  } finally {
    stopListening();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return total.failed > 0 ? 1 : 0;
}
