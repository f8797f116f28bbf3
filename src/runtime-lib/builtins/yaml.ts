// The `yaml` table (SPEC B§1.4, A5), on the `yaml` package:
//   yaml.parse(s, opts?) → value       one document (none → nil; more than one is an error)
//   yaml.parse_all(s, opts?) → array   every document of a `---` stream; empty (null)
//                                      documents are skipped, so the result is a sequence
//   yaml.encode(v) → string            block style, keys sorted, trailing newline
// Values go through the shared data mapping (convert.ts). Parsing is YAML 1.2 core schema
// (a `%YAML 1.1` directive switches that document to 1.1): integers stay integers (exact to
// 64 bits; beyond that they become floats), anything YAML resolves as a float stays a float
// (`1.0` → 1.0), null/`~`/empty → nil, mapping keys must be strings. Anchors and aliases
// work (an alias is a copy, not a shared table); `<<` merge keys are applied. A local tag
// (`!Ref x`) wraps its value as `{["!Ref"] = "x"}`; `opts.tags = "strip"` drops it instead.
import type { Alias, Document, LineCounter, Node as YNode, Pair, Scalar, ScalarTag, YAMLMap, YAMLSeq } from "yaml";
import { LuaTable } from "../core/table.js";
import { LuaError } from "../core/errors.js";
import { LFloat, mkFloat, normInt } from "../core/numbers.js";
import { checkString, libError } from "../lib/aux.js";
import { isParsedScalar, luaToData, markShape, parsedScalarToLua, utf8Decode, utf8Encode } from "./convert.js";

// The package is evaluated on first use (it is large, and most scripts never touch YAML):
// a plain require, which esbuild bundles but runs only when called. Every entry point calls
// loadYaml() before anything uses `y`.
let y: typeof import("yaml");
function loadYaml(): void {
  y ??= require("yaml") as typeof import("yaml");
}

const STD_TAG = "tag:yaml.org,2002:";
/** values created by expanding aliases, per call, are limited to this plus ten per byte of
 *  input: beyond that it is an alias bomb ("billion laughs") */
const ALIAS_EXPANSION_BASE = 100_000;

/** A LuaError from a shared helper, reraised with the caller's position (as luaL_error). */
export function relocate(fname: string, e: unknown): unknown {
  if (e instanceof LuaError && typeof e.value === "string" && e.value.startsWith(fname + ":")) return libError(fname, e.value);
  return e;
}

// ---- parse ----

type TagMode = "wrap" | "strip";

function tagMode(opts: unknown, fname: string): TagMode {
  if (opts === undefined) return "wrap";
  if (!(opts instanceof LuaTable)) throw libError(fname, `${fname}: options must be a table`);
  const t = opts.getStr("tags");
  if (t === undefined) return "wrap";
  if (t !== "wrap" && t !== "strip") throw libError(fname, `${fname}: tags must be "wrap" or "strip"`);
  return t;
}

/** The YAML library's message, first line only ("... at line 3, column 5"). */
function parserMessage(e: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }): string {
  let m = e.message.split("\n")[0].replace(/:$/, "");
  if (!/ at line \d+, column \d+$/.test(m) && e.linePos) m += ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}`;
  return m;
}

/** A YAML integer: exact within 64 bits, a float beyond (as JSON numbers are). */
function integer(v: bigint): unknown {
  return v >= -(2n ** 63n) && v < 2n ** 63n ? normInt(v) : mkFloat(Number(v));
}

class Converter {
  private expanded = 0;
  private readonly maxExpanded: number;
  private readonly active = new Set<YNode>();

  constructor(
    private readonly fname: string,
    private readonly lc: LineCounter,
    private readonly tags: TagMode,
    inputLength: number,
  ) {
    this.maxExpanded = ALIAS_EXPANSION_BASE + 10 * inputLength;
  }

  private where(node: { range?: unknown } | null | undefined): string {
    const r = node?.range;
    if (!Array.isArray(r)) return "";
    const p = this.lc.linePos(r[0] as number);
    return ` at line ${p.line}, column ${p.col}`;
  }

  private fail(msg: string, node?: { range?: unknown } | null): never {
    throw libError(this.fname, `${this.fname}: ${msg}${this.where(node)}`);
  }

  /** The node an alias points at (its anchor must precede it). */
  private target(doc: Document.Parsed, a: Alias): YNode {
    const t = a.resolve(doc);
    if (t === undefined) this.fail(`unknown anchor '${a.source}' referenced by alias`, a);
    if (this.active.has(t)) this.fail(`recursive alias *${a.source}`, a);
    return t;
  }

  value(doc: Document.Parsed, node: unknown, viaAlias: boolean): unknown {
    if (node === null || node === undefined) return undefined;
    if (y.isAlias(node)) return this.value(doc, this.target(doc, node), true);
    if (viaAlias && ++this.expanded > this.maxExpanded) this.fail("too many alias expansions (recursive or exponential aliases)");
    const n = node as YNode;
    const tag = n.tag;
    let v: unknown;
    this.active.add(n);
    try {
      if (y.isScalar(n)) v = this.scalar(n);
      else if (y.isSeq(n)) v = this.seq(doc, n, viaAlias);
      else if (y.isMap(n)) v = this.map(doc, n, viaAlias);
      else this.fail("unsupported YAML node", n);
    } finally {
      this.active.delete(n);
    }
    // a local tag (not yaml.org's, not the non-specific "!") wraps the value
    if (tag && this.tags === "wrap" && !tag.startsWith(STD_TAG) && tag !== "!") {
      const w = new LuaTable();
      if (v !== undefined) w.set(utf8Encode(tag), v);
      return w;
    }
    return v;
  }

  private scalar(n: Scalar): unknown {
    const v = n.value;
    if (isParsedScalar(v)) return parsedScalarToLua(v, integer);
    if (v === null || v === undefined) return undefined;
    // !!binary → the bytes; !!timestamp → the text as written
    if (v instanceof Uint8Array) return Buffer.from(v).toString("latin1");
    if (v instanceof Date) return utf8Encode(n.source ?? v.toISOString());
    return utf8Encode(String(v));
  }

  private seq(doc: Document.Parsed, n: YAMLSeq, viaAlias: boolean): LuaTable {
    const t = new LuaTable();
    let holes = false;
    n.items.forEach((item, i) => {
      const v = this.value(doc, item, viaAlias);
      if (v !== undefined) t.set(i + 1, v);
      else holes = true;
    });
    // `[]` and `[a, null]` stay sequences when encoded again (as json.parse marks them)
    return holes || n.items.length === 0 ? markShape(t, "array") : t;
  }

  private key(doc: Document.Parsed, k: unknown): string {
    let node = k;
    if (y.isAlias(node)) node = this.target(doc, node);
    if (y.isScalar(node) && typeof node.value === "string") return utf8Encode(node.value);
    const what = y.isScalar(node) ? (node.source ?? String(node.value)) : y.isMap(node) ? "(a mapping)" : y.isSeq(node) ? "(a sequence)" : "(null)";
    this.fail(`unsupported YAML mapping key ${what} (keys must be strings)`, (k as YNode | null) ?? undefined);
  }

  private map(doc: Document.Parsed, n: YAMLMap, viaAlias: boolean): LuaTable {
    const t = new LuaTable();
    const keys = new Set<string>();
    const merges: Pair[] = [];
    for (const p of n.items as Pair[]) {
      // `<<: *base` merges (a plain "<<" key only: '<<' quoted is an ordinary key)
      if (y.isScalar(p.key) && p.key.value === "<<" && p.key.type === y.Scalar.PLAIN && !p.key.tag) {
        merges.push(p);
        continue;
      }
      const k = this.key(doc, p.key);
      // (checked here: the library's own check is quadratic in the number of keys)
      if (keys.has(k)) this.fail("Map keys must be unique", p.key as YNode);
      keys.add(k);
      const v = this.value(doc, p.value, viaAlias);
      if (v !== undefined) t.setStr(k, v);
    }
    // explicit keys win over merged ones; among merged mappings the first wins
    for (const p of merges) {
      let src = p.value as unknown;
      if (y.isAlias(src)) src = this.target(doc, src);
      const sources = y.isSeq(src) ? src.items : [src];
      for (const s of sources) {
        let m = s;
        if (y.isAlias(m)) m = this.target(doc, m);
        if (!y.isMap(m)) this.fail("merge key << needs a mapping or a sequence of mappings", (p.key as YNode) ?? undefined);
        const mt = this.value(doc, m, true) as LuaTable;
        for (let e = mt.next(undefined); e !== undefined; e = mt.next(e[0])) {
          const k = e[0] as string;
          if (keys.has(k)) continue;
          keys.add(k);
          t.setStr(k, e[1]);
        }
      }
    }
    return t.next(undefined) === undefined ? markShape(t, "object") : t;
  }
}

function load(s: unknown, present: boolean, opts: unknown, fname: string): unknown[] {
  loadYaml();
  const text = checkString(s, 1, fname, present);
  const tags = tagMode(opts, fname);
  let src: string;
  try {
    src = utf8Decode(text, fname);
  } catch (e) {
    throw relocate(fname, e);
  }
  const lc = new y.LineCounter();
  const docs = y.parseAllDocuments(src, { intAsBigInt: true, lineCounter: lc, uniqueKeys: false });
  for (const d of docs) {
    if (d.errors.length > 0) throw libError(fname, `${fname}: ${parserMessage(d.errors[0])}`);
  }
  if (fname === "yaml.parse" && docs.length > 1) {
    const p = lc.linePos(docs[1].range[0]);
    throw libError(fname, `${fname}: found more than one document (use yaml.parse_all) at line ${p.line}, column ${p.col}`);
  }
  const conv = new Converter(fname, lc, tags, src.length);
  return docs.map((d) => conv.value(d, d.contents, false));
}

function parse(s: unknown, opts?: unknown): unknown {
  return load(s, arguments.length > 0, opts, "yaml.parse")[0];
}

function parse_all(s: unknown, opts?: unknown): unknown {
  const t = new LuaTable();
  let i = 0;
  for (const v of load(s, arguments.length > 0, opts, "yaml.parse_all")) if (v !== undefined) t.set(++i, v);
  return t;
}

// ---- encode ----

/** Floats print with a fraction or exponent, so they read back as floats (`1.0`, `-0.0`, `1e+21`). */
export function floatText(n: number): string {
  if (Object.is(n, -0)) return "-0.0";
  const s = String(n);
  return /^-?\d+$/.test(s) ? s + ".0" : s;
}

const floatTag: ScalarTag = {
  tag: `${STD_TAG}float`,
  default: true,
  identify: (v) => v instanceof LFloat,
  resolve: (s) => s,
  stringify: (item) => floatText(((item as Scalar).value as LFloat).n),
};

/** Plain strings that YAML 1.1 readers (kubectl, PyYAML, many tools) take as non-strings,
 *  and the merge key: these are quoted although YAML 1.2 would read them as strings. */
const YAML11_WORD = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$/;
const YAML11_NUMBER = /^[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0b[01_]+|0x[0-9a-fA-F_]+|\.[0-9_]+(?:[eE][-+]?[0-9]+)?)$/;
const YAML11_DATE = /^\d{4}-\d\d?-\d\d?(?:$|[Tt ])/;

function strNode(s: string): Scalar {
  const n = new y.Scalar(s);
  if (YAML11_WORD.test(s) || YAML11_NUMBER.test(s) || YAML11_DATE.test(s)) n.type = y.Scalar.QUOTE_DOUBLE;
  // only spaces on every line: the library's block scalar would lose the spaces
  else if (/^[ \n]*\n[ \n]*$/.test(s)) n.type = y.Scalar.QUOTE_DOUBLE;
  return n;
}

/** Keys in byte order of their UTF-8 (= code point order). */
export function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

function toNode(v: unknown): YNode {
  if (v === null) return new y.Scalar(null);
  if (typeof v === "string") return strNode(v);
  if (typeof v === "number") return new y.Scalar(Number.isInteger(v) ? v : new LFloat(v));
  if (typeof v === "boolean" || typeof v === "bigint" || v instanceof LFloat) return new y.Scalar(v);
  if (Array.isArray(v)) {
    const s = new y.YAMLSeq();
    for (const x of v) s.items.push(toNode(x));
    return s;
  }
  const o = v as Record<string, unknown>;
  const m = new y.YAMLMap();
  for (const k of Object.keys(o).sort(byteOrder)) m.items.push(new y.Pair(strNode(k), toNode(o[k])));
  return m;
}

function encode(v: unknown): unknown {
  loadYaml();
  let data: unknown;
  try {
    data = luaToData(v, { what: "yaml.encode", keepFloats: true, emptyTables: "object" });
  } catch (e) {
    throw relocate("yaml.encode", e);
  }
  const doc = new y.Document(null, { customTags: [floatTag] });
  doc.contents = toNode(data) as typeof doc.contents;
  return utf8Encode(doc.toString({ indentSeq: false, lineWidth: 0 }));
}

export function openYaml(G: LuaTable): void {
  G.setField("yaml", LuaTable.library({ parse, parse_all, encode }));
}
