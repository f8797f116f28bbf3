// The `env` table (SPEC B§1.11, A5): the process environment.
//   env.get(name) → string|nil     a per-check override in env._check_env[name] (check mode
//                                  fills it, B§3.3) wins; else the process environment
//   env.set(name, value|nil)       sets (string or number) or, with nil, unsets a variable;
//                                  child processes started afterwards see the change
//   env.list() → {{key=, value=}}  the process environment, sorted by key (byte order)
//   env._process_get(name)         the process environment only (as the original exposes it)
//   env._check_env                 the override table: empty, or in a check-mode script check
//                                  (cli/check/script.ts) the check's `env`, passed to the
//                                  child as ASSAY_CHECK_ENV (a JSON object of strings), which
//                                  is removed from the environment the script sees
// Names and values are byte strings holding UTF-8. A name cannot be empty or contain "=" or
// NUL; such a name is never set (get → nil, set → error).
import { LuaTable } from "../core/table.js";
import { EMPTY } from "../core/multi.js";
import { LFloat } from "../core/numbers.js";
import { checkString, libError, typeError } from "../lib/aux.js";
import { utf8Encode } from "./convert.js";

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Lua bytes → JS string, or undefined when they are not valid UTF-8. */
function textOf(s: string): string | undefined {
  if (!/[\x80-\xff]/.test(s)) return s;
  try {
    return fatalUtf8.decode(Buffer.from(s, "latin1"));
  } catch {
    return undefined;
  }
}

function validName(name: string): boolean {
  return name.length > 0 && !name.includes("=") && !name.includes("\0");
}

function processGet(name: string): string | undefined {
  const key = textOf(name);
  if (key === undefined || !validName(key)) return undefined;
  const v = process.env[key];
  return v === undefined ? undefined : utf8Encode(v);
}

/** The check-mode overrides handed over in ASSAY_CHECK_ENV (then unset); an invalid value
 *  gives none. */
function checkEnv(): LuaTable {
  const t = new LuaTable();
  const raw = process.env.ASSAY_CHECK_ENV;
  if (raw === undefined) return t;
  delete process.env.ASSAY_CHECK_ENV;
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) if (typeof v === "string") t.set(utf8Encode(k), utf8Encode(v));
  } catch {
    // not JSON: no overrides
  }
  return t;
}

export function openEnv(G: LuaTable): void {
  const env = new LuaTable();
  env.setField("_check_env", checkEnv());

  env.setField("_process_get", function _process_get(name: unknown): unknown {
    return processGet(checkString(name, 1, "env._process_get", arguments.length > 0));
  });

  env.setField("get", function get(name: unknown): unknown {
    const key = checkString(name, 1, "env.get", arguments.length > 0);
    // read at each call: check mode (or the script) may replace the table
    const overrides = env.getStr("_check_env");
    if (overrides instanceof LuaTable) {
      const v = overrides.get(key);
      if (v !== undefined) return v;
    }
    return processGet(key);
  });

  env.setField("set", function set(name: unknown, value: unknown): unknown {
    const key = checkString(name, 1, "env.set", arguments.length > 0);
    const k = textOf(key);
    if (k === undefined || !validName(k)) throw libError("env.set", `env.set: invalid variable name "${key}"`);
    if (value === undefined) {
      delete process.env[k];
      return EMPTY;
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint" && !(value instanceof LFloat))
      throw typeError(2, "env.set", "string or nil", value);
    const raw = checkString(value, 2, "env.set");
    const v = textOf(raw);
    if (v === undefined) throw libError("env.set", `env.set: value of ${key} is not valid UTF-8`);
    if (v.includes("\0")) throw libError("env.set", `env.set: value of ${key} contains a NUL byte`);
    process.env[k] = v;
    return EMPTY;
  });

  env.setField("list", function list(): unknown {
    const entries = Object.entries(process.env)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => [utf8Encode(k), utf8Encode(v)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out = new LuaTable();
    entries.forEach(([k, v], i) => {
      const e = new LuaTable();
      e.setStr("key", k);
      e.setStr("value", v);
      out.setInt(i + 1, e);
    });
    return out;
  });

  G.setField("env", env);
}
