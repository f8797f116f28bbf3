// The os library (loslib.c), plus assay's os.hostname/os.arch/os.platform.
import { closeSync, openSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { lazyNode } from "../node-lazy.js";
import { LuaTable } from "../core/table.js";
import { index, setindex } from "../core/ops.js";
import { isNumber, mkFloat, str2number, toIntExact } from "../core/numbers.js";
import { ExitRequest } from "../core/errors.js";
import { flushStdout } from "../io-out.js";
import { argError, checkInteger, checkOption, checkString, checkTable, libError, optInteger, optString } from "./aux.js";
import { Tm, convert, conversionLength, gmtime, localtime, mktime } from "./osdate.js";
import { bytesToText, cString, execResult, failResult, flushAllFiles, pathOf } from "./iofile.js";

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** The fields of a broken-down time, in setallfields' order. */
function setAllFields(tm: Tm, set: (k: string, v: unknown) => void): void {
  set("year", tm.year);
  set("month", tm.mon + 1);
  set("day", tm.mday);
  set("hour", tm.hour);
  set("min", tm.min);
  set("sec", tm.sec);
  set("yday", tm.yday + 1);
  set("wday", tm.wday + 1);
  set("isdst", tm.isdst);
}

/** getfield: an integer field of the date table, minus delta, within a C int. */
function getField(t: LuaTable, key: string, d: number, delta: number): number {
  const v = index(t, key);
  let i: number | bigint | undefined;
  if (isNumber(v)) i = toIntExact(v);
  else if (typeof v === "string") {
    const n = str2number(v);
    i = n === undefined ? undefined : toIntExact(n);
  }
  if (i === undefined) {
    if (v !== undefined) throw libError("os.time", `field '${key}' is not an integer`);
    if (d < 0) throw libError("os.time", `field '${key}' missing in date table`);
    return d;
  }
  if (typeof i === "bigint" || !(i >= 0 ? i - delta <= 2147483647 : -2147483648 + delta <= i)) {
    throw libError("os.time", `field '${key}' is out-of-bound`);
  }
  return i - delta;
}

const TMPCHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const CATEGORIES = ["all", "collate", "ctype", "monetary", "numeric", "time"];

// object-literal methods keep their Lua names in any bundle (aux.ts finds frames by name)
const lib = {
  clock(): unknown {
    const u = process.cpuUsage();
    return mkFloat((u.user + u.system) / 1e6);
  },

  date(format: unknown, time: unknown): unknown {
    let s = optString(format, 1, "os.date", "%c");
    const t = time === undefined ? now() : checkInteger(time, 2, "os.date");
    let tm: Tm | undefined;
    if (s.startsWith("!")) {
      tm = gmtime(t);
      s = s.slice(1);
    } else tm = localtime(t);
    if (tm === undefined) throw libError("os.date", "date result cannot be represented in this installation");
    if (cString(s) === "*t") {
      const r = new LuaTable();
      setAllFields(tm, (k, v) => r.setStr(k, v));
      return r;
    }
    let out = "";
    let i = 0;
    while (i < s.length) {
      const p = s.indexOf("%", i);
      if (p < 0) {
        out += s.slice(i);
        break;
      }
      out += s.slice(i, p);
      const rest = s.slice(p + 1);
      const n = conversionLength(rest);
      if (n === 0) throw argError(1, "os.date", `invalid conversion specifier '%${cString(rest)}'`);
      out += convert(rest.slice(0, n), tm);
      i = p + 1 + n;
    }
    return out;
  },

  time(t: unknown): unknown {
    if (t === undefined) return now();
    const tbl = checkTable(t, 1, "os.time");
    const year = getField(tbl, "year", -1, 1900) + 1900;
    const mon = getField(tbl, "month", -1, 1);
    const mday = getField(tbl, "day", -1, 0);
    const hour = getField(tbl, "hour", 12, 0);
    const min = getField(tbl, "min", 0, 0);
    const sec = getField(tbl, "sec", 0, 0);
    const dst = index(tbl, "isdst");
    const isdst = dst === undefined ? -1 : dst === false ? 0 : 1;
    const r = mktime({ year, mon, mday, hour, min, sec, isdst });
    if (r === undefined) {
      // glibc's mktime leaves the fields as given; Lua 5.4 stores them back before raising
      const set = (k: string, v: unknown) => setindex(tbl, k, v);
      set("year", year);
      set("month", mon + 1);
      set("day", mday);
      set("hour", hour);
      set("min", min);
      set("sec", sec);
    } else setAllFields(r.tm, (k, v) => setindex(tbl, k, v));
    if (r === undefined || r.t === -1) throw libError("os.time", "time result cannot be represented in this installation");
    return r.t;
  },

  difftime(t1: unknown, t2: unknown): unknown {
    const a = checkInteger(t1, 1, "os.difftime", arguments.length > 0);
    const b = checkInteger(t2, 2, "os.difftime", arguments.length > 1);
    return mkFloat(Number(a) - Number(b));
  },

  getenv(name: unknown): unknown {
    const n = checkString(name, 1, "os.getenv", arguments.length > 0);
    const v = process.env[bytesToText(n)];
    return v === undefined ? undefined : Buffer.from(v, "utf8").toString("latin1");
  },

  exit(code: unknown, close: unknown): unknown {
    let status: number;
    if (typeof code === "boolean") status = code ? 0 : 1;
    else status = Number(BigInt.asUintN(8, BigInt(optInteger(code, 1, "os.exit", 0))));
    // C's exit flushes every stream; the runner flushes stdout and exits with the status
    flushAllFiles();
    const req = new ExitRequest(status);
    // with `close` true Lua also closes the state (pending to-be-closed variables, finalizers)
    (req as ExitRequest & { close?: boolean }).close = close !== undefined && close !== false;
    throw req;
  },

  remove(filename: unknown): unknown {
    const name = checkString(filename, 1, "os.remove", arguments.length > 0);
    const p = pathOf(name);
    try {
      unlinkSync(p);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EISDIR") return failResult(e, cString(name));
    }
    try {
      rmdirSync(p);
      return true;
    } catch (e) {
      return failResult(e, cString(name));
    }
  },

  rename(oldname: unknown, newname: unknown): unknown {
    const from = checkString(oldname, 1, "os.rename", arguments.length > 0);
    const to = checkString(newname, 2, "os.rename", arguments.length > 1);
    try {
      renameSync(pathOf(from), pathOf(to));
      return true;
    } catch (e) {
      // Lua 5.4's os.rename reports the error without a file name
      return failResult(e);
    }
  },

  /** mkstemp("/tmp/lua_XXXXXX"): the file is created (empty) and its name returned. */
  tmpname(): unknown {
    for (let tries = 0; tries < 100; tries++) {
      const bytes = lazyNode.crypto().randomBytes(6);
      let name = "/tmp/lua_";
      for (const b of bytes) name += TMPCHARS[b % TMPCHARS.length];
      try {
        closeSync(openSync(name, "wx", 0o600));
        return name;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") break;
      }
    }
    throw libError("os.tmpname", "unable to generate a unique filename");
  },

  /** Only the C locale exists: queries and requests for "", "C" or "POSIX" answer "C". */
  setlocale(locale: unknown, category: unknown): unknown {
    const l = locale === undefined ? undefined : checkString(locale, 1, "os.setlocale");
    checkOption(category, 2, "os.setlocale", CATEGORIES, "all");
    if (l === undefined || l === "" || l === "C" || l === "POSIX") return "C";
    return undefined;
  },

  execute(command: unknown): unknown {
    if (command === undefined) return true;
    const cmd = checkString(command, 1, "os.execute");
    flushStdout();
    return execResult(lazyNode.childProcess().spawnSync("/bin/sh", ["-c", bytesToText(cmd)], { stdio: "inherit" }));
  },

  hostname(): unknown {
    return lazyNode.os().hostname();
  },

  arch(): unknown {
    return lazyNode.os().arch();
  },

  platform(): unknown {
    return lazyNode.os().platform();
  },
};

export function openOs(G: LuaTable): void {
  G.setField("os", LuaTable.library(lib));
}
