// Lua errors in JS. A LuaError carries the Lua error value and the JS call sites captured
// where it was raised. Positions ("file.lua:12:") are found from those call sites: every
// compiled chunk registers its position table (JS line/column → Lua line, plus the names
// of the operands at operator and call sites), so the runtime pays nothing until it raises.
// Inside pcall, operator and call errors take their position from the site number compiled
// code passes the helper instead (see "sites" below), and capture nothing.

export interface ChunkInfo {
  /** the display name of the chunk, as luaO_chunkid makes it ("job.lua", [string "..."]) */
  name: string;
  /** sorted position keys (jsLine * 2^20 + jsColumn) */
  keys: number[];
  lines: number[];
  /** per mark: its kind (one char) followed by the operand names separated by "\0", or "" */
  info: string[];
  /** JS function name → Lua description for tracebacks ("function 'f'", "main chunk") */
  fnames: Map<string, string>;
}

const chunks = new Map<string, ChunkInfo>();

export function registerChunk(file: string, info: ChunkInfo): void {
  chunks.set(file, info);
}

export function chunkOf(file: string | null | undefined): ChunkInfo | undefined {
  return file ? chunks.get(file) : undefined;
}

// ---- sites ----
// Compiled code passes the helpers that raise operator errors the site of the call: the
// chunk's first site number plus the index of the call's entry in its position table. Each
// chunk takes a range of numbers when it loads; `siteChunks` lists them in order.

const siteChunks: { first: number; chunk: ChunkInfo }[] = [];
let nextSite = 0;

/** Reserves `count` site numbers for `chunk`; returns the first. */
export function reserveSites(chunk: ChunkInfo, count: number): number {
  const first = nextSite;
  nextSite += count;
  if (count > 0) siteChunks.push({ first, chunk });
  return first;
}

function sitePos(site: number): LuaPos | undefined {
  let lo = 0;
  let hi = siteChunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (siteChunks[mid].first <= site) lo = mid;
    else hi = mid - 1;
  }
  const e = siteChunks[lo];
  if (e === undefined) return undefined;
  const i = site - e.first;
  return { chunk: e.chunk, line: e.chunk.lines[i], info: e.chunk.info[i] };
}

/** Thrown by os.exit to unwind to the runner, which flushes output and exits with `code`. */
export class ExitRequest {
  constructor(readonly code: number) {}
}

/** JS frames captured for an error that may be shown with a traceback: luaL_traceback shows
 *  the last 11 levels of a long stack, which only a capture that reaches them can show. */
export const TRACE_FRAMES = 200;

/** A Lua error in flight: the error value, and the JS call sites where it was raised
 *  (captured eagerly when a position was needed, else captured raw and formatted only if a
 *  traceback is ever shown — so pcall loops over errors stay cheap). */
export class LuaError {
  traceback: string | undefined;
  /** the builtin Lua raises this error in, when the runtime raises it without one
   *  ("metamethod 'add'"): the first level of its traceback */
  raisedIn: string | undefined;
  private _sites: NodeJS.CallSite[] | null;
  private holder: { stack?: unknown } | null = null;
  constructor(
    public value: unknown,
    sites: NodeJS.CallSite[] | null = null,
  ) {
    this._sites = sites;
    // inside pcall the error is caught and its traceback never shown: skip the capture
    if (sites === null && protectedCalls.depth === 0) {
      const lim = Error.stackTraceLimit;
      Error.stackTraceLimit = TRACE_FRAMES;
      this.holder = {};
      Error.captureStackTrace(this.holder, LuaError);
      Error.stackTraceLimit = lim;
    }
  }

  get sites(): NodeJS.CallSite[] {
    if (this._sites === null) this._sites = this.holder ? formatHolder(this.holder) : [];
    return this._sites;
  }
}

/** How many pcalls are active (maintained by pcall): errors raised inside need no traceback.
 *  `direct` is the function pcall is about to call: a compiled Lua function that finds
 *  itself there (and clears it) knows its caller is pcall, and hands an error its own
 *  `error(...)` statements raise back as its result instead of throwing it; so does the
 *  builtin error (lib/base.ts makeError). A JS throw costs
 *  V8 0.5-1 µs of stack walking (message location, handler search) whatever catches it;
 *  a return costs nothing. */
export const protectedCalls = { depth: 0, direct: null as unknown };

function formatHolder(h: { stack?: unknown }): NodeJS.CallSite[] {
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = sitesHook as any;
  try {
    const cs = h.stack;
    return Array.isArray(cs) ? cs : [];
  } finally {
    Error.prepareStackTrace = prep;
  }
}

// ---- call sites ----

function sitesHook(_e: Error, cs: NodeJS.CallSite[]): NodeJS.CallSite[] {
  return cs;
}

export function captureSites(limit = TRACE_FRAMES, below: Function = captureSites): NodeJS.CallSite[] {
  const prep = Error.prepareStackTrace;
  const lim = Error.stackTraceLimit;
  Error.prepareStackTrace = sitesHook as any;
  Error.stackTraceLimit = limit;
  const o: { stack?: NodeJS.CallSite[] } = {};
  Error.captureStackTrace(o, below);
  const cs = o.stack ?? [];
  Error.prepareStackTrace = prep;
  Error.stackTraceLimit = lim;
  return Array.isArray(cs) ? cs : [];
}

/** Call sites of an error thrown by the JS engine (RangeError, TypeError). */
export function sitesOfJsError(e: Error): NodeJS.CallSite[] {
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = sitesHook as any;
  let cs: unknown;
  try {
    cs = e.stack;
  } finally {
    Error.prepareStackTrace = prep;
  }
  if (!Array.isArray(cs)) return [];
  // the engine captured at most Error.stackTraceLimit frames: a stack overflow's are the top ones
  if (cs.length >= Error.stackTraceLimit) partial.add(cs);
  return cs;
}

/** Captures known to stop short of the stack's outermost frame. */
const partial = new WeakSet<NodeJS.CallSite[]>();

/** Whether `sites` may lack the outermost frames (a capture that reached its limit). */
export function isPartial(sites: NodeJS.CallSite[]): boolean {
  return sites.length >= TRACE_FRAMES || partial.has(sites);
}

export interface LuaPos {
  chunk: ChunkInfo;
  line: number;
  /** the mark exactly at this call site, if any */
  info: string | undefined;
}

/** The key of a JS position in a chunk's position table. */
function posKey(line: number | null, column: number | null): number {
  return (line ?? 0) * 1048576 + (column ?? 0);
}

function findMark(c: ChunkInfo, key: number): number {
  const keys = c.keys;
  let lo = 0;
  let hi = keys.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] <= key) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export function siteToPos(s: NodeJS.CallSite): LuaPos | undefined {
  const c = chunkOf(s.getFileName());
  if (!c) return undefined;
  const key = posKey(s.getLineNumber(), s.getColumnNumber());
  const i = findMark(c, key);
  if (i < 0) return { chunk: c, line: c.lines[0] ?? 0, info: undefined };
  return { chunk: c, line: c.lines[i], info: c.keys[i] === key ? c.info[i] : undefined };
}

/** How a JS stack frame counts as a Lua call level: compiled Lua code, a builtin (Lua's
 *  "C function": library and builtin modules), or runtime plumbing that Lua never sees. */
export function frameKind(s: NodeJS.CallSite): "lua" | "c" | "skip" {
  const f = s.getFileName();
  if (!f || f.startsWith("node:")) return "skip";
  if (chunks.has(f)) return "lua";
  let kind = fileKinds.get(f);
  if (kind === undefined) {
    kind = /[\\/]runtime-lib[\\/](core[\\/]|helpers\.|load\.)|[\\/](dist|src)[\\/]compiler[\\/]|[\\/]bundle[\\/](run[\\/](core|compiler)\.cjs|(core|compiler)\.mjs)$/.test(f) ? "skip" : "c";
    fileKinds.set(f, kind);
  }
  return kind;
}

/** frameKind of the runtime's own files, by file name (a few files, asked on every error). */
const fileKinds = new Map<string, "c" | "skip">();

/** The position of the function at `level` (1 = innermost) counting Lua and builtin frames;
 *  undefined when that level is a builtin (no position, as for C functions in Lua). */
export function luaPosAt(sites: NodeJS.CallSite[], level: number, from = 0): LuaPos | undefined {
  const i = levelIndex(sites, level, from);
  return i >= 0 && frameKind(sites[i]) === "lua" ? siteToPos(sites[i]) : undefined;
}

/** The index of the frame at `level` as luaPosAt counts them, or -1 when `sites` end first. */
export function levelIndex(sites: NodeJS.CallSite[], level: number, from = 0): number {
  let last: "lua" | "c" | null = null;
  for (let i = from; i < sites.length; i++) {
    const kind = frameKind(sites[i]);
    if (kind === "skip") continue;
    // a Lua function that called a Lua function in tail position is no level in Lua
    if (kind === "lua" && last === "lua" && isTailCall(siteToPos(sites[i]))) continue;
    last = kind;
    if (--level === 0) return i;
  }
  return -1;
}

/** The Lua line of the last mark at or before a JS position of `c` (its first line if none). */
export function lineAt(c: ChunkInfo, line: number | null, column: number | null): number {
  return c.lines[Math.max(0, findMark(c, posKey(line, column)))] ?? 0;
}

/** The callee's description ("local 'f'", "method 'm'") when a Lua frame is at a call: the
 *  compiler's call mark is kind "C", the description, then for a call in tail position the
 *  field "tail". */
export function calleeDescription(p: LuaPos | undefined): string | undefined {
  if (p?.info === undefined || p.info[0] !== "C") return undefined;
  const end = p.info.indexOf("\0");
  return p.info.slice(1, end < 0 ? undefined : end) || undefined;
}

/** Whether a Lua frame is at a call in tail position. */
export function isTailCall(p: LuaPos | undefined): boolean {
  return p?.info !== undefined && p.info[0] === "C" && p.info.endsWith("\0tail");
}

/** Index just past the frame of the builtin named `name`, or 0. */
export function afterBuiltin(sites: NodeJS.CallSite[], name: string): number {
  const j = sites.findIndex((s) => s.getFunctionName() === name && frameKind(s) === "c");
  return j + 1;
}

export function wherePrefix(p: LuaPos | undefined): string {
  return p ? `${p.chunk.name}:${p.line}: ` : "";
}

/** The position prefix of the call at a site of compiled code ("job.lua:12: "), made once
 *  per site: `error("msg")` inside a pcall loop asks for it on every error. */
export function sitePrefix(site: number): string {
  return (sitePrefixes[site] ??= wherePrefix(sitePos(site)));
}

const sitePrefixes: string[] = [];

// ---- raising ----

/** A runtime error raised by an operator or call site: adds the variable description when the
 *  innermost Lua frame is at a mark of this kind, then the position. `site`: given when the
 *  helper raising it was called by compiled code at that site (no Lua or builtin frame in
 *  between); inside pcall it is the position, and nothing is captured. */
export function rtError(msg: string, kind?: string, operand = 0, site?: number): LuaError {
  if (site !== undefined && protectedCalls.depth > 0) return new LuaError(positionedAtSite(site, msg, kind, operand));
  const sites = captureSitesFor(rtError);
  return new LuaError(positioned(luaPosAt(sites, 1), msg, kind, operand), sites);
}

/** The last message made at each site, by site number: a loop that raises the same error
 *  inside pcall over and over (a probe for a field, a retry loop) builds its message once. */
const siteMessages: ({ msg: string; kind: string | undefined; operand: number; out: string } | undefined)[] = [];

function positionedAtSite(site: number, msg: string, kind: string | undefined, operand: number): string {
  const last = siteMessages[site];
  if (last !== undefined && last.msg === msg && last.kind === kind && last.operand === operand) return last.out;
  const out = positioned(sitePos(site), msg, kind, operand);
  siteMessages[site] = { msg, kind, operand, out };
  return out;
}

function positioned(p: LuaPos | undefined, msg: string, kind: string | undefined, operand: number): string {
  let named = "";
  // (a call from generator code has one mark, of kind "C", where "c" marks plain calls)
  if (kind !== undefined && p?.info !== undefined && (p.info[0] === kind || (kind === "c" && p.info[0] === "C"))) {
    const name = p.info.slice(1).split("\0")[operand];
    if (name) named = ` (${name})`;
  }
  msg = msg.includes("%v") ? msg.replace("%v", named) : msg + named;
  return wherePrefix(p) + msg;
}

/** An error with position of the innermost Lua function (luaL_error). `site` as for rtError. */
export function luaError(msg: string, site?: number): LuaError {
  if (site !== undefined && protectedCalls.depth > 0) return new LuaError(wherePrefix(sitePos(site)) + msg);
  const sites = captureSitesFor(luaError);
  return new LuaError(wherePrefix(luaPosAt(sites, 1)) + msg, sites);
}

/** luaL_error raised by a builtin (a C function) on its own behalf: the position is that of
 *  the function that called the builtin (level 2). */
export function builtinError(msg: string): LuaError {
  const sites = captureSitesFor(builtinError);
  return new LuaError(wherePrefix(luaPosAt(sites, 2)) + msg, sites);
}

/** Call sites (from the caller of `below` down) for an error that needs a Lua position:
 *  inside pcall, where no traceback will be shown, a short capture when it `reaches` the
 *  frame wanted (by default the innermost Lua one; each frame captured costs about a
 *  microsecond); otherwise enough frames for a traceback. */
export function captureSitesFor(below: Function, reaches: (sites: NodeJS.CallSite[]) => boolean = hasLuaFrame): NodeJS.CallSite[] {
  if (protectedCalls.depth > 0) {
    const short = captureSites(8, below);
    if (reaches(short)) return short;
  }
  return captureSites(TRACE_FRAMES, below);
}

const hasLuaFrame = (sites: NodeJS.CallSite[]): boolean => sites.some((s) => frameKind(s) === "lua");

/** Converts anything thrown while running Lua into a LuaError. */
export function toLuaError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    const sites = sitesOfJsError(e);
    return new LuaError(wherePrefix(luaPosAt(sites, 1)) + "stack overflow", sites);
  }
  // the engine's own size limits are Lua's memory error
  if (e instanceof RangeError && /Invalid (string|array|typed array) length|Array buffer allocation failed/i.test(e.message))
    return new LuaError("not enough memory", sitesOfJsError(e));
  if (e instanceof Error) {
    const sites = sitesOfJsError(e);
    const p = luaPosAt(sites, 1);
    const le = new LuaError(wherePrefix(p) + "internal error: " + e.message, sites);
    if (process.env.ASSAY_DEBUG) le.traceback = e.stack;
    return le;
  }
  return new LuaError(e);
}

// ---- chunk names (luaO_chunkid) ----

const IDSIZE = 60;

export function chunkDisplayName(source: string): string {
  if (source.startsWith("=")) return source.slice(1, IDSIZE);
  if (source.startsWith("@")) {
    const s = source.slice(1);
    return s.length <= IDSIZE - 1 ? s : "..." + s.slice(s.length - (IDSIZE - 4));
  }
  const nl = source.indexOf("\n");
  const max = IDSIZE - 15;
  if (nl < 0 && source.length < max) return `[string "${source}"]`;
  let len = nl < 0 ? source.length : nl;
  if (len > max) len = max;
  return `[string "${source.slice(0, len)}..."]`;
}
