// The `shell` table (SPEC A5, B§5.1):
//   shell.exec(cmd, opts?) → { status, stdout, stderr, timed_out }
//     runs `cmd` with /bin/sh -c; opts: cwd, env (a table of variables set for the command;
//     false removes one), stdin (a string), timeout (seconds; the command is stopped and
//     timed_out is true). A non-zero status is not an error: the caller decides. Other tasks
//     go on while the command runs (it runs from the I/O worker).
import { LuaTable } from "../core/table.js";
import { isNumber, numberToString } from "../core/numbers.js";
import { libError } from "../lib/aux.js";
import { IoFailure, IoWait } from "../exec/scheduler.js";
import type { ShellResult, ShellSpec } from "../exec/ops/shell.js";
import { utf8Decode } from "./convert.js";
import { waiting } from "./waiting.js";
import { secondsMs } from "./options.js";

const FNAME = "shell.exec";

function specOf(cmd: unknown, opts: unknown): ShellSpec {
  if (typeof cmd !== "string") throw libError(FNAME, `${FNAME}: first argument must be a command string`);
  const spec: ShellSpec = { cmd: utf8Decode(cmd, FNAME), env: [], timeoutMs: 0 };
  if (opts === undefined) return spec;
  if (!(opts instanceof LuaTable)) throw libError(FNAME, `${FNAME}: second argument must be a table or nil`);
  const cwd = opts.get("cwd");
  if (cwd !== undefined) {
    if (typeof cwd !== "string") throw libError(FNAME, `${FNAME}: option 'cwd' must be a string`);
    spec.cwd = utf8Decode(cwd, FNAME);
  }
  const env = opts.get("env");
  if (env !== undefined) {
    if (!(env instanceof LuaTable)) throw libError(FNAME, `${FNAME}: option 'env' must be a table`);
    for (let e = env.next(undefined); e !== undefined; e = env.next(e[0])) {
      const [k, v] = e;
      if (typeof k !== "string") throw libError(FNAME, `${FNAME}: env names must be strings`);
      if (v === false) spec.env.push([utf8Decode(k, FNAME), null]);
      else if (typeof v === "string" || isNumber(v)) spec.env.push([utf8Decode(k, FNAME), typeof v === "string" ? utf8Decode(v, FNAME) : numberToString(v)]);
      else throw libError(FNAME, `${FNAME}: env value for '${k}' must be a string, a number or false`);
    }
  }
  const stdin = opts.get("stdin");
  if (stdin !== undefined) {
    if (typeof stdin !== "string") throw libError(FNAME, `${FNAME}: option 'stdin' must be a string`);
    spec.stdin = stdin;
  }
  const t = opts.get("timeout");
  if (t !== undefined) spec.timeoutMs = secondsMs(t, FNAME);
  return spec;
}

export function openShell(G: LuaTable): void {
  const t = new LuaTable();
  t.setStr(
    "exec",
    waiting("exec", function* (cmd: unknown, opts: unknown) {
      const spec = specOf(cmd, opts);
      let r: ShellResult;
      try {
        r = (yield new IoWait("shell.exec", [spec])) as ShellResult;
      } catch (e) {
        throw e instanceof IoFailure ? libError(FNAME, `${FNAME}: ${e.message}`) : e;
      }
      const res = new LuaTable();
      res.setStr("status", r.status);
      res.setStr("stdout", r.stdout);
      res.setStr("stderr", r.stderr);
      res.setStr("timed_out", r.timed_out);
      return res;
    }),
  );
  G.setField("shell", t);
}
