// What `assay types` knows about an API, before it is written as Lua Language Server
// definitions (emit.ts): functions with typed parameters and results, classes for the
// shapes they take and return, and the tables that hold them. The builtins are described by
// hand (builtins.ts) with compact signature strings that `fn` parses; the stdlib modules are
// read from their LDoc comments (ldoc.ts).

export interface Param {
  name: string;
  /** a LuaCATS type (`string`, `table?`, `http.Response`, `fun(req: http.Request): table`) */
  type: string;
  optional: boolean;
  doc: string;
}

export interface Result {
  type: string;
  doc: string;
}

export interface FunctionDef {
  name: string;
  /** one line (or a few) saying what it does */
  doc: string;
  params: Param[];
  results: Result[];
  /** other call forms, as LuaCATS `fun(...)` types */
  overloads?: string[];
}

export interface Field {
  name: string;
  type: string;
  doc: string;
}

export interface ClassDef {
  name: string;
  doc: string;
  fields: Field[];
  /** functions called with `:` on a value of the class */
  methods?: FunctionDef[];
  /** the class can be called like this (a callable table) */
  call?: string;
  /** a parent class or table type (`{ [integer]: table }`) */
  parent?: string;
}

/** A global: a table of functions (`http`), a function (`sleep`), or additions to a
 *  standard library table (`os.hostname`). */
export interface GlobalDef {
  name: string;
  doc: string;
  kind: "table" | "function" | "extends";
  functions: FunctionDef[];
  fields?: Field[];
  classes?: ClassDef[];
  /** for a callable table: how it is called (`assert(v, msg)`) */
  call?: FunctionDef;
  /** other globals the builtin sets (`_SERVER_PORT`) */
  variables?: Field[];
}

/** Splits `s` at `sep` where no bracket is open. */
export function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(" || c === "{" || c === "<" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]" || (c === ">" && s[i - 1] !== "-")) depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      out.push(s.slice(start, i).trim());
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== "" || out.length > 0) out.push(last);
  return out;
}

/** The index of the bracket closing the one at `open`. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(" || s[i] === "{") depth++;
    else if (s[i] === ")" || s[i] === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unbalanced signature: ${s}`);
}

/** Docs for the parameters by name, and for the results under `return` (one string, or
 *  one per result). */
export type Docs = Record<string, string | string[]>;

/**
 * A function from a signature such as `get(url: string, opts?: http.RequestOptions):
 * http.Response` — parameters `name: type` (`name?:` when it may be left out, `...: type`
 * for the rest), results after `:` separated by commas (none when there is no `:`).
 */
export function fn(signature: string, doc: string, docs: Docs = {}, overloads?: string[]): FunctionDef {
  const open = signature.indexOf("(");
  const close = closing(signature, open);
  const name = signature.slice(0, open).trim();
  const params = splitTop(signature.slice(open + 1, close), ",").map((p): Param => {
    const colon = p.indexOf(":");
    if (colon < 0) throw new Error(`parameter without a type in ${signature}: ${p}`);
    let pname = p.slice(0, colon).trim();
    const optional = pname.endsWith("?");
    if (optional) pname = pname.slice(0, -1);
    const d = docs[pname];
    return { name: pname, type: p.slice(colon + 1).trim(), optional, doc: typeof d === "string" ? d : "" };
  });
  const rest = signature.slice(close + 1).trim();
  const types = rest.startsWith(":") ? splitTop(rest.slice(1), ",") : [];
  const rdocs = docs.return === undefined ? [] : Array.isArray(docs.return) ? docs.return : [docs.return];
  const results = types.map((type, i): Result => ({ type, doc: rdocs[i] ?? "" }));
  return { name, doc, params, results, overloads };
}

/** A field list from `name: type — doc` lines. */
export function fields(...lines: string[]): Field[] {
  return lines.map((l) => {
    const [head, ...doc] = l.split(" — ");
    const colon = head.indexOf(":");
    return { name: head.slice(0, colon).trim(), type: head.slice(colon + 1).trim(), doc: doc.join(" — ").trim() };
  });
}
