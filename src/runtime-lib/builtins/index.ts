// The assay builtins: globals beyond Lua's standard library (SPEC B§1). Each lives in its own
// module exporting openX(G); this file opens them all, in a fixed order.
import { LuaTable } from "../core/table.js";
import { openAsync } from "./async.js";
// builtin imports:
// (json)
import { openJson } from "./json.js";
// (yaml, toml, base64)
import { openYaml } from "./yaml.js";
import { openToml } from "./toml.js";
import { openBase64 } from "./base64.js";
// (crypto, regex)
import { openCrypto } from "./crypto.js";
import { openRegex } from "./regex.js";
// (fs, template, env, log, assert, time)
import { openFs } from "./fs.js";
import { openTemplate } from "./template.js";
import { openEnv } from "./env.js";
import { openLog } from "./log.js";
import { openAssert } from "./assert.js";
import { openTime } from "./time.js";
import { openDb } from "./db.js";
// (network)
import { openHttp } from "./http.js";
import { openWs } from "./ws.js";
// (beyond v0.4.0: SPEC A5)
import { openShell } from "./shell.js";
import { openStringSplit } from "./string-split.js";

export function openBuiltins(G: LuaTable): void {
  openAsync(G);
  // builtin opens:
  // (json)
  openJson(G);
  // (yaml, toml, base64)
  openYaml(G);
  openToml(G);
  openBase64(G);
  // (crypto, regex)
  openCrypto(G);
  openRegex(G);
  // (fs, template, env, log, assert, time)
  openFs(G);
  openTemplate(G);
  openEnv(G);
  openLog(G);
  openAssert(G);
  openTime(G);
  openDb(G);
  // (network)
  openHttp(G);
  openWs(G);
  // (beyond v0.4.0: SPEC A5)
  openShell(G);
  openStringSplit(G);
}
