// What one attempt of a check ends with; each check type's module exports one
// `(check, signal) => Promise<Outcome>` (registered by type in runner.ts).

export interface Outcome {
  passed: boolean;
  /** why it failed (or, for a prometheus check without `expect`, what the query returned) */
  message: string | null;
}

export const pass = (message: string | null = null): Outcome => ({ passed: true, message });
export const fail = (message: string): Outcome => ({ passed: false, message });

/** A byte string (one char per byte) read as UTF-8, invalid sequences replaced. */
export function textOf(bytes: string): string {
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** A string quoted as Rust's `{:?}` prints it (SPEC's `body does not contain "<needle>"`). */
export function rustQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\0") out += "\\0";
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}
