// The `template` table (SPEC B§1.18): Jinja2 templates, rendered with nunjucks set up to
// behave as minijinja's defaults do.
//   template.render_string(tmpl, vars?) → string
//   template.render(path, vars?) → string        reads the file, then as render_string
// vars is a table or nil; it goes through the shared Lua → data mapping (B§1.1, convert.ts):
// string keys, arrays for 1..n tables, an empty table is an empty list.
//
// Semantics (minijinja defaults, where nunjucks differs it is adjusted here):
// - NO AUTO-ESCAPING, whatever the file name: templates render config files (YAML, INI,
//   shell), not HTML. Use `| e` / `| escape` where HTML escaping is wanted.
// - undefined is lenient: an undefined variable prints as "", iterates as empty and is
//   falsy; a missing attribute of a defined value is undefined; but looking up an attribute
//   or index ON an undefined value (`{{ missing.attr }}`) is an error.
// - the single trailing newline of the template is dropped.
// - `{% for x in mapping %}` iterates the keys; `{% for k, v in mapping %}`, `mapping|items`,
//   `mapping.items()` give pairs. Python-style methods (.items(), .keys(), .values(),
//   .get(), .upper(), .lower(), .strip(), .split(), .startswith(), ...), slices `xs[1:3]`
//   and True/False/None work as in Jinja2.
// - a list prints as [1, 2, "a"], a mapping as {"k": 1}, none as "none".
// - no loader: {% include %}, {% extends %} and {% import %} fail (template not found).
// - filters: nunjucks' (upper, lower, title, capitalize, trim, replace, default/d, join,
//   first, last, length, sort, reverse, unique, int, float, round, abs, list, batch, slice,
//   sum, indent, center, truncate, wordcount, urlencode, dictsort, groupby, select, reject,
//   escape/e, safe, string, striptags, ...) plus minijinja's items, tojson, map, attr,
//   count, min, max, bool, split, lines, selectattr/rejectattr with a test.
// - known differences: Lua floats with integral values print without ".0" (1.0 → "1"), as
//   numbers reach the template as JS numbers; error texts are nunjucks' own.
// Errors: "template.render_string: <reason> (in <string>:<line>)" — for render, the file's
// path in place of <string> — with the calling Lua line's position.
import { readFileSync } from "node:fs";
import type * as Nunjucks from "nunjucks";
import { LuaTable } from "../core/table.js";
import { LuaError } from "../core/errors.js";
import { createRequire } from "node:module";
import { checkString, libError } from "../lib/aux.js";
import { toSysError } from "../lib/iofile.js";
import { luaToData, utf8Encode } from "./convert.js";

type NJ = typeof Nunjucks;
// nunjucks' internals this module adjusts (not in its type declarations)
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

let njEnv: Nunjucks.Environment | undefined;
let nj: NJ;

/** nunjucks, loaded (and adjusted) on first use: its module is large, and most scripts
 *  never render a template. */
function environment(): Nunjucks.Environment {
  if (njEnv) return njEnv;
  // a literal require: esbuild bundles the module but evaluates it only when this runs
  // (file-by-file tsc output, where ESM has no require, loads it from node_modules)
  nj = (typeof require === "function" ? require("nunjucks") : createRequire(import.meta.url)("nunjucks")) as NJ;
  adjust(nj);
  const env = new nj.Environment([], { autoescape: false, dev: true, throwOnUndefined: false });
  addFilters(env);
  njEnv = env;
  return env;
}

// ---- rendering values ----

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** A value inside a printed list or mapping: strings quoted, as minijinja shows them. */
function repr(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === undefined) return "undefined";
  return display(v);
}

/** A value printed by {{ }}. */
function display(v: unknown): string {
  if (v === null) return "none";
  if (Array.isArray(v)) return `[${v.map(repr).join(", ")}]`;
  if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${repr(x)}`).join(", ")}}`;
  return String(v);
}

// ---- adjustments to nunjucks (once per process) ----

class UndefinedLookup extends Error {}

const STRING_MEMBERS: Record<string, (this: string, ...a: any[]) => unknown> = {
  upper() {
    return this.toUpperCase();
  },
  lower() {
    return this.toLowerCase();
  },
  strip(chars?: string) {
    return chars === undefined ? this.trim() : stripChars(stripChars(this, chars, true), chars, false);
  },
  lstrip(chars?: string) {
    return chars === undefined ? this.trimStart() : stripChars(this, chars, true);
  },
  rstrip(chars?: string) {
    return chars === undefined ? this.trimEnd() : stripChars(this, chars, false);
  },
  startswith(p: string) {
    return this.startsWith(p);
  },
  endswith(p: string) {
    return this.endsWith(p);
  },
  split(sep?: string, max?: number) {
    return pySplit(this, sep, max);
  },
  replace(a: string, b: string, n?: number) {
    if (n === undefined || n < 0) return this.split(a).join(b);
    let s = this;
    let out = "";
    for (let i = 0; i < n; i++) {
      const j = s.indexOf(a);
      if (j < 0) break;
      out += s.slice(0, j) + b;
      s = s.slice(j + a.length);
    }
    return out + s;
  },
  title() {
    return this.replace(/\w\S*/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
  },
  capitalize() {
    return this.charAt(0).toUpperCase() + this.slice(1).toLowerCase();
  },
  count(sub: string) {
    return sub === "" ? this.length + 1 : this.split(sub).length - 1;
  },
  find(sub: string) {
    return this.indexOf(sub);
  },
  isdigit() {
    return /^\d+$/.test(this);
  },
  isalpha() {
    return /^\p{L}+$/u.test(this);
  },
};

function stripChars(s: string, chars: string, left: boolean): string {
  let i = 0;
  let j = s.length;
  if (left) while (i < j && chars.includes(s[i])) i++;
  else while (j > i && chars.includes(s[j - 1])) j--;
  return s.slice(i, j);
}

function pySplit(s: string, sep?: string | null, max?: number): string[] {
  if (sep === undefined || sep === null) {
    const parts = s.trim().split(/\s+/).filter((x) => x !== "");
    if (max === undefined || max < 0 || parts.length <= max + 1) return parts;
    // keep the rest after max splits as one field
    const out: string[] = [];
    let rest = s.trimStart();
    for (let i = 0; i < max; i++) {
      const m = /\s+/.exec(rest);
      if (!m) break;
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    out.push(rest);
    return out;
  }
  const parts = s.split(sep);
  if (max === undefined || max < 0 || parts.length <= max + 1) return parts;
  return [...parts.slice(0, max), parts.slice(max).join(sep)];
}

function adjust(n: NJ): void {
  const nunjucks = n as Any;
  // True/False/None, slices, .items()/.keys()/.get()/... on mappings and lists
  nunjucks.installJinjaCompat();
  const runtime = nunjucks.runtime;
  const nodes = nunjucks.nodes;
  const Compiler = nunjucks.compiler.Compiler;
  const memberLookup = runtime.memberLookup;

  // attribute and index lookups: an error on undefined, string methods, line tracking
  runtime.assayLookup = function assayLookup(name: string, obj: unknown, ...rest: unknown[]): unknown {
    if (obj === undefined) {
      const what = rest.length === 1 ? `'${String(rest[0])}'` : "a slice";
      throw new UndefinedLookup(`cannot look up ${what} on undefined value '${name}'`);
    }
    if (typeof obj === "string" && rest.length === 1 && typeof rest[0] === "string" && Object.hasOwn(STRING_MEMBERS, rest[0] as string))
      return STRING_MEMBERS[rest[0] as string].bind(obj);
    return memberLookup.call(this, obj, ...rest);
  };
  Compiler.prototype.compileLookupVal = function compileLookupVal(this: Any, node: Any, frame: Any): void {
    const name = this._getNodeName(node.target);
    this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, runtime.assayLookup(${JSON.stringify(String(name))}, (`);
    this._compileExpression(node.target, frame);
    this._emit("),");
    this._compileExpression(node.val, frame);
    this._emit("))");
  };

  // filters and tests keep the line number current, so their errors name their line
  for (const method of ["compileFilter", "compileIs"]) {
    const orig = Compiler.prototype[method];
    Compiler.prototype[method] = function (this: Any, node: Any, frame: Any): void {
      this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, `);
      orig.call(this, node, frame);
      this._emit(")");
    };
  }

  // {% for x in mapping %} iterates the keys, as in Jinja2
  const compileFor = Compiler.prototype.compileFor;
  Compiler.prototype.compileFor = function (this: Any, node: Any, frame: Any): void {
    if (!(node.name instanceof nodes.Array)) {
      const a = node.arr;
      node.arr = new nodes.Filter(a.lineno, a.colno, new nodes.Symbol(a.lineno, a.colno, "__assay_iter"), new nodes.NodeList(a.lineno, a.colno, [a]));
    }
    compileFor.call(this, node, frame);
  };

  // Jinja2's one test argument without parentheses: `x is divisibleby 3`, `x is sameas false`
  const Parser = nunjucks.parser.Parser;
  const ARG_TOKENS = new Set(["string", "int", "float", "boolean", "none", "symbol", "left-bracket", "left-curly"]);
  const NOT_ARG = new Set(["else", "or", "and", "if", "not", "in", "is"]);
  Parser.prototype.parseIs = function parseIs(this: Any): unknown {
    let node = this.parseCompare();
    if (this.skipSymbol("is")) {
      const not = this.skipSymbol("not");
      let test = this.parseCompare();
      if (test instanceof nodes.Symbol) {
        const tok = this.peekToken();
        if (tok && ARG_TOKENS.has(tok.type) && !(tok.type === "symbol" && NOT_ARG.has(tok.value))) {
          const arg = this.parsePrimary();
          test = new nodes.FunCall(test.lineno, test.colno, test, new nodes.NodeList(arg.lineno, arg.colno, [arg]));
        }
      }
      node = new nodes.Is(node.lineno, node.colno, node, test);
      if (not) node = new nodes.Not(node.lineno, node.colno, node);
    }
    return node;
  };

  // how values print
  const suppressValue = runtime.suppressValue;
  runtime.suppressValue = function (val: unknown, autoescape: boolean): unknown {
    if (val === null || Array.isArray(val) || isPlainObject(val)) val = display(val);
    return suppressValue.call(this, val, autoescape);
  };
}

// ---- filters, tests, globals ----

function toList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [...v];
  if (isPlainObject(v)) return Object.keys(v);
  return [v];
}

function attrOf(item: unknown, attr: string): unknown {
  let v: unknown = item;
  for (const part of String(attr).split(".")) {
    if (v === null || v === undefined) return undefined;
    v = (v as Record<string, unknown>)[/^\d+$/.test(part) && Array.isArray(v) ? Number(part) : part];
  }
  return v;
}

function addFilters(env: Nunjucks.Environment): void {
  const e = env as Any;
  e.addFilter("__assay_iter", (v: unknown) => (isPlainObject(v) ? Object.keys(v) : v));

  // sequence filters: undefined is an empty sequence (lenient undefined)
  for (const name of ["join", "first", "last", "sort", "reverse", "list", "sum", "batch", "slice", "select", "reject", "groupby"]) {
    const orig = e.getFilter(name);
    e.addFilter(name, function (this: unknown, v: unknown, ...a: unknown[]) {
      return orig.call(this, v === undefined || v === null ? [] : v, ...a);
    });
  }

  // int/float of something that is no number: 0, as in Jinja2 (nunjucks gives undefined)
  for (const name of ["int", "float"]) {
    const orig = e.getFilter(name);
    e.addFilter(name, function (this: unknown, ...a: unknown[]) {
      const r = orig.apply(this, a);
      return r === undefined ? 0 : r;
    });
  }

  e.addFilter("items", (v: unknown) => (isPlainObject(v) ? Object.entries(v) : toList(v).map((x, i) => [i, x])));
  e.addFilter("tojson", (v: unknown, indent?: unknown) => {
    const s = JSON.stringify(v === undefined ? null : v, (_k, x) => (typeof x === "bigint" ? Number(x) : x), typeof indent === "number" ? indent : undefined);
    // safe inside HTML <script> too, as minijinja's
    return new nj.runtime.SafeString(s.replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  });
  e.addFilter("unique", (v: unknown) => [...new Set(toList(v))]);
  e.addFilter("min", (v: unknown) => toList(v).reduce((m: any, x: any) => (m === undefined || x < m ? x : m), undefined));
  e.addFilter("max", (v: unknown) => toList(v).reduce((m: any, x: any) => (m === undefined || x > m ? x : m), undefined));
  e.addFilter("bool", (v: unknown) => (typeof v === "string" ? ["true", "yes", "on", "1"].includes(v.toLowerCase()) : !!v));
  e.addFilter("count", e.getFilter("length"));
  e.addFilter("split", (v: unknown, sep?: string, max?: number) => pySplit(String(v ?? ""), sep, max));
  e.addFilter("lines", (v: unknown) => String(v ?? "").split(/\r?\n/));
  e.addFilter("attr", (v: unknown, name: string) => attrOf(v, name));
  // map(attribute="x", default=...) or map("filter", args...)
  e.addFilter("map", function (this: Any, v: unknown, ...args: unknown[]) {
    const list = toList(v);
    const last = args[args.length - 1] as Any;
    const kw = last && typeof last === "object" && last.__keywords ? (args.pop() as Record<string, unknown>) : {};
    if (kw.attribute !== undefined) {
      return list.map((x) => {
        const r = attrOf(x, String(kw.attribute));
        return r === undefined ? kw.default : r;
      });
    }
    const name = args.shift();
    if (typeof name !== "string") throw new Error("map: expected a filter name or attribute=");
    const f = env.getFilter(name);
    return list.map((x) => f.call(this, x, ...args));
  });
  // selectattr("x"), selectattr("x", "equalto", 1)
  const byAttr = (keep: boolean) =>
    function (this: Any, v: unknown, attr: string, test?: string, ...args: unknown[]) {
      const t = test === undefined ? undefined : e.getTest(test);
      return toList(v).filter((x) => {
        const a = attrOf(x, attr);
        const ok = t === undefined ? !!a : !!t.call(this, a, ...args);
        return ok === keep;
      });
    };
  e.addFilter("selectattr", byAttr(true));
  e.addFilter("rejectattr", byAttr(false));

  e.addTest("startingwith", (v: unknown, p: string) => typeof v === "string" && v.startsWith(p));
  e.addTest("endingwith", (v: unknown, p: string) => typeof v === "string" && v.endsWith(p));
  e.addTest("sequence", (v: unknown) => Array.isArray(v));
  e.addTest("boolean", (v: unknown) => typeof v === "boolean");
  e.addTest("true", (v: unknown) => v === true);
  e.addTest("false", (v: unknown) => v === false);
  e.addTest("none", (v: unknown) => v === null);
  e.addTest("integer", (v: unknown) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)));
  e.addTest("float", (v: unknown) => typeof v === "number" && !Number.isInteger(v));
  e.addGlobal("dict", (kw?: Record<string, unknown>) => {
    const o: Record<string, unknown> = {};
    if (kw) for (const [k, v] of Object.entries(kw)) if (k !== "__keywords") o[k] = v;
    return o;
  });
}

// ---- errors ----

/** "reason (in name:line)" from a nunjucks error. */
function describe(err: unknown, name: string): string {
  if (!(err instanceof Error)) return String(err);
  const te = err as Error & { lineno?: number; cause?: unknown };
  let msg = te.message;
  // nunjucks prefixes "(path) [Line l, Column c]\n  " and the cause's "Error: "
  for (;;) {
    const m = /^\([^)\n]*\)(?: \[Line \d+, Column \d+\])?\n {2}/.exec(msg);
    if (m) {
      msg = msg.slice(m[0].length);
      continue;
    }
    const p = /^(?:Template render error|Error|TypeError|RangeError|ReferenceError): /.exec(msg);
    if (p && !(p[0].startsWith("TypeError") && te.cause === undefined)) {
      msg = msg.slice(p[0].length);
      continue;
    }
    break;
  }
  // runtime errors carry the compiled code's 0-based line, parse errors a 1-based one
  let line = typeof te.lineno === "number" ? te.lineno : 0;
  if (te.cause !== undefined && line >= 0) line += 1;
  if (te.cause === undefined && line === 0) return `${msg} (in ${name})`;
  return `${msg} (in ${name}:${line})`;
}

// ---- the library ----

function contextOf(fname: string, vars: unknown): Record<string, unknown> {
  if (vars === undefined) return {};
  if (!(vars instanceof LuaTable)) throw libError(`template.${fname}`, `template.${fname}: second argument must be a table or nil`);
  let data: unknown;
  try {
    data = luaToData(vars, { what: `template.${fname}` });
  } catch (e) {
    if (e instanceof LuaError && typeof e.value === "string") throw libError(`template.${fname}`, e.value);
    throw e;
  }
  if (Array.isArray(data)) return Object.fromEntries(data.map((x, i) => [String(i + 1), x]));
  return data as Record<string, unknown>;
}

/** Lua bytes → text; invalid UTF-8 is an error. */
function textOf(fname: string, s: string, what: string): string {
  if (!/[\x80-\xff]/.test(s)) return s;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(s, "latin1"));
  } catch {
    throw libError(`template.${fname}`, `template.${fname}: ${what} is not valid UTF-8`);
  }
}

function renderText(fname: string, source: string, ctx: Record<string, unknown>, name: string): string {
  const env = environment();
  // minijinja (and Jinja2) drop the template's single trailing newline
  let src = source;
  if (src.endsWith("\n")) src = src.slice(0, src.endsWith("\r\n") ? -2 : -1);
  let out: string;
  try {
    const tmpl = new nj.Template(src, env, name, true);
    out = tmpl.render(ctx);
  } catch (e) {
    if (e instanceof LuaError) throw e;
    throw libError(`template.${fname}`, `template.${fname}: ${describe(e, name)}`);
  }
  return utf8Encode(String(out));
}

const templateLib = {
  render_string(tmpl: unknown, vars: unknown): unknown {
    const s = checkString(tmpl, 1, "template.render_string", arguments.length > 0);
    const ctx = contextOf("render_string", vars);
    return renderText("render_string", textOf("render_string", s, "template"), ctx, "<string>");
  },

  render(path: unknown, vars: unknown): unknown {
    const p = checkString(path, 1, "template.render", arguments.length > 0);
    const ctx = contextOf("render", vars);
    let src: string;
    try {
      src = readFileSync(/[\x80-\xff]/.test(p) ? Buffer.from(p, "latin1") : p, "latin1");
    } catch (e) {
      throw libError("template.render", `template.render: ${p}: ${toSysError(e).message}`);
    }
    const name = Buffer.from(p, "latin1").toString("utf8");
    return renderText("render", textOf("render", src, p), ctx, name);
  },
};

export function openTemplate(G: LuaTable): void {
  G.setField("template", LuaTable.library(templateLib));
}
