// One test file in its own process: `assay run HARNESS FILE RESULTS FILTER` with the same
// node, flags and environment as this one (so the same deep stack), stopped with its whole
// process group when it outlives the timeout. Turns the records it leaves into a FileResult.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { childRunArgs } from "../launch.js";
import { parseRecords } from "./harness.js";

export interface TestResult {
  index: number;
  name: string;
  status: "ok" | "fail" | "skip";
  ms: number;
  /** fail: the Lua error message; skip: the reason */
  message: string;
  /** fail: the traceback's frames from the error up to the test function */
  frames: string[];
}

export interface FileResult {
  /** the path as shown (relative to the current directory when inside it) */
  file: string;
  tests: TestResult[];
  /** the file did not load, or its top level raised */
  load?: { message: string; frames: string[] };
  /** how the process ended when it did not finish its tests (timeout, os.exit, crash) */
  abort?: { running?: string; why: string };
  /** stdout and stderr of the process, interleaved as they came */
  output: string;
  ms: number;
}

export interface ChildOptions {
  /** the harness file */
  harness: string;
  /** where the process writes its records */
  results: string;
  filter: string;
  /** 0: none */
  timeoutSec: number;
}

/** Output kept per file: a runaway test must not fill the runner's memory. */
const OUTPUT_CAP = 1 << 20;
/** After the process exits, how long its output pipes may stay open (a grandchild may hold them). */
const PIPE_GRACE_MS = 300;

/** Processes running now, for the runner to stop on SIGINT/SIGTERM. */
export const running = new Set<number>();

export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
}

/** A process's stdout and stderr as they come, up to OUTPUT_CAP bytes. */
class Output {
  private chunks: Buffer[] = [];
  private size = 0;
  readonly take = (b: Buffer): void => {
    if (this.size < OUTPUT_CAP) this.chunks.push(b.subarray(0, OUTPUT_CAP - this.size));
    this.size += b.length;
  };
  text(): string {
    const s = Buffer.concat(this.chunks).toString("latin1");
    return this.size > OUTPUT_CAP ? s + `\n[... ${this.size - OUTPUT_CAP} more bytes of output left out]\n` : s;
  }
}

function runProcess(file: string, o: ChildOptions): Promise<Ended> {
  const child = spawn(process.execPath, childRunArgs([o.harness, file, o.results, o.filter]), { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output = new Output();
  child.stdout.on("data", output.take);
  child.stderr.on("data", output.take);
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);
  let timedOut = false;
  const stop = (): void => {
    timedOut = true;
    if (pid !== undefined) killGroup(pid);
  };
  const timer = o.timeoutSec > 0 ? setTimeout(stop, o.timeoutSec * 1000) : undefined;
  return new Promise((resolve) => {
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let settled = false;
    const finish = (): void => {
      if (settled || exit === null) return;
      settled = true;
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ ...exit, timedOut, output: output.text() });
    };
    child.on("error", (e) => {
      output.take(Buffer.from(`assay test: cannot start ${process.execPath}: ${e.message}\n`));
      exit = { code: null, signal: null };
      finish();
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      setTimeout(finish, PIPE_GRACE_MS);
    });
    child.on("close", finish);
  });
}

function readRecords(file: string): ReturnType<typeof parseRecords> {
  try {
    return parseRecords(fs.readFileSync(file, "latin1"));
  } catch {
    return [];
  }
}

/** Why a process that did not write "done" ended. */
function abortReason(e: Ended, timeoutSec: number, inTest: boolean): string {
  if (e.timedOut) return `timed out after ${timeoutSec} s (the file was stopped${inTest ? "; its later tests did not run" : ""})`;
  if (e.signal !== null) return `the process was killed by ${e.signal}`;
  return `the process exited with status ${e.code ?? "?"} before its tests finished`;
}

/** The frames of a debug.traceback text up to the harness's own (which called the test). */
function frames(traceback: string | undefined, harness: string): string[] {
  const out: string[] = [];
  for (const line of (traceback ?? "").split("\n")) {
    const frame = line.trim();
    if (frame === "" || frame === "stack traceback:" || frame === "[C]: in ?") continue;
    if (frame.includes(harness)) break;
    out.push(frame);
  }
  // the builtin that called the test (xpcall) belongs to the harness too
  while (out.length > 0 && out[out.length - 1].startsWith("[C]:")) out.pop();
  return out;
}

/** Runs one test file; never rejects. */
export async function runTestFile(file: string, o: ChildOptions): Promise<FileResult> {
  const t0 = Date.now();
  const ended = await runProcess(file, o);
  const result: FileResult = { file, tests: [], output: ended.output, ms: Date.now() - t0 };
  let started: string | undefined;
  let done = false;
  for (const { kind, fields: f } of readRecords(o.results)) {
    if (kind === "load") result.load = { message: f[0], frames: frames(f[1], o.harness) };
    else if (kind === "start") started = f[1];
    else if (kind === "ok") result.tests.push({ index: +f[0], name: f[1], status: "ok", ms: +f[2], message: "", frames: [] });
    else if (kind === "fail") result.tests.push({ index: +f[0], name: f[1], status: "fail", ms: +f[2], message: f[3], frames: frames(f[4], o.harness) });
    else if (kind === "skip") result.tests.push({ index: +f[0], name: f[1], status: "skip", ms: 0, message: f[2] ?? "", frames: [] });
    else if (kind === "done") done = true;
    if (kind === "ok" || kind === "fail") started = undefined;
  }
  if (!done) result.abort = { running: started, why: abortReason(ended, o.timeoutSec, started !== undefined) };
  return result;
}
