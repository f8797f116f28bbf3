// The REPL's history file: ASSAY_HISTORY names it ("" keeps no history file), by default
// ~/.assay_history. One entry a line, oldest first (as shells keep theirs); node:readline
// holds the entries newest first. A file that cannot be read or written is simply not used.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const HISTORY_SIZE = 1000;

export function historyFile(): string | null {
  const env = process.env.ASSAY_HISTORY;
  if (env !== undefined) return env === "" ? null : env;
  const home = os.homedir();
  return home ? path.join(home, ".assay_history") : null;
}

/** The saved entries, newest first (readline's order). */
export function loadHistory(file: string | null): string[] {
  if (file === null) return [];
  try {
    const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
    return lines.slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

/** Saves readline's entries (newest first); returns false when the file cannot be written,
 *  after which the caller stops trying. */
export function saveHistory(file: string, entries: readonly string[]): boolean {
  try {
    const text = [...entries].reverse().join("\n");
    fs.writeFileSync(file, text === "" ? "" : text + "\n", { mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}
