// The `log` table (SPEC B§1.10, A5): log.debug/info/warn/error(msg, fields?) write one line
// to stderr (never stdout), through io-out's writeStderr so it stays in order with print.
//   msg      a string or a number (else an argument error)
//   fields   optional table of structured fields (any other second argument is ignored, as
//            the original ignores extra arguments)
//
// Format (ASSAY_LOG_FORMAT):
//   human (default)  2026-02-13T10:00:00.123456Z  INFO message key=value ...
//                    RFC 3339 UTC time with microseconds, the level right-aligned to 5
//                    columns, the message; fields as key=value sorted by key (values that
//                    are not plain words are JSON-quoted). ANSI colours as useColour(2) says:
//                    on a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces them
//                    (NO_COLOR still wins).
//   json             one JSON object per line: {"time":"…Z","level":"info","message":"…",
//                    "fields":{…}} (fields always present, {} when none) — what log
//                    collectors (Loki, Fluent Bit, Vector, Kubernetes) parse. The runner's
//                    run events (start, end, uncaught error; run.ts) use the same writer.
//
// Level filtering: messages below the threshold are dropped. The threshold is, in order:
//   setLogLevel(level) (exported for the CLI: `--verbose` should call setLogLevel("debug")
//   in the Lua thread, i.e. from runScript), else ASSAY_LOG_LEVEL, else RUST_LOG when it is a
//   plain level name (as the original's tracing filter), else "info".
// Levels: debug < info < warn < error; "off" drops everything; "trace" counts as debug and
// "warning" as warn. An unknown value leaves the default.
import { LuaTable } from "../core/table.js";
import { EMPTY } from "../core/multi.js";
import { LFloat, isNumber, numberToString } from "../core/numbers.js";
import { tostringMeta } from "../core/ops.js";
import { addressOf, typeName } from "../core/values.js";
import { checkString } from "../lib/aux.js";
import { lazyNode } from "../node-lazy.js";
import { writeStderr } from "../io-out.js";
import { utf8Encode } from "./convert.js";
import { nowMs } from "./time.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

const RANK: Record<string, number> = { debug: 10, trace: 10, info: 20, warn: 30, warning: 30, error: 40, off: 100 };

const state: { threshold: number | undefined; format: "human" | "json" | undefined; colour: boolean | undefined } = {
  threshold: undefined,
  format: undefined,
  colour: undefined,
};

function rankOf(s: string | undefined): number | undefined {
  return s === undefined ? undefined : RANK[s.trim().toLowerCase()];
}

/** Sets the level below which messages are dropped ("debug", "info", "warn", "error",
 *  "off"); returns false (and changes nothing) for an unknown name. */
export function setLogLevel(level: string): boolean {
  const r = rankOf(level);
  if (r === undefined) return false;
  state.threshold = r;
  return true;
}

function threshold(): number {
  if (state.threshold === undefined) state.threshold = rankOf(process.env.ASSAY_LOG_LEVEL) ?? rankOf(process.env.RUST_LOG) ?? RANK.info;
  return state.threshold;
}

/** The log format: ASSAY_LOG_FORMAT=json (the CLI's --log-format sets it), else human. */
export function logFormat(): "human" | "json" {
  if (state.format === undefined) state.format = (process.env.ASSAY_LOG_FORMAT ?? "").trim().toLowerCase() === "json" ? "json" : "human";
  return state.format;
}

/** Whether output to file descriptor `fd` gets ANSI colours: none with NO_COLOR set
 *  (non-empty, as no-color.org says: an explicit opt-out wins over an inherited FORCE_COLOR,
 *  which `node --test` sets for its children); else FORCE_COLOR set and not "0"/"false"
 *  forces them (force-color.org); else none with TERM=dumb, and only on a terminal. */
export function useColour(fd: number): boolean {
  const env = process.env;
  if ((env.NO_COLOR ?? "") !== "") return false;
  const force = env.FORCE_COLOR ?? "";
  if (force !== "") return force !== "0" && force.toLowerCase() !== "false";
  return env.TERM !== "dumb" && lazyNode.tty().isatty(fd);
}

function colour(): boolean {
  if (state.colour === undefined) state.colour = useColour(2);
  return state.colour;
}

/** RFC 3339 UTC with microseconds: 2026-02-13T10:00:00.123456Z */
export function timestamp(ms: number = nowMs()): string {
  const whole = Math.floor(ms);
  const iso = new Date(whole).toISOString(); // ...T10:00:00.123Z
  const micros = Math.floor((ms - whole) * 1000 + 1e-6);
  return iso.slice(0, 23) + String(Math.min(micros, 999)).padStart(3, "0") + "Z";
}

// ---- fields ----

/** Lua bytes as text; invalid UTF-8 is replaced (a log line never fails on content). */
function lossy(s: string): string {
  return /[\x80-\xff]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
}

/** A Lua value as JSON-able data for a log line: like the shared mapping (B§1.1), but lenient
 *  — values JSON cannot hold are written as their tostring(). */
function toLogData(v: unknown, seen: Set<LuaTable>): unknown {
  if (v === undefined) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return lossy(v);
  if (isNumber(v)) {
    const n = v instanceof LFloat ? v.n : v;
    if (typeof n === "bigint") return Number(n);
    return Number.isFinite(n) ? n : numberToString(v);
  }
  if (v instanceof LuaTable) {
    if (seen.has(v)) return "<cycle>";
    seen.add(v);
    try {
      const keys: unknown[] = [];
      for (let e = v.next(undefined); e !== undefined; e = v.next(e[0])) keys.push(e[0]);
      let max = 0;
      const isArray =
        keys.length > 0 &&
        keys.every((k) => {
          if (typeof k !== "number" || !Number.isInteger(k) || k < 1) return false;
          max = Math.max(max, k);
          return true;
        }) &&
        max === keys.length;
      if (isArray) {
        const out: unknown[] = [];
        for (let i = 1; i <= max; i++) out.push(toLogData(v.get(i), seen));
        return out;
      }
      const entries = keys.map((k) => [lossy(typeof k === "string" ? k : tostringMeta(k, addressOf)), k] as const);
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const o: Record<string, unknown> = {};
      for (const [name, k] of entries) o[name] = toLogData(v.get(k), seen);
      return o;
    } finally {
      seen.delete(v);
    }
  }
  return typeName(v) === "userdata" ? tostringMeta(v, addressOf) : `<${typeName(v)}>`;
}

function fieldsOf(t: unknown): Record<string, unknown> {
  if (!(t instanceof LuaTable)) return {};
  const d = toLogData(t, new Set());
  if (Array.isArray(d)) return Object.fromEntries(d.map((x, i) => [String(i + 1), x]));
  return d as Record<string, unknown>;
}

/** key=value for the human format: plain words as they are, anything else JSON. */
function humanValue(v: unknown): string {
  if (typeof v === "string") return /^[^\s"=\\]+$/u.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

const LABEL: Record<LogLevel, string> = { debug: "DEBUG", info: " INFO", warn: " WARN", error: "ERROR" };
const COLOUR: Record<LogLevel, string> = { debug: "\x1b[34m", info: "\x1b[32m", warn: "\x1b[33m", error: "\x1b[31m" };

/** Writes one line of the json format on stderr, whatever the level threshold: {"time",
 *  "level", "message" (msg: Lua bytes), "fields"}. Shared with the run events (run.ts). */
export function writeJsonLine(level: LogLevel, msg: string, fields: Record<string, unknown>, ts: string = timestamp()): void {
  const line = JSON.stringify({ time: ts, level, message: lossy(msg), fields });
  writeStderr(utf8Encode(line) + "\n");
}

/** Writes one log line (msg: Lua bytes) if `level` passes the threshold. For builtins that
 *  log on their own (callback errors, check mode). */
export function logLine(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  if (RANK[level] < threshold()) return;
  const ts = timestamp();
  if (logFormat() === "json") return writeJsonLine(level, msg, fields, ts);
  let tail = "";
  for (const k of Object.keys(fields)) tail += ` ${utf8Encode(k)}=${utf8Encode(humanValue(fields[k]))}`;
  const head = colour() ? `\x1b[2m${ts}\x1b[0m ${COLOUR[level]}${LABEL[level]}\x1b[0m` : `${ts} ${LABEL[level]}`;
  writeStderr(`${head} ${msg}${tail}\n`);
}

function emit(level: LogLevel, fname: string, msg: unknown, fields: unknown, nargs: number): unknown {
  const text = checkString(msg, 1, fname, nargs > 0);
  if (RANK[level] < threshold()) return EMPTY;
  logLine(level, text, fieldsOf(fields));
  return EMPTY;
}

export function openLog(G: LuaTable): void {
  const t = new LuaTable();
  t.setField("debug", function debug(msg: unknown, fields: unknown): unknown {
    return emit("debug", "log.debug", msg, fields, arguments.length);
  });
  t.setField("info", function info(msg: unknown, fields: unknown): unknown {
    return emit("info", "log.info", msg, fields, arguments.length);
  });
  t.setField("warn", function warn(msg: unknown, fields: unknown): unknown {
    return emit("warn", "log.warn", msg, fields, arguments.length);
  });
  t.setField("error", function error(msg: unknown, fields: unknown): unknown {
    return emit("error", "log.error", msg, fields, arguments.length);
  });
  G.setField("log", t);
}
