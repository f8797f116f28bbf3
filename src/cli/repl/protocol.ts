// The messages between the REPL's terminal side (repl.ts, the main thread) and its Lua
// side (session.ts, a worker thread holding the Lua state).
import type { RunOptions } from "../../runtime-lib/run.js";

/** What the worker is started with (workerData). */
export interface SessionData {
  replSession: true;
  /** builds `arg` and the state's settings (source and chunkname unused) */
  base: RunOptions;
  /** [0]: a signal to deliver to the evaluation in progress (exec/signals.ts) */
  signalCell: SharedArrayBuffer;
}

export type Request =
  /** a chunk that runs before the prompt (assay -i script.lua, -e code) */
  | { kind: "run"; opts: RunOptions }
  /** the input so far; `first`: a single first line (which is tried as `return <line>`);
   *  `final`: input has ended, so an incomplete statement is reported as the error it is */
  | { kind: "eval"; text: string; first: boolean; final?: boolean }
  /** the text before the cursor, for Tab completion */
  | { kind: "complete"; text: string };

export type Reply =
  /** a chunk ran: its exit status (os.exit gives `exited`) */
  | { kind: "status"; code: number; exited: boolean }
  /** an input line was handled (its results printed, or its error reported) */
  | { kind: "done" }
  /** the input is an incomplete statement: read another line */
  | { kind: "incomplete" }
  /** os.exit was called */
  | { kind: "exit"; code: number }
  | { kind: "completions"; list: string[]; word: string };
