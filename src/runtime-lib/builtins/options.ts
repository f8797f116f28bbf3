// Option values several builtins take: durations in seconds, positive sizes, and PEM material
// given as text or as the path of a file holding it. Errors name the builtin ("http.get:
// timeout must be a positive number of seconds") at the caller's position.
import { readFileSync } from "node:fs";
import { isNumber, toF } from "../core/numbers.js";
import { libError } from "../lib/aux.js";

/** A positive Lua number, or the error "<fname>: <what> must be a positive number<unit>". */
export function positiveNumber(v: unknown, fname: string, what: string, unit = ""): number {
  const n = isNumber(v) ? toF(v) : NaN;
  if (!(n > 0)) throw libError(fname, `${fname}: ${what} must be a positive number${unit}`);
  return n;
}

/** A duration in seconds (fractions allowed) → milliseconds. */
export function secondsMs(v: unknown, fname: string, what = "timeout"): number {
  return positiveNumber(v, fname, what, " of seconds") * 1000;
}

/** A file's bytes, or the error `<fname>: failed to read <what> "<path>": <reason>`. */
export function readOptionFile(path: string, fname: string, what: string): string {
  try {
    return readFileSync(path, "latin1");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw libError(fname, `${fname}: failed to read ${what} "${path}": ${err.code === "ENOENT" ? "No such file or directory" : err.message}`);
  }
}

/** PEM given as text (it holds "-----BEGIN") or as a file path (`fileWhat` names the file in
 *  errors: "CA cert file"); `path` is set when it came from a file. */
export function pemOption(v: unknown, fname: string, what: string, fileWhat: string): { pem: string; path?: string } {
  if (typeof v !== "string") throw libError(fname, `${fname}: option '${what}' must be a string (PEM text or a file path)`);
  if (v.includes("-----BEGIN")) return { pem: v };
  return { pem: readOptionFile(v, fname, fileWhat), path: v };
}
