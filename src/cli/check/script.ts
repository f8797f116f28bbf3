// The script check (SPEC B§3.3): a Lua file run in a fresh runtime per attempt — a child
// `assay run FILE` (same Node flags, so the same stack set-up), which every builtin works in
// and which a timeout can kill. `env` reaches the script's env.get only: the child gets it
// as ASSAY_CHECK_ENV (JSON), which env.ts moves into env._check_env (SPEC B§1.11). Passing
// means exiting with status 0; the failure message is the error the script raised, without
// its traceback. What the script prints or logs goes to assay's stderr (stdout holds the
// report) when the attempt ends.
import fs from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { writeStderr } from "../../runtime-lib/io-out.js";
import { logLine } from "../../runtime-lib/builtins/log.js";
import { toSysError } from "../../runtime-lib/lib/iofile.js";
import { childRunArgs } from "../launch.js";
import type { ScriptCheck } from "./config.js";
import { type Outcome, fail, pass } from "./outcome.js";

/** After SIGTERM, a script that is given up on has this long before SIGKILL. */
const KILL_GRACE_MS = 2000;

const live = new Set<ChildProcess>();

/** Kills the scripts still running (at the end of a run). */
export function killScripts(): void {
  for (const c of live) c.kill("SIGKILL");
  live.clear();
}

interface ErrorReport {
  /** where `assay: ...` starts in stderr */
  start: number;
  message: string;
  traceback: string;
}

/** The uncaught-error report `assay run` ends with: "assay: <message>\n<traceback>\n". */
function findReport(stderr: string): ErrorReport | null {
  const i = stderr.lastIndexOf("\nassay: ");
  const start = i >= 0 ? i + 1 : stderr.startsWith("assay: ") ? 0 : -1;
  if (start < 0) return null;
  const body = stderr.slice(start + "assay: ".length).replace(/\n$/, "");
  const tb = body.indexOf("\nstack traceback:");
  return { start, message: tb < 0 ? body : body.slice(0, tb), traceback: tb < 0 ? "" : body.slice(tb + 1) };
}

/** Output chunks in arrival order; `upTo` cuts stderr where the error report starts. */
function forward(chunks: [fd: 1 | 2, data: Buffer][], upTo: number): void {
  let errAt = 0;
  let text = "";
  for (const [fd, data] of chunks) {
    if (fd === 1) text += data.toString("latin1");
    else {
      text += data.subarray(0, Math.max(0, upTo - errAt)).toString("latin1");
      errAt += data.length;
    }
  }
  if (text !== "") writeStderr(text.endsWith("\n") ? text : text + "\n");
}

function judge(name: string, code: number | null, sig: NodeJS.Signals | null, report: ErrorReport | null): Outcome {
  if (code === 0) return pass();
  if (report !== null) {
    if (report.traceback) logLine("debug", "script check error", { check: name, traceback: report.traceback });
    return fail(Buffer.from(report.message, "latin1").toString("utf8"));
  }
  return fail(sig !== null ? `script was killed by ${sig}` : `script exited with status ${code}`);
}

export async function runScriptCheck(c: ScriptCheck, signal: AbortSignal): Promise<Outcome> {
  try {
    await fs.promises.readFile(c.file);
  } catch (e) {
    // (as Rust prints an I/O error: "No such file or directory (os error 2)")
    const err = toSysError(e);
    return fail(`failed to read Lua script "${c.file}": ${err.message} (os error ${err.errno})`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ASSAY_CHECK_ENV;
  if (c.env.length > 0) env.ASSAY_CHECK_ENV = JSON.stringify(Object.fromEntries(c.env));
  const child = spawn(process.execPath, childRunArgs([c.file]), { env, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  const chunks: [1 | 2, Buffer][] = [];
  child.stdout!.on("data", (d: Buffer) => chunks.push([1, d]));
  child.stderr!.on("data", (d: Buffer) => chunks.push([2, d]));
  const stderrText = (): string => chunks.filter(([fd]) => fd === 2).map(([, d]) => d.toString("latin1")).join("");
  return new Promise((resolve) => {
    const onAbort = (): void => {
      forward(chunks, Infinity);
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS).unref();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    child.on("error", (e) => {
      live.delete(child);
      resolve(fail(`cannot start assay for ${c.file}: ${e.message}`));
    });
    child.on("close", (code, sig) => {
      live.delete(child);
      signal.removeEventListener("abort", onAbort);
      const report = code === 0 ? null : findReport(stderrText());
      if (!signal.aborted) forward(chunks, report?.start ?? Infinity);
      resolve(judge(c.name, code, sig, report));
    });
  });
}
