// The stdlib manifest (`manifest.yaml` beside the libraries of an ASSAY_LIB_PATH directory):
// its head — `name`, `version`, `requires.assay` — and the semver ranges it states. The
// assay searcher (package.ts) calls checkLibDir once per directory it loads a module from:
// a stdlib whose `requires.assay` excludes this runtime gets one warning (log.warn's format,
// so ASSAY_LOG_FORMAT=json applies) naming both versions; the module still loads.
//
// The head is read with a line reader (block-style YAML, as manifest.yaml is written): no
// YAML parser at start-up for a check made on every run that requires a stdlib module.
// Anything else (flow style, anchors) goes to the yaml package, as `assay stdlib list` does.
import fs from "node:fs";
import path from "node:path";
import { VERSION } from "../../version.js";
import { logLine } from "../builtins/log.js";
import { utf8Encode } from "../builtins/convert.js";

export const MANIFEST_FILE = "manifest.yaml";

/** What the runtime needs of a manifest. */
export interface ManifestHead {
  name?: string;
  version?: string;
  /** `requires.assay`: a semver range */
  requiresAssay?: string;
}

// ---- reading the head ----

/** A plain or quoted scalar, or undefined for anything richer (flow collections, block
 *  scalars, aliases), which only a YAML parser reads correctly. */
function scalar(raw: string): string | undefined {
  const v = raw.trim();
  if (v.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(v);
    return m ? (JSON.parse(`"${m[1]}"`) as string) : undefined;
  }
  if (v.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(v);
    return m ? m[1].replace(/''/g, "'") : undefined;
  }
  if (/^[[{&*!|>%@`]/.test(v)) return undefined;
  return v.replace(/\s+#.*$/, "");
}

/** The head of a block-style manifest, or null when the line reader cannot be sure. */
export function readHeadFast(text: string): ManifestHead | null {
  const head: ManifestHead = {};
  let section: string | null = null;
  let childIndent = -1;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (line === "---" || line.startsWith("--- ")) continue;
    const top = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (top) {
      section = top[1];
      childIndent = -1;
      const value = top[2] === undefined || /^#/.test(top[2]) ? "" : top[2];
      if (section === "requires" && value !== "") return null;
      if (section === "name" || section === "version") {
        const s = scalar(value);
        if (s === undefined) return null;
        head[section] = s;
      }
      continue;
    }
    if (section !== "requires") continue;
    const child = /^(\s+)([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!child) continue;
    if (childIndent === -1) childIndent = child[1].length;
    if (child[1].length !== childIndent || child[2] !== "assay") continue;
    const s = scalar(child[3] ?? "");
    if (s === undefined) return null;
    head.requiresAssay = s;
  }
  return head;
}

/** The head of any manifest: the line reader, else the yaml package. */
export function readHead(text: string): ManifestHead {
  const fast = readHeadFast(text);
  if (fast !== null) return fast;
  // (a plain require, bundled by esbuild and run only here, as builtins/yaml.ts does)
  const yaml = require("yaml") as typeof import("yaml");
  return headOf(yaml.parse(text));
}

/** The head of a parsed manifest (any YAML value). */
export function headOf(doc: unknown): ManifestHead {
  const field = (v: unknown, key: string): unknown => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined);
  const str = (v: unknown): string | undefined => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
  return { name: str(field(doc, "name")), version: str(field(doc, "version")), requiresAssay: str(field(field(doc, "requires"), "assay")) };
}

// ---- semver ranges: the forms manifests use ----
// A range is comparator sets joined by `||`; a set is comparators separated by spaces, all
// of which must hold. Comparators: `>=1.2.3`, `>`, `<=`, `<`, `=`/bare (`1.2.3`, `1.2`,
// `1.x`, `*`), `^1.2.3`, `~1.2.3`, and hyphen ranges `1.2.3 - 2.0.0`. Missing parts count
// as 0 (`>=1.2` is `>=1.2.0`); x/X/* parts widen a bare version (`1.x` is `>=1.0.0 <2.0.0`).
// A pre-release sorts before its release (1.0.0-rc.1 < 1.0.0); unlike npm's semver, a range
// does not otherwise exclude pre-releases.

type Version = [number, number, number, string[]];
type Comparator = { op: "<" | "<=" | ">" | ">=" | "="; v: Version };

const PART = "(0|[1-9]\\d*|[xX*])";
const PARTIAL = new RegExp(`^v?${PART}(?:\\.${PART}(?:\\.${PART}(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?)?)?$`);

/** A version of up to three parts: its numbers (null where missing or a wildcard). */
function partial(s: string): { n: (number | null)[]; pre: string[] } | null {
  const m = PARTIAL.exec(s);
  if (!m) return null;
  const n = [m[1], m[2], m[3]].map((p) => (p === undefined || /^[xX*]$/.test(p) ? null : Number(p)));
  // (a wildcard ends the version: 1.x.3 means 1.x)
  const cut = n.indexOf(null);
  if (cut !== -1) n.fill(null, cut);
  return { n, pre: m[4] && cut === -1 ? m[4].split(".") : [] };
}

/** A full version (x.y.z, optional pre-release and build), or null. */
export function parseVersion(s: string): Version | null {
  const p = partial(s.trim());
  if (p === null || p.n.includes(null)) return null;
  return [p.n[0]!, p.n[1]!, p.n[2]!, p.pre];
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    const na = /^\d+$/.test(a[i]), nb = /^\d+$/.test(b[i]);
    if (na && nb && Number(a[i]) !== Number(b[i])) return Number(a[i]) - Number(b[i]);
    if (na !== nb) return na ? -1 : 1;
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return comparePre(a[3], b[3]);
}

const v3 = (a: number, b: number, c: number): Version => [a, b, c, []];

/** The comparators of one range element (`^1.2`, `>=1.0.0`, `1.x`, ...). */
function comparators(token: string): Comparator[] {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*(.+)$/.exec(token);
  const p = m && partial(m[2]);
  if (!m || !p) throw new Error(`invalid version range element '${token}'`);
  const op = m[1] ?? "=";
  const [ma, mi, pa] = p.n;
  const base: Version = [ma ?? 0, mi ?? 0, pa ?? 0, p.pre];
  if (ma === null) return op === "<" || op === ">" ? [{ op: "<", v: v3(0, 0, 0) }] : [];
  switch (op) {
    case "^": {
      const upper = ma > 0 || mi === null ? v3(ma + 1, 0, 0) : mi > 0 || pa === null ? v3(0, mi + 1, 0) : v3(0, 0, pa + 1);
      return [{ op: ">=", v: base }, { op: "<", v: upper }];
    }
    case "~":
      return [{ op: ">=", v: base }, { op: "<", v: mi === null ? v3(ma + 1, 0, 0) : v3(ma, mi + 1, 0) }];
    case "=": {
      if (pa !== null) return [{ op: "=", v: base }];
      return [{ op: ">=", v: base }, { op: "<", v: mi === null ? v3(ma + 1, 0, 0) : v3(ma, mi + 1, 0) }];
    }
    case ">":
      // (>1.2 is >=1.3.0; >1 is >=2.0.0)
      if (pa === null) return [{ op: ">=", v: mi === null ? v3(ma + 1, 0, 0) : v3(ma, mi + 1, 0) }];
      return [{ op: ">", v: base }];
    case "<=":
      if (pa === null) return [{ op: "<", v: mi === null ? v3(ma + 1, 0, 0) : v3(ma, mi + 1, 0) }];
      return [{ op: "<=", v: base }];
    default:
      return [{ op: op as Comparator["op"], v: base }];
  }
}

/** A range as sets of comparators (any set may match; every comparator of it must hold). */
export function parseRange(range: string): Comparator[][] {
  return range.split("||").map((alt) => {
    const text = alt.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, "$1");
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) return [...comparators(">=" + hyphen[1]), ...comparators("<=" + hyphen[2])];
    if (text === "") return [];
    return text.split(/\s+/).flatMap(comparators);
  });
}

function holds(c: Comparator, v: Version): boolean {
  const d = compareVersions(v, c.v);
  return c.op === "<" ? d < 0 : c.op === "<=" ? d <= 0 : c.op === ">" ? d > 0 : c.op === ">=" ? d >= 0 : d === 0;
}

/** Whether `version` is in `range` (throws on an invalid version or range). */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (v === null) throw new Error(`invalid version '${version}'`);
  return parseRange(range).some((set) => set.every((c) => holds(c, v)));
}

// ---- the check ----

/** Why this runtime does not fit the manifest's head, or null when it does (or says nothing). */
export function incompatibility(head: ManifestHead, version = VERSION): string | null {
  if (head.requiresAssay === undefined) return null;
  const what = `${head.name ?? "stdlib"} ${head.version ?? "(no version)"}`;
  try {
    if (satisfies(version, head.requiresAssay)) return null;
    return `${what} requires assay ${head.requiresAssay}; this is assay ${version}`;
  } catch (e) {
    return `${what}: cannot check requires.assay '${head.requiresAssay}' against assay ${version}: ${(e as Error).message}`;
  }
}

/** directories already checked in this process */
const checked = new Set<string>();

/** Checks the manifest of the library directory `dir` the first time a module is loaded from
 *  it: warns once when its `requires.assay` excludes this runtime. A directory without a
 *  readable manifest (user libraries, cherry-picked copies without it) is not checked. */
export function checkLibDir(dir: string): void {
  if (checked.has(dir)) return;
  checked.add(dir);
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return;
  }
  let problem: string | null;
  try {
    problem = incompatibility(readHead(text));
  } catch (e) {
    problem = `cannot read ${file}: ${(e as Error).message}`;
  }
  if (problem === null) return;
  logLine("warn", utf8Encode(`${problem} (${file})`));
}
