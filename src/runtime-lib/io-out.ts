// Byte-exact, buffered standard output and error. Lua strings are byte strings (one char per
// byte), written as latin1 buffers. stdout is flushed before anything goes to stderr and at
// exit, so the order a user sees matches the order the script wrote.
import fs from "node:fs";

let pending: string[] = [];
let pendingLen = 0;
const LIMIT = 1 << 16;

export const output = {
  /** where stdout bytes go; tests may replace it */
  fd: 1,
  /** buffering as set by io.stdout:setvbuf: "full" (the default), "line" or "no" */
  vbuf: "full" as "full" | "line" | "no",
};

/** Other buffered outputs (files the io library has open) flushed with stdout: at exit and
 *  before anything goes to stderr. */
export const flushHooks: Array<() => void> = [];

export function writeStdout(s: string): void {
  pending.push(s);
  pendingLen += s.length;
  if (pendingLen >= LIMIT || (output.vbuf !== "full" && (output.vbuf === "no" || s.includes("\n")))) flushStdout();
}

export function flushStdout(): void {
  for (let i = 0; i < flushHooks.length; i++) flushHooks[i]();
  if (pendingLen === 0 && pending.length === 0) return;
  const data = Buffer.from(pending.join(""), "latin1");
  pending = [];
  pendingLen = 0;
  writeAll(output.fd, data);
}

export function writeStderr(s: string): void {
  flushStdout();
  writeAll(2, Buffer.from(s, "latin1"));
}

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += fs.writeSync(fd, data, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
      throw e;
    }
  }
}
