// Node modules only some scripts need (processes, terminals), loaded on first use so that
// every run does not pay for them at start-up.
import { createRequire } from "node:module";
import type * as ChildProcess from "node:child_process";
import type * as Tty from "node:tty";

const req = createRequire(import.meta.url);

export const lazyNode = {
  childProcess: (): typeof ChildProcess => req("node:child_process"),
  tty: (): typeof Tty => req("node:tty"),
};
