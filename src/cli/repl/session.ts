// The Lua side of the REPL, run in a worker thread: one Lua state for the whole session, and
// each input evaluated as lua.c's doREPL does — a first line is tried as `return <line>`
// (so expressions print their values; `=expr` is `return expr`), else compiled as it is; a
// syntax error ending in "<eof>" asks for another line; results are printed with the global
// `print`; an error is reported as message and traceback, and the session goes on.
// Between inputs the worker's event loop is free, so it answers the terminal side's
// messages; during one, Lua runs synchronously here (waits block this thread, as in a run).
import { parentPort } from "node:worker_threads";
import { LuaTable } from "../../runtime-lib/core/table.js";
import { all } from "../../runtime-lib/core/multi.js";
import { callable } from "../../runtime-lib/core/ops.js";
import { ExitRequest, LuaError, toLuaError } from "../../runtime-lib/core/errors.js";
import { loadLua, LuaSyntaxError } from "../../runtime-lib/load.js";
import { flushStdout, writeStderr } from "../../runtime-lib/io-out.js";
import { traceback } from "../../runtime-lib/traceback.js";
import { messageOf, prepareState, runChunk } from "../../runtime-lib/run.js";
import { completions } from "./complete.js";
import type { Reply, Request, SessionData } from "./protocol.js";

/** lua.c's chunk name for interactive input: errors read "stdin:1: ..." */
const CHUNKNAME = "=stdin";

export function serveRepl(data: SessionData): void {
  const G = prepareState({ ...data.base, signalCell: data.signalCell });
  const cell = new Int32Array(data.signalCell);
  const port = parentPort!;
  port.on("message", (req: Request) => {
    let reply: Reply;
    try {
      reply = handle(G, req);
    } finally {
      flushStdout();
      // a signal that arrived for this input does not carry over to the next
      Atomics.store(cell, 0, 0);
    }
    port.postMessage(reply);
  });
}

function handle(G: LuaTable, req: Request): Reply {
  switch (req.kind) {
    case "run": {
      const r = runChunk(G, req.opts);
      return { kind: "status", code: r.code, exited: r.exited };
    }
    case "eval":
      return evaluate(G, req.text, req.first, req.final === true);
    case "complete":
      return { kind: "completions", ...completions(G, req.text) };
  }
}

/** Compiles as lua.c's loadline: `return <line>` first for a first line, else the text. */
function compileInput(G: LuaTable, text: string, first: boolean, final: boolean): ((...a: unknown[]) => unknown) | "incomplete" | LuaSyntaxError {
  if (first) {
    // (lua.c turns "=expr" into "return expr", then tries "return " before that)
    if (text.startsWith("=")) text = "return " + text.slice(1);
    try {
      return loadLua("return " + text, CHUNKNAME, G, false);
    } catch (e) {
      if (!(e instanceof LuaSyntaxError)) throw e;
    }
  }
  try {
    return loadLua(text, CHUNKNAME, G, false);
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    return e.message.endsWith("<eof>") && !final ? "incomplete" : e;
  }
}

function evaluate(G: LuaTable, text: string, first: boolean, final: boolean): Reply {
  const fn = compileInput(G, text, first, final);
  if (fn === "incomplete") return { kind: "incomplete" };
  if (fn instanceof LuaSyntaxError) {
    writeStderr(fn.message + "\n");
    return { kind: "done" };
  }
  try {
    const results = all(fn());
    if (results.length > 0) printResults(G, results);
  } catch (e) {
    if (e instanceof ExitRequest) return { kind: "exit", code: e.code };
    report(toLuaError(e));
  }
  return { kind: "done" };
}

/** lua.c's l_print: the global `print` with the results. */
function printResults(G: LuaTable, results: unknown[]): void {
  try {
    callable(G.get("print"))(...results);
  } catch (e) {
    if (e instanceof ExitRequest) throw e;
    writeStderr(`error calling 'print' (${messageOf(toLuaError(e))})\n`);
  }
}

/** An error as lua.c reports it in interactive mode: the message (no program name) and the
 *  traceback. */
function report(le: LuaError): void {
  const tb = le.traceback ?? traceback(le.sites);
  writeStderr(`${messageOf(le)}\n${tb}\n`);
}
