// The auxiliary library: every argument check and library error goes through here, so all
// messages read as Lua's ("bad argument #1 to 'insert' (table expected, got nil)").
// Like luaL_argerror, the function is named as the call site named it ("method 'rep'",
// "local 'f'"), as a metamethod by its event ("index"), or by its qualified name ("string.rep")
// when not called from Lua directly.
import { LuaError, calleeDescription, captureSites, frameKind, luaPosAt, afterBuiltin, wherePrefix, LuaPos } from "../core/errors.js";
import { metamethodOf } from "../traceback.js";
import { LuaTable } from "../core/table.js";
import { objTypeName, metaOf, tostringMeta } from "../core/ops.js";
import { addressOf, typeName } from "../core/values.js";
import { LFloat, LuaNumber, str2number, toIntExact, isNumber, numberToString } from "../core/numbers.js";

interface Caller {
  name: string;
  method: boolean;
  pos: LuaPos | undefined;
  sites: NodeJS.CallSite[];
}

/** How the running builtin `fname` ("string.rep") was called. */
function callerOf(fname: string): Caller {
  const short = fname.slice(fname.lastIndexOf(".") + 1);
  const sites = captureSites(30);
  const from = afterBuiltin(sites, short);
  const pos = from > 0 ? luaPosAt(sites, 1, from) : undefined;
  // called as a metamethod: Lua names it by the event ("bad argument #1 to 'index'")
  const event = from > 0 ? metamethodBetween(sites, from) : undefined;
  if (event !== undefined) return { name: event, method: false, pos, sites };
  const desc = calleeDescription(pos);
  const m = desc === undefined ? null : /^([\w ]+?) '(.*)'$/.exec(desc);
  if (m) return { name: m[2], method: m[1] === "method", pos, sites };
  return { name: fname, method: false, pos, sites };
}

/** The metamethod event when the frames from `from` are the runtime's operator helpers and
 *  then a Lua function (which called the helper). */
function metamethodBetween(sites: NodeJS.CallSite[], from: number): string | undefined {
  const helpers: string[] = [];
  for (let i = from; i < sites.length; i++) {
    const kind = frameKind(sites[i]);
    if (kind === "skip") helpers.push(sites[i].getFunctionName() ?? "");
    else return kind === "lua" ? metamethodOf(helpers) : undefined;
  }
  return undefined;
}

/** luaL_error: message with the position of the Lua code that called the builtin. */
export function libError(fname: string, msg: string): LuaError {
  const c = callerOf(fname);
  return new LuaError(wherePrefix(c.pos) + msg, c.sites);
}

export function argError(arg: number, fname: string, extra: string): LuaError {
  const c = callerOf(fname);
  if (c.method) {
    arg--;
    if (arg === 0) return new LuaError(wherePrefix(c.pos) + `calling '${c.name}' on bad self (${extra})`, c.sites);
  }
  return new LuaError(wherePrefix(c.pos) + `bad argument #${arg} to '${c.name}' (${extra})`, c.sites);
}

export function typeError(arg: number, fname: string, expected: string, v: unknown, present = true): LuaError {
  const got = present ? objTypeName(v) : "no value";
  return argError(arg, fname, `${expected} expected, got ${got}`);
}

export function checkTable(v: unknown, arg: number, fname: string, present = true): LuaTable {
  if (v instanceof LuaTable) return v;
  throw typeError(arg, fname, "table", v, present);
}

export function checkAny(present: boolean, arg: number, fname: string): void {
  if (!present) throw argError(arg, fname, "value expected");
}

/** luaL_checkinteger: integers, floats with an integral value, numeric strings. */
export function checkInteger(v: unknown, arg: number, fname: string, present = true): number | bigint {
  const n = toNumberArg(v);
  if (n === undefined) throw typeError(arg, fname, "number", v, present);
  const i = toIntExact(n);
  if (i === undefined) throw argError(arg, fname, "number has no integer representation");
  return i;
}

export function optInteger(v: unknown, arg: number, fname: string, def: number): number | bigint {
  return v === undefined ? def : checkInteger(v, arg, fname);
}

/** An integer argument as a JS number (clamped to ±2^53 when it is a bigint). */
export function checkInt(v: unknown, arg: number, fname: string, present = true): number {
  const i = checkInteger(v, arg, fname, present);
  return typeof i === "number" ? i : i > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

export function optInt(v: unknown, arg: number, fname: string, def: number): number {
  return v === undefined ? def : checkInt(v, arg, fname);
}

export function checkNumber(v: unknown, arg: number, fname: string, present = true): LuaNumber {
  const n = toNumberArg(v);
  if (n === undefined) throw typeError(arg, fname, "number", v, present);
  return n;
}

function toNumberArg(v: unknown): LuaNumber | undefined {
  if (isNumber(v)) return v;
  if (typeof v === "string") return str2number(v);
  return undefined;
}

/** luaL_checklstring: strings, and numbers converted to strings. */
export function checkString(v: unknown, arg: number, fname: string, present = true): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || v instanceof LFloat) return numberToString(v);
  throw typeError(arg, fname, "string", v, present);
}

export function optString(v: unknown, arg: number, fname: string, def: string): string {
  return v === undefined ? def : checkString(v, arg, fname);
}

/** luaL_checkoption */
export function checkOption(v: unknown, arg: number, fname: string, options: string[], def?: string): string {
  const s = v === undefined && def !== undefined ? def : checkString(v, arg, fname);
  if (!options.includes(s)) throw argError(arg, fname, `invalid option '${s}'`);
  return s;
}

/** How an uncaught error value reads in a report (lua.c's msghandler). */
export function errorMessage(v: unknown): string {
  if (typeof v === "string") return v;
  if (metaOf(v, "__tostring") !== undefined) return tostringMeta(v, addressOf);
  if (isNumber(v)) return tostringMeta(v, addressOf);
  return `(error object is a ${typeName(v)} value)`;
}
