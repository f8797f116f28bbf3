// Node modules only some scripts need (processes, terminals, cryptography, V8's controls,
// the host's facts),
// loaded on first use so that every run does not pay for them at start-up: node:crypto
// alone pulls in Node's stream machinery, ~10 ms before a hello world could print.
import { createRequire } from "node:module";
import type * as ChildProcess from "node:child_process";
import type * as Os from "node:os";
import type * as Crypto from "node:crypto";
import type * as Tty from "node:tty";
import type * as V8 from "node:v8";
import type * as Zlib from "node:zlib";

const req = createRequire(import.meta.url);

export const lazyNode = {
  childProcess: (): typeof ChildProcess => req("node:child_process"),
  crypto: (): typeof Crypto => req("node:crypto"),
  os: (): typeof Os => req("node:os"),
  tty: (): typeof Tty => req("node:tty"),
  v8: (): typeof V8 => req("node:v8"),
  zlib: (): typeof Zlib => req("node:zlib"),
};

/** A stand-in for a module that loads it when one of its members is first used (the member
 *  reads go through a Proxy: for modules whose calls cost far more than that). */
export function onFirstUse<T extends object>(load: () => T): T {
  let m: T | undefined;
  return new Proxy({} as T, { get: (_t, k) => Reflect.get((m ??= load()), k) });
}
