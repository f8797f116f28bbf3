// Reading a YAML document node by node with positions, for the check file's strict schema:
// each accessor checks one field's shape and throws a ConfigError that names the file, the
// line and column (the `yaml` package's LineCounter) and the field's path ("checks[1].url").
import { createRequire } from "node:module";
import type { Document, LineCounter, Node, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";

export type YNode = Node;
export type YMap = YAMLMap<unknown, unknown>;

/** A mistake in the check file: printed as "<file>:<line>:<col>: <field>: <message>". */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${col}: ${field ? field + ": " : ""}${detail}`);
  }
}

// the package is loaded from node_modules when check mode runs (a plain import would put
// it in the command-line bundle every script run loads)
let y: typeof import("yaml") | undefined;
function yaml(): typeof import("yaml") {
  y ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return y;
}

/** The first line of the parser's message, without its position (given separately). */
function parserMessage(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").replace(/:$/, "");
}

export class NodeReader {
  private constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly path: string,
  ) {}

  /** Parses `text`; invalid YAML (duplicate keys included) is a ConfigError. */
  static parse(text: string, path: string): NodeReader {
    const Y = yaml();
    const lines = new Y.LineCounter();
    const doc = Y.parseDocument(text, { lineCounter: lines, prettyErrors: true });
    const err = doc.errors[0];
    if (err) {
      const at = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
      throw new ConfigError(path, at.line, at.col, "", `invalid YAML: ${parserMessage(err.message)}`);
    }
    return new NodeReader(doc, lines, path);
  }

  // ---- positions and errors ----

  private pos(n: Node | Pair): { line: number; col: number } {
    const range = (n as Node).range ?? ((n as Pair).key as Node | null)?.range;
    return range ? this.lines.linePos(range[0]) : { line: 1, col: 1 };
  }

  line(n: Node): number {
    return this.pos(n).line;
  }

  error(n: Node | Pair, field: string, message: string): ConfigError {
    const { line, col } = this.pos(n);
    return new ConfigError(this.path, line, col, field, message);
  }

  field(at: string, key: string): string {
    return at ? `${at}.${key}` : key;
  }

  // ---- shapes ----

  private resolve(n: unknown): Node {
    const Y = yaml();
    return (Y.isAlias(n) ? n.resolve(this.doc) : n) as Node;
  }

  isNull(n: Node): boolean {
    return yaml().isScalar(n) && (n as Scalar).value === null;
  }

  isScalar(n: Node): boolean {
    return yaml().isScalar(n);
  }

  rootMap(): YMap {
    const c = this.doc.contents;
    if (c === null || this.isNull(c)) throw new ConfigError(this.path, 1, 1, "", 'missing required field "checks"');
    if (!yaml().isMap(c)) throw this.error(c, "", "expected a mapping (timeout, retries, backoff, parallel, checks) at the top level");
    return c as YMap;
  }

  map(n: Node, at: string): YMap {
    if (!yaml().isMap(n)) throw this.error(n, at, `expected a mapping, got ${this.describe(n)}`);
    return n as YMap;
  }

  seq(n: Node, at: string): YAMLSeq<unknown> {
    if (!yaml().isSeq(n)) throw this.error(n, at, `expected a list, got ${this.describe(n)}`);
    return n as YAMLSeq<unknown>;
  }

  /** A list's items, aliases resolved. */
  items(seq: YAMLSeq<unknown>): Node[] {
    return seq.items.map((it) => this.resolve(it));
  }

  private describe(n: Node): string {
    const Y = yaml();
    if (Y.isMap(n)) return "a mapping";
    if (Y.isSeq(n)) return "a list";
    if (this.isNull(n)) return "nothing";
    return JSON.stringify(this.source(n as Scalar));
  }

  toJS(n: Node): unknown {
    return n.toJS(this.doc);
  }

  // ---- fields ----

  private key(p: Pair): string | undefined {
    const Y = yaml();
    return Y.isScalar(p.key) && typeof p.key.value === "string" ? p.key.value : undefined;
  }

  /** Every key of `m` must be one of `allowed` (`forWhat` says whose fields they are). */
  checkFields(m: YMap, at: string, allowed: string[], forWhat?: string): void {
    for (const p of m.items) {
      const k = this.key(p as Pair);
      if (k !== undefined && allowed.includes(k)) continue;
      const name = k === undefined ? String((p.key as Scalar | null)?.value ?? p.key) : k;
      const expected = allowed.length === 0 ? "none are allowed" : `expected ${forWhat ? `for ${forWhat}: ` : ""}${allowed.join(", ")}`;
      throw this.error((p.key as Node | null) ?? m, at, `unknown field "${name}" (${expected})`);
    }
  }

  /** The value of `key` (aliases resolved), or undefined when the key is absent. */
  get(m: YMap, key: string): Node | undefined {
    const p = m.items.find((it) => this.key(it as Pair) === key) as Pair | undefined;
    if (p === undefined) return undefined;
    // "key:" with nothing after it: a null scalar placed at the key
    return p.value === null || p.value === undefined ? this.nullAt(p) : this.resolve(p.value);
  }

  private nullAt(p: Pair): Node {
    const s = new (yaml().Scalar)(null);
    s.range = (p.key as Node).range;
    return s;
  }

  required(m: YMap, key: string, at: string, where: Node): Node {
    const n = this.get(m, key);
    if (n === undefined || this.isNull(n)) throw this.error(where, at, `missing required field "${key}"`);
    return n;
  }

  private source(s: Scalar): string {
    return typeof s.value === "string" ? s.value : (s.source ?? String(s.value));
  }

  /** A scalar as text: strings as they are, numbers and booleans as written. */
  scalarText(n: Node, at: string): string {
    if (!yaml().isScalar(n) || this.isNull(n)) throw this.error(n, at, `expected a string, got ${this.describe(n)}`);
    return this.source(n as Scalar);
  }

  string(n: Node, at: string): string {
    return this.scalarText(n, at);
  }

  optString(m: YMap, key: string, at: string): string | undefined {
    const n = this.get(m, key);
    return n === undefined ? undefined : this.string(n, this.field(at, key));
  }

  optUint(m: YMap, key: string, at: string): number | undefined {
    const n = this.get(m, key);
    if (n === undefined) return undefined;
    const s = n as Scalar;
    if (!this.isScalar(n) || typeof s.value !== "number" || !/^\d+$/.test(s.source ?? "") || !Number.isSafeInteger(s.value))
      throw this.error(n, this.field(at, key), `expected a non-negative integer, got ${this.describe(n)}`);
    return s.value;
  }

  optNumber(m: YMap, key: string, at: string): number | undefined {
    const n = this.get(m, key);
    if (n === undefined) return undefined;
    const v = (n as Scalar).value;
    if (!this.isScalar(n) || typeof v !== "number" || Number.isNaN(v)) throw this.error(n, this.field(at, key), `expected a number, got ${this.describe(n)}`);
    return v;
  }

  optBool(m: YMap, key: string, at: string): boolean | undefined {
    const n = this.get(m, key);
    if (n === undefined) return undefined;
    const v = (n as Scalar).value;
    if (!this.isScalar(n) || typeof v !== "boolean") throw this.error(n, this.field(at, key), `expected true or false, got ${this.describe(n)}`);
    return v;
  }

  /** A mapping of names to scalar values (headers, env), in file order. */
  optPairs(m: YMap, key: string, at: string): [string, string][] | undefined {
    const n = this.get(m, key);
    if (n === undefined || this.isNull(n)) return undefined;
    const where = this.field(at, key);
    const out: [string, string][] = [];
    for (const p of this.map(n, where).items) {
      const k = this.key(p as Pair);
      if (k === undefined) throw this.error((p.key as Node | null) ?? n, where, "names must be strings");
      const v = p.value === null || p.value === undefined ? this.nullAt(p as Pair) : this.resolve(p.value);
      out.push([k, this.scalarText(v, `${where}.${k}`)]);
    }
    return out;
  }
}
