// Dates and times for os.date / os.time, as glibc computes them: the proleptic Gregorian
// calendar for any year a C int holds, the local time zone read from the system's TZif files
// (TZ, /etc/localtime, POSIX TZ strings) so offsets, DST flags and abbreviations match
// localtime(3), mktime(3)'s normalisation and DST search, and strftime(3) in the C locale.
import fs from "node:fs";

/** A broken-down time (struct tm, with the full year). */
export interface Tm {
  year: number;
  /** 0–11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 0–365 */
  yday: number;
  /** 0–6, Sunday = 0 */
  wday: number;
  isdst: boolean;
  /** seconds east of UTC */
  gmtoff: number;
  zone: string;
}

// ---- calendar ----

export function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Days since 1970-01-01 of a date (month 1–12; the day may lie outside the month). */
export function daysFromCivil(y: number, m: number, d: number): number {
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1–12, day] of a day count since 1970-01-01. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

// tm_year is a C int holding year - 1900
const YEAR_MIN = -2147483648 + 1900;
const YEAR_MAX = 2147483647 + 1900;

/** The fields of t + off seconds as UTC; undefined when the year does not fit a C int. */
function breakdown(t: number | bigint, off: number): Tm | undefined {
  let days: number;
  let secs: number;
  if (typeof t === "number" && Number.isSafeInteger(t + off)) {
    const x = t + off;
    days = Math.floor(x / 86400);
    secs = x - days * 86400;
  } else {
    const x = BigInt(t) + BigInt(off);
    let d = x / 86400n;
    let r = x % 86400n;
    if (r < 0n) {
      r += 86400n;
      d -= 1n;
    }
    days = Number(d);
    secs = Number(r);
  }
  const [y, m, d] = civilFromDays(days);
  if (y < YEAR_MIN || y > YEAR_MAX) return undefined;
  return {
    year: y,
    mon: m - 1,
    mday: d,
    hour: Math.floor(secs / 3600),
    min: Math.floor(secs / 60) % 60,
    sec: secs % 60,
    yday: days - daysFromCivil(y, 1, 1),
    wday: (((days + 4) % 7) + 7) % 7,
    isdst: false,
    gmtoff: off,
    zone: "GMT",
  };
}

// ---- time zones ----

interface ZoneInfo {
  off: number;
  isdst: boolean;
  abbr: string;
}

interface Zone {
  info(t: number): ZoneInfo;
}

interface Rule {
  kind: "J" | "n" | "M";
  day: number;
  week: number;
  month: number;
  /** local time of day of the change, seconds */
  time: number;
}

interface PosixTz {
  std: ZoneInfo;
  dst?: ZoneInfo;
  start?: Rule;
  end?: Rule;
}

/** Parses a POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3", "<+03>-3", "JST-9"). */
function parsePosixTz(s: string): PosixTz | undefined {
  let i = 0;
  const name = (): string | undefined => {
    if (s[i] === "<") {
      const j = s.indexOf(">", i);
      if (j < 0) return undefined;
      const n = s.slice(i + 1, j);
      i = j + 1;
      return n;
    }
    const m = /^[A-Za-z]{3,}/.exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const hms = (): number | undefined => {
    const m = /^([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    const v = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return m[1] === "-" ? -v : v;
  };
  const rule = (): Rule | undefined => {
    let r: Rule;
    let m: RegExpExecArray | null;
    const rest = s.slice(i);
    if ((m = /^J(\d{1,3})/.exec(rest))) r = { kind: "J", day: Number(m[1]), week: 0, month: 0, time: 7200 };
    else if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(rest))) r = { kind: "M", day: Number(m[3]), week: Number(m[2]), month: Number(m[1]), time: 7200 };
    else if ((m = /^(\d{1,3})/.exec(rest))) r = { kind: "n", day: Number(m[1]), week: 0, month: 0, time: 7200 };
    else return undefined;
    i += m[0].length;
    if (s[i] === "/") {
      i++;
      const t = hms();
      if (t === undefined) return undefined;
      r.time = t;
    }
    return r;
  };
  const std = name();
  if (std === undefined) return undefined;
  const o = hms();
  // glibc keeps a name without an offset as UTC under that name ("garbage" → garbage +0000)
  if (o === undefined) return { std: { off: 0, isdst: false, abbr: std } };
  const tz: PosixTz = { std: { off: -o, isdst: false, abbr: std } };
  if (i >= s.length) return tz;
  const dst = name();
  if (dst === undefined) return tz;
  let dstOff = -o + 3600;
  if (i < s.length && s[i] !== ",") {
    const d = hms();
    if (d === undefined) return tz;
    dstOff = -d;
  }
  tz.dst = { off: dstOff, isdst: true, abbr: dst };
  if (s[i] === ",") {
    i++;
    tz.start = rule();
    if (s[i] === ",") {
      i++;
      tz.end = rule();
    }
  }
  if (tz.start === undefined || tz.end === undefined) {
    tz.start = { kind: "M", month: 3, week: 2, day: 0, time: 7200 };
    tz.end = { kind: "M", month: 11, week: 1, day: 0, time: 7200 };
  }
  return tz;
}

/** Seconds from the start of year y (local) to the change a rule describes. */
function ruleSeconds(r: Rule, y: number): number {
  const jan1 = daysFromCivil(y, 1, 1);
  let yday: number;
  if (r.kind === "J") yday = r.day - 1 + (isLeap(y) && r.day >= 60 ? 1 : 0);
  else if (r.kind === "n") yday = r.day;
  else {
    const first = daysFromCivil(y, r.month, 1);
    const dow = (((first + 4) % 7) + 7) % 7;
    let d = ((r.day - dow + 7) % 7) + 1 + 7 * (r.week - 1);
    const mlen = daysFromCivil(r.month === 12 ? y + 1 : y, r.month === 12 ? 1 : r.month + 1, 1) - first;
    while (d > mlen) d -= 7;
    yday = first + d - 1 - jan1;
  }
  return yday * 86400 + r.time;
}

function posixInfo(tz: PosixTz, t: number): ZoneInfo {
  if (tz.dst === undefined || tz.start === undefined || tz.end === undefined) return tz.std;
  // glibc's __tz_compute: the rules of t's UTC year; years up to 1970 count from 1970-01-01
  const y = civilFromDays(Math.floor(t / 86400))[0];
  const base = y > 1970 ? daysFromCivil(y, 1, 1) * 86400 : 0;
  const start = base + ruleSeconds(tz.start, y) - tz.std.off;
  const end = base + ruleSeconds(tz.end, y) - tz.dst.off;
  const inDst = start < end ? t >= start && t < end : !(t >= end && t < start);
  return inDst ? tz.dst : tz.std;
}

/** A zone from a TZif file (RFC 8536), looked up as glibc's __tzfile_compute does. */
function parseTzif(b: Buffer): Zone | undefined {
  if (b.length < 44 || b.toString("latin1", 0, 4) !== "TZif") return undefined;
  const header = (o: number) => ({
    isut: b.readUInt32BE(o + 20),
    isstd: b.readUInt32BE(o + 24),
    leap: b.readUInt32BE(o + 28),
    time: b.readUInt32BE(o + 32),
    type: b.readUInt32BE(o + 36),
    chars: b.readUInt32BE(o + 40),
  });
  let h = header(0);
  let o = 44;
  let size = 4;
  if (b[4] >= 0x32) {
    o += h.time * 5 + h.type * 6 + h.chars + h.leap * 8 + h.isstd + h.isut;
    if (b.toString("latin1", o, o + 4) !== "TZif") return undefined;
    h = header(o);
    o += 44;
    size = 8;
  }
  const trans: number[] = [];
  for (let k = 0; k < h.time; k++) trans.push(size === 8 ? Number(b.readBigInt64BE(o + 8 * k)) : b.readInt32BE(o + 4 * k));
  o += h.time * size;
  const idx = Array.from(b.subarray(o, o + h.time));
  o += h.time;
  const types: ZoneInfo[] = [];
  const typeAt = o;
  const charsAt = typeAt + h.type * 6;
  const chars = b.toString("latin1", charsAt, charsAt + h.chars);
  for (let k = 0; k < h.type; k++) {
    const p = typeAt + 6 * k;
    const ai = b[p + 5];
    const end = chars.indexOf("\0", ai);
    types.push({ off: b.readInt32BE(p), isdst: b[p + 4] !== 0, abbr: chars.slice(ai, end < 0 ? undefined : end) });
  }
  if (types.length === 0) return undefined;
  o = charsAt + h.chars + h.leap * (size + 4) + h.isstd + h.isut;
  let footer: PosixTz | undefined;
  if (size === 8 && b[o] === 0x0a) {
    const e = b.indexOf(0x0a, o + 1);
    const spec = b.toString("latin1", o + 1, e < 0 ? b.length : e);
    if (spec !== "") footer = parsePosixTz(spec);
  }
  let firstStd = types.findIndex((x) => !x.isdst);
  if (firstStd < 0) firstStd = 0;
  return {
    info(t: number): ZoneInfo {
      if (trans.length === 0 || t < trans[0]) return types[firstStd];
      if (t >= trans[trans.length - 1]) return footer !== undefined ? posixInfo(footer, t) : types[idx[trans.length - 1]];
      let lo = 0;
      let hi = trans.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (trans[mid] <= t) lo = mid;
        else hi = mid - 1;
      }
      return types[idx[lo]] ?? types[0];
    },
  };
}

/** Where no zone files exist (Windows): the offsets JS Date knows, numeric abbreviations. */
const dateZone: Zone = {
  info(t: number): ZoneInfo {
    const ms = Math.max(-8.64e15, Math.min(8.64e15, t * 1000));
    const off = -new Date(ms).getTimezoneOffset() * 60;
    const y = new Date(ms).getFullYear();
    const jan = -new Date(y, 0, 1).getTimezoneOffset() * 60;
    const jul = -new Date(y, 6, 1).getTimezoneOffset() * 60;
    const a = Math.abs(off) / 60;
    const abbr = (off < 0 ? "-" : "+") + String(Math.floor(a / 60)).padStart(2, "0") + (a % 60 ? String(a % 60).padStart(2, "0") : "");
    return { off, isdst: jan !== jul && off === Math.max(jan, jul), abbr };
  },
};

function fixedZone(abbr: string): Zone {
  const i: ZoneInfo = { off: 0, isdst: false, abbr };
  return { info: () => i };
}

function readZoneFile(path: string): Zone | undefined {
  try {
    return parseTzif(fs.readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The zone of TZ as glibc's tzset reads it. */
function loadZone(): Zone {
  const dir = process.env.TZDIR || "/usr/share/zoneinfo";
  let tz = process.env.TZ;
  if (tz === undefined) {
    const z = readZoneFile("/etc/localtime");
    if (z) return z;
    return process.platform === "win32" ? dateZone : fixedZone("UTC");
  }
  if (tz === "") return fixedZone("UTC");
  if (tz.startsWith(":")) tz = tz.slice(1);
  const z = readZoneFile(tz.startsWith("/") ? tz : `${dir}/${tz}`);
  if (z) return z;
  const p = parsePosixTz(tz);
  if (p) return { info: (t) => posixInfo(p, t) };
  return process.platform === "win32" ? dateZone : fixedZone("UTC");
}

let zone: Zone | null = null;

function localZone(): Zone {
  if (zone === null) zone = loadZone();
  return zone;
}

// ---- gmtime / localtime / mktime ----

export function gmtime(t: number | bigint): Tm | undefined {
  return breakdown(t, 0);
}

export function localtime(t: number | bigint): Tm | undefined {
  const i = localZone().info(Number(t));
  const tm = breakdown(t, i.off);
  if (tm) {
    tm.isdst = i.isdst;
    tm.zone = i.abbr;
  }
  return tm;
}

/** The fields mktime reads (month 0-based; any value may lie outside its usual range). */
export interface TmIn {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** -1 unknown, 0 standard time, 1 daylight saving time */
  isdst: number;
}

/** glibc's guess of the next mktime's UTC offset (the negated offset its last call found). */
let lastOffset = 0;

/** mktime as glibc computes it: probe with the offset of the previous call, follow the
 *  error, settle spring-forward gaps towards DST, then honour a requested DST flag.
 *  Returns the time and the normalised fields, or undefined if out of range. */
export function mktime(f: TmIn): { t: number | bigint; tm: Tm } | undefined {
  const y = f.year + Math.floor(f.mon / 12);
  const mon = f.mon - Math.floor(f.mon / 12) * 12;
  const days = daysFromCivil(y, mon + 1, 1) + f.mday - 1;
  // seconds out of [0, 59] are added after the search (glibc allows for leap seconds)
  const sec = Math.min(59, Math.max(0, f.sec));
  const Lb = BigInt(days) * 86400n + BigInt(f.hour) * 3600n + BigInt(f.min) * 60n + BigInt(sec);
  const L = Number(Lb);
  const z = localZone();
  const t0 = L + lastOffset;
  let t = t0;
  let t1 = t0;
  let t2 = t0;
  let dst2 = false;
  let probes = 6;
  let info: ZoneInfo;
  let settled = false;
  for (;;) {
    info = z.info(t);
    const dt = L - (t + info.off);
    if (dt === 0) break;
    if (t === t1 && t !== t2 && (f.isdst < 0 ? !dst2 || info.isdst : f.isdst !== 0 !== info.isdst)) {
      settled = true;
      break;
    }
    if (--probes === 0) return undefined;
    t1 = t2;
    t2 = t;
    t += dt;
    dst2 = info.isdst;
  }
  if (!settled && f.isdst >= 0 && info.isdst !== f.isdst > 0) {
    // look for a neighbouring time with the requested DST flag and use its offset; when none
    // lies within about 8.5 years, assume a one-hour DST difference
    const want = f.isdst > 0;
    const stride = 601200;
    const bound = 536454000 / 2 + stride;
    let found = false;
    for (let delta = stride; delta < bound && !found; delta += stride) {
      for (let dir = -1; dir <= 1; dir += 2) {
        const oi = z.info(t + delta * dir);
        if (oi.isdst === want) {
          t = L - oi.off;
          found = true;
          break;
        }
      }
    }
    if (!found) t += 3600 * ((want ? 0 : 1) - (info.isdst ? 0 : 1));
  }
  lastOffset = t - L;
  // exact from here on: the local fields as a bigint minus the offset found
  const tb = Lb + BigInt(t - L) + BigInt(f.sec - sec);
  const tn = tb >= -9007199254740991n && tb <= 9007199254740991n ? Number(tb) : tb;
  const tm = localtime(tn);
  if (tm === undefined) return undefined;
  return { t: tn, tm };
}

// ---- strftime (C locale) ----

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The conversions Lua 5.4 accepts (LUA_STRFTIMEOPTIONS for C99): single letters, then E/O pairs. */
const SINGLE = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
const PAIRS = ["Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"];

/** Length of the conversion at the start of `rest` (the text after '%'), or 0 if invalid. */
export function conversionLength(rest: string): number {
  if (rest.length >= 1 && SINGLE.includes(rest[0])) return 1;
  if (rest.length >= 2 && PAIRS.includes(rest.slice(0, 2))) return 2;
  return 0;
}

function p2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function isoWeekDays(yday: number, wday: number): number {
  const big = (Math.floor(366 / 7) + 2) * 7;
  return yday - ((yday - wday + 4 + big) % 7) + 4 - 1;
}

/** [ISO 8601 week-based year, days since the start of its week 1] */
function isoWeek(tm: Tm): [number, number] {
  let year = tm.year;
  let days = isoWeekDays(tm.yday, tm.wday);
  if (days < 0) {
    year--;
    days = isoWeekDays(tm.yday + (isLeap(year) ? 366 : 365), tm.wday);
  } else {
    const d = isoWeekDays(tm.yday - (isLeap(year) ? 366 : 365), tm.wday);
    if (d >= 0) {
      year++;
      days = d;
    }
  }
  return [year, days];
}

function y2(y: number): string {
  return p2(((y % 100) + 100) % 100);
}

/** One strftime conversion ("a", "Ey", "OH", ...) of a broken-down time. */
export function convert(spec: string, tm: Tm): string {
  const c = spec.length === 2 ? spec[1] : spec;
  switch (c) {
    case "a":
      return DAYS[tm.wday].slice(0, 3);
    case "A":
      return DAYS[tm.wday];
    case "b":
    case "h":
      return MONTHS[tm.mon].slice(0, 3);
    case "B":
      return MONTHS[tm.mon];
    case "c":
      return `${convert("a", tm)} ${convert("b", tm)} ${convert("e", tm)} ${convert("T", tm)} ${tm.year}`;
    case "C":
      return String(Math.floor(tm.year / 100));
    case "d":
      return p2(tm.mday);
    case "D":
    case "x":
      return `${p2(tm.mon + 1)}/${p2(tm.mday)}/${y2(tm.year)}`;
    case "e":
      return tm.mday < 10 ? " " + tm.mday : String(tm.mday);
    case "F":
      return `${tm.year}-${p2(tm.mon + 1)}-${p2(tm.mday)}`;
    case "g":
      return y2(isoWeek(tm)[0]);
    case "G":
      return String(isoWeek(tm)[0]);
    case "H":
      return p2(tm.hour);
    case "I":
      return p2(tm.hour % 12 || 12);
    case "j":
      return String(tm.yday + 1).padStart(3, "0");
    case "m":
      return p2(tm.mon + 1);
    case "M":
      return p2(tm.min);
    case "n":
      return "\n";
    case "p":
      return tm.hour < 12 ? "AM" : "PM";
    case "r":
      return `${convert("I", tm)}:${p2(tm.min)}:${p2(tm.sec)} ${convert("p", tm)}`;
    case "R":
      return `${p2(tm.hour)}:${p2(tm.min)}`;
    case "S":
      return p2(tm.sec);
    case "t":
      return "\t";
    case "T":
    case "X":
      return `${p2(tm.hour)}:${p2(tm.min)}:${p2(tm.sec)}`;
    case "u":
      return String(tm.wday || 7);
    case "U":
      return p2(Math.floor((tm.yday + 7 - tm.wday) / 7));
    case "V":
      return p2(Math.floor(isoWeek(tm)[1] / 7) + 1);
    case "w":
      return String(tm.wday);
    case "W":
      return p2(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7));
    case "y":
      return y2(tm.year);
    case "Y":
      return String(tm.year);
    case "z": {
      const m = Math.floor(Math.abs(tm.gmtoff) / 60);
      return (tm.gmtoff < 0 ? "-" : "+") + p2(Math.floor(m / 60)) + p2(m % 60);
    }
    case "Z":
      return tm.zone;
    case "%":
      return "%";
  }
  return "";
}
