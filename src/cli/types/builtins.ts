// The builtins as `assay types` describes them: every global assay adds to Lua's standard
// library, with typed parameters and results and a line of documentation each. Maintained by
// hand (builtins-data.ts, builtins-sys.ts, builtins-net.ts); tests/types.test.mjs checks the
// list against the runtime — every function of every builtin table is here, with as many
// parameters as its implementation declares — so a new builtin function fails that test
// until it is described.
import type { GlobalDef } from "./model.js";
import { base64, crypto, json, regex, template, toml, yaml } from "./builtins-data.js";
import { assert, async, env, fs, log, os, shell, sleep, string, testGlobal, time } from "./builtins-sys.js";
import { db, http, ws } from "./builtins-net.js";

/** In the order of builtins/index.ts. */
export const BUILTINS: GlobalDef[] = [sleep, async, json, yaml, toml, base64, crypto, regex, fs, template, env, log, assert, time, db, http, ws, shell, os, string];

/** Globals that exist only in some runs: `test` under `assay test`. */
export const CONTEXT_GLOBALS: GlobalDef[] = [testGlobal];
