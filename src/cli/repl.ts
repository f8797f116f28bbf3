// The REPL (`assay` on a terminal, `assay repl`, `assay -i`): the terminal side. Lines are
// read here, on the main thread, with node:readline (repl/terminal.ts: line editing,
// history in ~/.assay_history, Tab completion); the Lua state lives in a worker thread
// (repl/session.ts) that evaluates each input and prints its results itself.
//
// Why a worker: Lua runs synchronously and its waits block the thread they run on
// (Atomics.wait), while readline needs a free event loop. With the state in a worker, the
// main thread keeps reading keys, and stays free to take Ctrl-C during an evaluation: the
// first one interrupts the evaluation's wait ("interrupted (SIGINT)", as a signal does in
// worker mode), a second one abandons the state and starts a fresh one. Start-up costs the
// 40–60 ms of a worker, which an interactive session does not notice.
import type { RunOptions } from "../runtime-lib/run.js";
import { VERSION } from "../version.js";
import { SessionClient } from "./repl/client.js";
import { INTERRUPTED, LineReader, openInput } from "./repl/terminal.js";
import type { Reply, Request } from "./repl/protocol.js";

export interface ReplOptions {
  /** `arg`, the memory limit and verbosity of the session (source and chunkname unused) */
  base: RunOptions;
  /** chunks run before the prompt, in the session's state: -e code, then the script */
  preload: RunOptions[];
}

const PROMPT = "> ";
const PROMPT2 = ">> ";

/** Runs the REPL until the end of input or os.exit; returns the exit status. */
export async function startRepl(opts: ReplOptions): Promise<number> {
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  process.stdout.write(`assay ${VERSION} (Lua 5.4)${terminal ? "  Ctrl+D or os.exit() to leave" : ""}\n`);
  const repl = new Repl(opts.base, await SessionClient.start(opts.base), terminal);
  for (const chunk of opts.preload) {
    const r = (await repl.session.request({ kind: "run", opts: chunk })) as Extract<Reply, { kind: "status" }>;
    // as lua -i: a script or -e chunk that fails (or calls os.exit) ends the program
    if (r.code !== 0 || r.exited) {
      repl.session.close();
      return r.code;
    }
  }
  return repl.run();
}

class Repl {
  private readonly input: LineReader;

  constructor(
    private readonly base: RunOptions,
    public session: SessionClient,
    private readonly terminal: boolean,
  ) {
    this.input = openInput(terminal, (line) => this.complete(line));
  }

  /** The read-eval-print loop, with the signal handlers it needs while it runs. */
  async run(): Promise<number> {
    const onSigint = (): void => this.onSigint();
    const onSigterm = (): void => {
      this.input.rl.close();
      this.session.close();
      process.exit(143);
    };
    process.on("SIGINT", onSigint);
    process.on("SIGTERM", onSigterm);
    try {
      return await this.loop();
    } finally {
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigterm);
      this.input.rl.close();
      this.session.close();
    }
  }

  private async loop(): Promise<number> {
    let buffer: string | null = null;
    for (;;) {
      const line = await this.input.read(buffer === null ? PROMPT : PROMPT2);
      if (line === INTERRUPTED) {
        buffer = null;
        continue;
      }
      if (line === null) {
        if (buffer !== null) await this.evaluate({ kind: "eval", text: buffer, first: false, final: true });
        process.stdout.write("\n");
        return 0;
      }
      // Lua source is bytes: the line's UTF-8, one char per byte
      const bytes = Buffer.from(line, "utf8").toString("latin1");
      const text: string = buffer === null ? bytes : buffer + "\n" + bytes;
      const reply = await this.evaluate({ kind: "eval", text, first: buffer === null });
      if (reply.kind === "exit") return reply.code;
      buffer = reply.kind === "incomplete" ? text : null;
    }
  }

  /** Sends one input; a lost state (out of memory, abandoned) is replaced by a new one. */
  private async evaluate(req: Request): Promise<Reply> {
    if (this.terminal) {
      // while Lua runs, the terminal is in cooked mode: Ctrl-C is a signal (onSigint) and
      // io.read reads lines
      this.input.rl.pause();
      process.stdin.setRawMode(false);
    }
    try {
      return await this.session.request(req);
    } catch (e) {
      process.stderr.write(`assay: ${(e as Error).message}; starting a new Lua state\n`);
      this.session.close();
      this.session = await SessionClient.start(this.base);
      return { kind: "done" };
    } finally {
      if (this.terminal) process.stdin.setRawMode(true);
    }
  }

  private onSigint(): void {
    if (!this.session.busy) return this.input.interrupt();
    // (the terminal echoed ^C: what follows starts on a new line)
    if (this.terminal) process.stdout.write("\n");
    this.session.interrupt();
  }

  private async complete(line: string): Promise<[string[], string]> {
    if (this.session.busy) return [[], line];
    const r = await this.session.request({ kind: "complete", text: line });
    return r.kind === "completions" ? [r.list, r.word] : [[], line];
  }
}
