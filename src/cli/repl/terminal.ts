// The REPL's input: node:readline over standard input — on a terminal with line editing,
// history (repl/history.ts), Tab completion asked of the Lua state and Ctrl-C dropping the
// line being typed; otherwise plain lines, prompts still written (as lua.c without readline).
import readline from "node:readline";
import { HISTORY_SIZE, historyFile, loadHistory, saveHistory } from "./history.js";

/** What read() gives for a Ctrl-C at the prompt. */
export const INTERRUPTED = Symbol("interrupted");

export type Line = string | null | typeof INTERRUPTED;

type Completer = (line: string) => Promise<[string[], string]>;

/** Lines from readline, one at a time: piped input arrives faster than it is evaluated. */
export class LineReader {
  private queue: string[] = [];
  private waiter: ((line: Line) => void) | null = null;
  private ended = false;

  constructor(readonly rl: readline.Interface) {
    rl.on("line", (line) => this.deliver(line) || this.queue.push(line));
    rl.on("close", () => {
      this.ended = true;
      this.deliver(null);
    });
  }

  /** The next line (null at the end of input), after showing `prompt`. */
  read(prompt: string): Promise<Line> {
    this.rl.setPrompt(prompt);
    // (once input has ended readline is closed: the prompt is written as lua.c writes it)
    if (!this.ended) this.rl.prompt();
    else process.stdout.write(prompt);
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** Ctrl-C at the prompt: the input being typed is dropped. */
  interrupt(): void {
    this.queue = [];
    this.deliver(INTERRUPTED);
  }

  private deliver(v: Line): boolean {
    const w = this.waiter;
    this.waiter = null;
    if (w) w(v);
    return w !== null;
  }
}

/** readline over stdin/stdout; `terminal`: both are terminals. */
export function openInput(terminal: boolean, complete: Completer): LineReader {
  const hist = terminal ? historyFile() : null;
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal,
    history: loadHistory(hist),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: terminal
      ? (line: string, cb: (e: Error | null, r: [string[], string]) => void) => void complete(line).then((r) => cb(null, r), () => cb(null, [[], line]))
      : undefined,
  });
  let saving = hist !== null;
  rl.on("history", (entries: string[]) => {
    if (saving) saving = saveHistory(hist!, entries);
  });
  const reader = new LineReader(rl);
  rl.on("SIGINT", () => {
    process.stdout.write("^C\n");
    // drop what was typed (to the end of the line, then erase back to its start)
    rl.write(null, { ctrl: true, name: "e" });
    rl.write(null, { ctrl: true, name: "u" });
    reader.interrupt();
  });
  return reader;
}
