// `shell.exec` for the I/O worker: runs a command line with /bin/sh -c and collects its
// output, so that the Lua program (and its other tasks) are not held up meanwhile.
//   shell.exec [ShellSpec] → {status, stdout, stderr, timed_out}
// On timeout the command's whole process group gets SIGTERM, then SIGKILL 2 s later.
// Output crosses as byte strings (latin1).
import { spawn } from "node:child_process";
import type { OpContext, OpHandler } from "../io-worker.js";

export interface ShellSpec {
  cmd: string;
  cwd?: string;
  /** variables set over (or, with null, removed from) the environment */
  env: [string, string | null][];
  stdin?: string;
  timeoutMs: number;
}

export interface ShellResult {
  status: number;
  stdout: string;
  stderr: string;
  timed_out: boolean;
}

const KILL_AFTER_MS = 2000;

export const ops: Record<string, OpHandler> = {
  "shell.exec"(args: unknown[], ctx: OpContext): Promise<ShellResult> {
    const spec = args[0] as ShellSpec;
    const env = { ...process.env };
    for (const [k, v] of spec.env) {
      if (v === null) delete env[k];
      else env[k] = v;
    }
    return new Promise<ShellResult>((resolve, reject) => {
      const child = spawn("/bin/sh", ["-c", spec.cmd], { cwd: spec.cwd, env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      let killer: NodeJS.Timeout | undefined;
      const stop = (): void => {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          // already gone
        }
        killer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // already gone
          }
        }, KILL_AFTER_MS);
      };
      const timer = spec.timeoutMs > 0 ? setTimeout(() => ((timedOut = true), stop()), spec.timeoutMs) : undefined;
      ctx.signal.addEventListener("abort", stop);
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => err.push(b));
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(new Error(e.message));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        clearTimeout(killer);
        resolve({
          // a command killed by a signal reports 128 + its number, as sh does
          status: code ?? 128 + signalNumber(signal),
          stdout: Buffer.concat(out).toString("latin1"),
          stderr: Buffer.concat(err).toString("latin1"),
          timed_out: timedOut,
        });
      });
      // a command that does not read its input must not fail the call (EPIPE)
      child.stdin.on("error", () => {});
      child.stdin.end(spec.stdin === undefined ? undefined : Buffer.from(spec.stdin, "latin1"));
    });
  },
};

function signalNumber(signal: NodeJS.Signals | null): number {
  const n: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 };
  return signal ? (n[signal] ?? 0) : 0;
}
