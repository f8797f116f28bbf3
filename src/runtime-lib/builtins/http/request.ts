// One HTTP request as the Lua functions describe it (SPEC B§1.2, A4): arguments checked
// with SPEC's messages, headers merged (the caller's replace the runtime's), a table body
// JSON-encoded, opts.query appended; then the response as a Lua table.
import { LuaTable } from "../../core/table.js";
import { isNumber, numberToString } from "../../core/numbers.js";
import { libError } from "../../lib/aux.js";
import { encodeJson, JsonError } from "../json.js";
import { IoFailure } from "../../exec/scheduler.js";
import { secondsMs } from "../options.js";
import type { HttpResponse, RequestSpec } from "../../exec/ops/http-client.js";

/** Per-client settings the request starts from (the default client's for http.get). */
export interface ClientDefaults {
  id: number;
  timeoutMs: number;
  headers: [string, string][];
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const defaultClient: ClientDefaults = { id: 0, timeoutMs: DEFAULT_TIMEOUT_MS, headers: [] };

/** Methods whose second argument is the body. */
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** A value usable as a header value or query parameter: strings and numbers. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  if (typeof v === "boolean") return String(v);
  return undefined;
}

/** The pairs of a Lua table with string values, in key order (stable requests). */
function stringPairs(t: LuaTable, fname: string, what: string): [string, string][] {
  const out: [string, string][] = [];
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    const k = scalarText(e[0]);
    const v = scalarText(e[1]);
    if (k === undefined || v === undefined) throw libError(fname, `${fname}: ${what} must map names to strings or numbers`);
    out.push([k, v]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A headers table (name → string or number) as pairs in name order; anything else is an
 *  error naming `fname`. */
export function headerPairs(t: LuaTable, fname: string): [string, string][] {
  return stringPairs(t, fname, "headers");
}

/** Sets header `name` (any case), replacing what was there. */
export function setHeader(list: [string, string][], name: string, value: string): void {
  const lower = name.toLowerCase();
  const i = list.findIndex(([k]) => k.toLowerCase() === lower);
  if (i >= 0) list.splice(i, 1);
  list.push([name, value]);
}

export function hasHeader(list: [string, string][], name: string): boolean {
  const lower = name.toLowerCase();
  return list.some(([k]) => k.toLowerCase() === lower);
}

/** Percent-encodes a byte string for a query component (RFC 3986 unreserved kept). */
function queryEscape(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || ch === "-" || ch === "_" || ch === "." || ch === "~") out += ch;
    else out += "%" + (c < 16 ? "0" : "") + c.toString(16).toUpperCase();
  }
  return out;
}

function withQuery(url: string, query: LuaTable, fname: string): string {
  const parts: string[] = [];
  for (const [k, v] of stringPairsOrLists(query, fname)) parts.push(`${queryEscape(k)}=${queryEscape(v)}`);
  if (parts.length === 0) return url;
  const hash = url.indexOf("#");
  const base = hash < 0 ? url : url.slice(0, hash);
  return base + (base.includes("?") ? "&" : "?") + parts.join("&") + (hash < 0 ? "" : url.slice(hash));
}

/** Query pairs: a list value repeats its key (`{tag = {"a", "b"}}` → tag=a&tag=b). */
function stringPairsOrLists(t: LuaTable, fname: string): [string, string][] {
  const out: [string, string][] = [];
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    const k = scalarText(e[0]);
    if (k === undefined) throw libError(fname, `${fname}: query keys must be strings`);
    const vals = e[1] instanceof LuaTable ? listOf(e[1]) : [e[1]];
    for (const v of vals) {
      const s = scalarText(v);
      if (s === undefined) throw libError(fname, `${fname}: query value for '${k}' must be a string, number or boolean`);
      out.push([k, s]);
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function listOf(t: LuaTable): unknown[] {
  const out: unknown[] = [];
  for (let i = 1; i <= t.length(); i++) out.push(t.getInt(i));
  return out;
}


/** The WHATWG form of the URL (spaces and quotes in the query percent-encoded), checked to
 *  be http(s). */
function normaliseUrl(url: string, fname: string): string {
  let u: URL;
  try {
    u = new URL(Buffer.from(url, "latin1").toString("utf8"));
  } catch {
    throw libError(fname, `${fname} failed: invalid URL: ${url}`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw libError(fname, `${fname} failed: unsupported URL scheme '${u.protocol.slice(0, -1)}'`);
  return u.href;
}

/** Builds the request for `http.<m>(url, [body], opts)` (`args` after the method). */
export function buildRequest(fname: string, method: string, client: ClientDefaults, args: unknown[]): RequestSpec {
  const [url] = args;
  if (typeof url !== "string") throw libError(fname, `${fname}: first argument must be a URL string`);
  const hasBody = BODY_METHODS.has(method);
  let body = hasBody ? args[1] : undefined;
  const opts = hasBody ? args[2] : args[1];
  if (hasBody && body !== undefined && typeof body !== "string" && !(body instanceof LuaTable)) {
    throw libError(fname, `${fname}: second argument must be a string, table, or nil`);
  }
  if (opts !== undefined && !(opts instanceof LuaTable)) {
    throw libError(fname, `${fname}: ${hasBody ? "third" : "second"} argument must be a table or nil`);
  }
  const headers: [string, string][] = [["accept", "*/*"]];
  let timeout = client.timeoutMs;
  let target = url;
  if (opts instanceof LuaTable) {
    if (body === undefined) body = opts.get("body");
    const t = opts.get("timeout");
    if (t !== undefined) timeout = secondsMs(t, fname);
    const q = opts.get("query");
    if (q instanceof LuaTable) target = withQuery(target, q, fname);
  }
  let payload: string | null = null;
  if (body instanceof LuaTable) {
    try {
      payload = encodeJson(body, "");
    } catch (e) {
      if (e instanceof JsonError) throw libError(fname, `${fname}: JSON encode failed: ${e.msg}`);
      throw e;
    }
    setHeader(headers, "content-type", "application/json");
  } else if (typeof body === "string") payload = body === "" ? null : body;
  else if (body !== undefined) throw libError(fname, `${fname}: body must be a string, table, or nil`);
  for (const [k, v] of client.headers) setHeader(headers, k, v);
  const h = opts instanceof LuaTable ? opts.get("headers") : undefined;
  // (a headers value that is not a table is ignored, as the original did)
  if (h instanceof LuaTable) for (const [k, v] of headerPairs(h, fname)) setHeader(headers, k, v);
  return { client: client.id, method, url: normaliseUrl(target, fname), headers, body: payload, timeoutMs: timeout };
}

/** Header values a response table carries: visible ASCII (with spaces and tabs). */
const VISIBLE = /^[\t\x20-\x7e]*$/;

export function responseTable(r: HttpResponse): LuaTable {
  const t = new LuaTable();
  t.setStr("status", r.status);
  t.setStr("body", r.body);
  const h = new LuaTable();
  for (const [k, v] of r.headers) if (VISIBLE.test(v)) h.setStr(k, v);
  t.setStr("headers", h);
  return t;
}

/** A failed operation as `<fname> failed: <cause>`; other errors pass through. */
export function failed(fname: string, e: unknown): unknown {
  return e instanceof IoFailure ? libError(fname, `${fname} failed: ${e.message}`) : e;
}
