// Reads a stdlib module's LDoc-style comments into the model `assay types` writes out:
//   --- @module assay.k8s            the module's name, then `--` lines describing it
//   --- Summary line.                a doc block before a definition: the summary, then
//   -- @param name type desc         parameters (`table|nil`: may be left out)
//   -- @return type desc             results (`nothing` for none)
//   -- @function name                for `M.name = other.fn` definitions
// Definitions: `function T.name(...)`, `function T:name(...)`, `T.name = value`. T is the
// table the file returns (the module) or another local table whose functions are methods of
// a class (`local Client = {}` → `assay.vault.Client`); `T.x = mod.fn` with
// `local mod = require("...")` takes fn's documentation, and
// `for k, v in pairs(require("X")) do T[k] = v end` makes T's class inherit X's functions.
// Types are resolved after every module is read (resolveTypes), so `client of assay.vault`
// names another module's class.
import type { Field, FunctionDef, Param, Result } from "./model.js";
import type { ModuleClass } from "./emit.js";

/** A function as read, before its types are resolved. */
interface RawFunction {
  name: string;
  doc: string;
  params: { name: string; text: string | undefined }[];
  results: string[];
  /** a class local this function returns instances of (setmetatable(..., T)) */
  returnsClass?: string;
  /** `T.name = mod.fn`: documentation taken from that module's function */
  alias?: { module: string; fn: string };
}

interface RawTable {
  local: string;
  functions: RawFunction[];
  methods: RawFunction[];
  fields: Field[];
  /** modules whose functions are copied into this table */
  mixins: string[];
}

export interface ModuleDoc {
  name: string;
  doc: string;
  /** the file is `return require("<alias>")` */
  alias?: string;
  /** the local the file returns */
  returns?: string;
  tables: Map<string, RawTable>;
}

/** The module-level doc: the `--` lines after `--- @module`, up to the first blank one. */
function headerDoc(lines: string[], from: number): string {
  const out: string[] = [];
  for (let i = from; i < lines.length && lines[i].startsWith("--"); i++) {
    const text = lines[i].replace(/^--+ ?/, "");
    if (text.trim() === "") break;
    out.push(text.trim());
  }
  return out.join(" ");
}

interface Block {
  summary: string[];
  params: Map<string, string>;
  results: string[];
  fnName?: string;
}

function readBlock(lines: string[], start: number): { block: Block; next: number } {
  const block: Block = { summary: [], params: new Map(), results: [] };
  let i = start;
  // a line without a tag continues the summary, or the @param/@return before it
  let more = (t: string): void => void block.summary.push(t);
  for (; i < lines.length && /^\s*--/.test(lines[i]); i++) {
    const text = lines[i].replace(/^\s*--+ ?/, "").trim();
    const tag = /^@(\w+)\s*(.*)$/.exec(text);
    if (tag === null) {
      if (text !== "") more(text);
      continue;
    }
    const [, name, rest] = tag;
    if (name === "param") {
      const m = /^(\S+)\s*(.*)$/.exec(rest);
      if (!m) continue;
      block.params.set(m[1], m[2]);
      more = (t) => void block.params.set(m[1], `${block.params.get(m[1])} ${t}`);
    } else if (name === "return") {
      const at = block.results.push(rest) - 1;
      more = (t) => void (block.results[at] += ` ${t}`);
    } else if (name === "function") block.fnName = rest.trim();
  }
  return { block, next: i };
}

function tableOf(doc: ModuleDoc, local: string): RawTable {
  let t = doc.tables.get(local);
  if (!t) doc.tables.set(local, (t = { local, functions: [], methods: [], fields: [], mixins: [] }));
  return t;
}

/** The text of a function from its definition line to the `end` closing it at column 0. */
function bodyOf(lines: string[], at: number): string {
  if (/\bend\s*$/.test(lines[at])) return lines[at];
  let j = at + 1;
  while (j < lines.length && !/^end\b/.test(lines[j])) j++;
  return lines.slice(at, j + 1).join("\n");
}

function fieldType(rhs: string): string {
  if (/^["']/.test(rhs) || rhs.includes("..")) return "string";
  if (/^-?\d+$/.test(rhs)) return "integer";
  if (/^-?[\d.]+(e-?\d+)?$/i.test(rhs)) return "number";
  if (rhs === "true" || rhs === "false") return "boolean";
  if (rhs.startsWith("{")) return "table";
  if (rhs.startsWith("function")) return "function";
  return "any";
}

function rawFunction(name: string, paramNames: string[], block: Block | undefined): RawFunction {
  return {
    name,
    doc: block ? block.summary.join(" ").trim() : "",
    params: paramNames.map((p) => ({ name: p, text: block?.params.get(p) })),
    results: block ? block.results : [],
  };
}

/** Parses one module file; null when it has no `--- @module` header. */
export function parseModule(source: string): ModuleDoc | null {
  const lines = source.split(/\r?\n/);
  const head = lines.findIndex((l) => /^---\s*@module\s+\S+/.test(l));
  if (head < 0) return null;
  const doc: ModuleDoc = { name: /@module\s+(\S+)/.exec(lines[head])![1], doc: headerDoc(lines, head + 1), tables: new Map() };
  const requires = new Map<string, string>();
  const classLocals = new Set<string>();
  let block: Block | undefined;
  for (let i = head + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^---(?!-)/.test(line)) {
      const r = readBlock(lines, i);
      block = r.block;
      i = r.next - 1;
      continue;
    }
    if (/^\s*--/.test(line)) continue;
    let m: RegExpExecArray | null;
    if ((m = /^local (\w+) = require\(?\s*["']([^"']+)["']\s*\)?/.exec(line))) requires.set(m[1], m[2]);
    else if ((m = /^local (\w+) = \{\}\s*$/.exec(line))) classLocals.add(m[1]);
    else if ((m = /^function (\w+)([.:])(\w+)\s*\(([^)]*)\)/.exec(line))) {
      const [, t, sep, name, plist] = m;
      const params = plist.split(",").map((p) => p.trim()).filter((p) => p !== "");
      const f = rawFunction(name, params, block);
      const body = bodyOf(lines, i);
      if (body.includes("setmetatable(")) {
        for (const c of classLocals) if (c !== t && new RegExp(`[,\\s]${c}\\s*\\)`).test(body)) f.returnsClass = c;
      }
      (sep === ":" ? tableOf(doc, t).methods : tableOf(doc, t).functions).push(f);
    } else if ((m = /^(\w+)\.(\w+)\s*=\s*(.+?)\s*$/.exec(line)) && !m[2].startsWith("__")) {
      const [, t, name, rhs] = m;
      const target = /^(\w+)\.(\w+)$/.exec(rhs);
      if (block?.fnName !== undefined || (target && requires.has(target[1]))) {
        const paramNames = block ? [...block.params.keys()] : [];
        const f = rawFunction(name, paramNames, block);
        if (target && requires.has(target[1]) && !block) {
          f.alias = { module: requires.get(target[1])!, fn: target[2] };
        }
        tableOf(doc, t).functions.push(f);
      } else if (block || !name.startsWith("_")) {
        tableOf(doc, t).fields.push({ name, type: fieldType(rhs), doc: block ? block.summary.join(" ").trim() : "" });
      }
    } else if ((m = /pairs\(require\(["']([^"']+)["']\)\)\s*do\s+(\w+)\[/.exec(line))) tableOf(doc, m[2]).mixins.push(m[1]);
    else if ((m = /^return require\(["']([^"']+)["']\)/.exec(line))) doc.alias = m[1];
    else if ((m = /^return (\w+)\s*$/.exec(line))) doc.returns = m[1];
    block = undefined;
  }
  return doc;
}

// ---- types ----

const LUA_TYPES = new Set(["nil", "any", "boolean", "string", "number", "integer", "function", "table", "thread", "userdata"]);
const SYNONYMS: Record<string, string> = { list: "table", array: "table", true: "boolean", false: "boolean", "function()": "function", bool: "boolean", int: "integer" };

/** The class name of table `local` of module `mod`. */
export function className(mod: ModuleDoc, local: string): string {
  return local === mod.returns ? mod.name : `${mod.name}.${local}`;
}

type Resolver = (word: string, rest: string) => string | undefined;

/** A doc's leading type word as a LuaCATS type, or undefined when it is not one. */
function typeWord(word: string, rest: string, resolve: Resolver): string | undefined {
  const w = word.replace(/[:;,]+$/, "");
  if (w === "") return undefined;
  const parts = w.split("|").map((p) => SYNONYMS[p] ?? p);
  const out: string[] = [];
  for (const p of parts) {
    if (LUA_TYPES.has(p)) out.push(p);
    else {
      const c = resolve(p, rest);
      if (c === undefined) return undefined;
      out.push(c);
    }
  }
  return [...new Set(out)].join("|");
}

function splitType(text: string, resolve: Resolver): { type: string | undefined; doc: string } {
  const m = /^(\S+)\s*(.*)$/.exec(text.trim());
  if (!m) return { type: undefined, doc: "" };
  const type = typeWord(m[1], m[2], resolve);
  return type === undefined ? { type: undefined, doc: text.trim() } : { type, doc: m[2].replace(/^[-:,;]\s*/, "") };
}

function resolveParam(p: { name: string; text: string | undefined }, resolve: Resolver): Param {
  const { type, doc } = p.text === undefined ? { type: undefined, doc: "" } : splitType(p.text, resolve);
  if (p.name === "...") return { name: "...", type: type ?? "any", optional: false, doc };
  const parts = (type ?? "any").split("|");
  const optional = parts.includes("nil") && parts.length > 1;
  const t = optional ? parts.filter((x) => x !== "nil").join("|") : parts.join("|");
  return { name: p.name, type: t, optional, doc };
}

function resolveResults(f: RawFunction, mod: ModuleDoc, resolve: Resolver): Result[] {
  if (f.results.length === 0) return f.returnsClass ? [{ type: className(mod, f.returnsClass), doc: "" }] : [];
  const out: Result[] = [];
  for (const r of f.results) {
    if (/^nothing\b/.test(r)) continue;
    const { type, doc } = splitType(r, resolve);
    out.push({ type: f.returnsClass ? className(mod, f.returnsClass) : type ?? "any", doc });
  }
  return out;
}

/** Turns every module's raw functions into FunctionDefs with LuaCATS types; `client of
 *  assay.vault` and a class local's name (`client` for Client) resolve to classes. */
export function resolveModules(mods: ModuleDoc[]): Map<string, { fns: Map<string, FunctionDef[]>; methods: Map<string, FunctionDef[]> }> {
  const byName = new Map(mods.map((m) => [m.name, m]));
  const out = new Map<string, { fns: Map<string, FunctionDef[]>; methods: Map<string, FunctionDef[]> }>();
  const rawOf = (modName: string, fname: string): RawFunction | undefined => {
    const m = byName.get(modName);
    const t = m?.returns ? m.tables.get(m.returns) : undefined;
    return t?.functions.find((f) => f.name === fname) ?? t?.methods.find((f) => f.name === fname);
  };
  for (const mod of mods) {
    const resolve: Resolver = (word, rest) => {
      const other = /\bof (assay(?:\.[\w-]+)+)/.exec(rest);
      const target = other && other[1] !== mod.name ? byName.get(other[1]) : mod;
      if (!target) return undefined;
      for (const local of target.tables.keys()) {
        if (local !== target.returns && local.toLowerCase() === word.toLowerCase()) return className(target, local);
      }
      return undefined;
    };
    // a function of another module installed as a method (`Client.x = mod.fn`) loses the
    // parameter that takes the client
    const define = (f: RawFunction, owner: ModuleDoc, local: string): FunctionDef => {
      let src = f;
      let dropFirst = false;
      if (f.alias) {
        const a = rawOf(f.alias.module, f.alias.fn);
        if (a) {
          src = { ...a, name: f.name };
          dropFirst = local !== owner.returns;
        }
      }
      const params = src.params.map((p) => resolveParam(p, resolve));
      return { name: f.name, doc: src.doc, params: dropFirst ? params.slice(1) : params, results: resolveResults(src, owner, resolve) };
    };
    const fns = new Map<string, FunctionDef[]>();
    const methods = new Map<string, FunctionDef[]>();
    for (const [local, t] of mod.tables) {
      const installed = (f: RawFunction): boolean => f.alias !== undefined && local !== mod.returns;
      const plain = t.functions.filter((f) => f.doc !== "" || f.alias || !f.name.startsWith("_"));
      fns.set(local, plain.filter((f) => !installed(f)).map((f) => define(f, mod, local)));
      const own = t.methods.filter((f) => f.doc !== "" || !f.name.startsWith("_"));
      methods.set(local, [...own, ...plain.filter(installed)].map((f) => define(f, mod, local)));
    }
    out.set(mod.name, { fns, methods });
  }
  return out;
}

/** The classes of a module: its own table (module functions and fields) and each local
 *  table with methods; `parent` for mixins. */
export function moduleClasses(mod: ModuleDoc, resolved: { fns: Map<string, FunctionDef[]>; methods: Map<string, FunctionDef[]> }, byName: Map<string, ModuleDoc>): ModuleClass[] {
  const out: ModuleClass[] = [];
  for (const [local, t] of mod.tables) {
    const isModule = local === mod.returns;
    const methods = resolved.methods.get(local) ?? [];
    const functions = resolved.fns.get(local) ?? [];
    if (!isModule && methods.length === 0 && functions.length === 0 && t.mixins.length === 0) continue;
    const mixin = t.mixins.map((m) => byName.get(m)).find((m) => m !== undefined);
    out.push({
      name: className(mod, local),
      local,
      doc: isModule ? mod.doc : "",
      fields: t.fields,
      methods,
      functions,
      parent: mixin ? mixin.name : undefined,
    });
  }
  return out;
}
