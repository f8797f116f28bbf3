// The on-disk compile cache. Compiling Lua to JS is most of a script's start-up (a 250-line
// module takes 20-50 ms in a fresh process), so each compiled *file* chunk ("@name": the
// main script, required modules, dofile/loadfile) is kept in the cache directory
// (ASSAY_CACHE_DIR, else $XDG_CACHE_HOME/assay, else ~/.cache/assay):
//
//   <key>.lcc            the compiled chunk: a header line "assay-chunk 3 <key> <payload
//                        bytes> <checksum>", its position table as JSON, then its code
//   <key>.<tag>.v8       V8's code cache for that code, after a header "assay-v8 3 ...";
//                        written at exit of the first run (it then holds the functions the
//                        run compiled), rewritten when V8 rejects it (tag: V8 version, flags)
//
// The key is the hash (hash128.ts) of the assay and compiler versions, the compile options, the chunk
// name (it is in error messages) and the source. Other chunks (strings given to load(), -e,
// standard input) are not cached. Files are written to a temporary name in the same
// directory and renamed into place, so a reader (another process compiling the same file)
// sees a whole entry or none. A file whose header does not match its payload (truncated,
// garbage bytes) is a miss: the chunk is compiled again and the entry replaced; so is a
// position table of the wrong shape, found when the table is first needed. V8 does not check
// its code cache (damaged data crashes the process), hence the checksum on .v8 files too.
// A cache directory that cannot be created or written disables caching for the run,
// silently unless --verbose (cacheOptions.verbose) asks.
import { readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type vm from "node:vm";
import { Compiled, COMPILER_VERSION } from "../compiler/compiled.js";
import { compile } from "../compiler/compile.js";
import { VERSION } from "../version.js";
import { chunkDisplayName } from "./core/errors.js";
import { writeStderr } from "./io-out.js";
import { V8_EXT, V8_MAGIC, V8_TAG, cacheDir, digest, framed, readable, unframe, unusable, writeAtomic as writeFile } from "./cache-files.js";

export const cacheOptions = {
  /** report on stderr why caching is disabled, and (at exit) what the cache did */
  verbose: false,
  /** keep V8's code cache beside each entry (ASSAY_CACHE_V8=0 turns it off) */
  v8: process.env.ASSAY_CACHE_V8 !== "0",
};

/** The compile options in effect. compile() takes none today; any it grows must go here,
 *  since they change the compiled code. */
const COMPILE_OPTIONS = {};

const ENTRY_MAGIC = "assay-chunk";
const ENTRY_EXT = ".lcc";
/** The names of every file the cache writes (entries, code caches — of chunks and of the
 *  runtime, cli/start.ts —, temporaries, the prune stamp). */
const OURS = /^((rt-)?([0-9a-f]{32}|[0-9a-f]{64})(\.lcc|\.[0-9a-f]{8}\.v8)(\.[0-9a-z]+\.tmp)?|prune\.stamp)$/;

// ---- state of this run ----

let dir: string | null | undefined; // undefined until the first file chunk, null when disabled
/** whether the directory takes writes; undefined until the run first wants to write. False
 *  for a directory that can be read but not written (a cache baked into a read-only image):
 *  entries are used, none are written. */
let writable: boolean | undefined;
let told = false;
/** what --verbose reports at exit (a chunk loaded again in the same run is not counted) */
const stats = { hits: 0, compiled: 0, repaired: 0, written: 0, v8Accepted: 0, v8Written: 0 };

function disable(why: string): void {
  dir = null;
  if (cacheOptions.verbose && !told) {
    told = true;
    writeStderr(`assay: compile cache disabled: ${why}\n`);
  }
}

/** The cache directory, or null when caching was disabled. Whether it can be written (and
 *  made) is decided by canWrite when a write is first wanted: a run whose chunks are all in
 *  the cache only reads, and a directory that cannot be read only gives misses until then. */
function usableDir(): string | null {
  if (dir === undefined) {
    dir = cacheDir();
    process.once("exit", atExit);
  }
  return dir;
}

/** Whether entries can be written to the cache directory (making it if missing). One that
 *  can be neither written nor read disables the cache. */
function canWrite(): boolean {
  if (writable === undefined && dir) {
    const why = unusable(dir, true);
    writable = why === null;
    if (why !== null && !readable(dir)) disable(why);
  }
  return writable === true && !!dir;
}

// ---- entries ----

/** What every key's text starts with. */
const KEY_PREFIX = `assay ${VERSION}\0compiler ${COMPILER_VERSION}\0options ${JSON.stringify(COMPILE_OPTIONS)}\0`;

function keyOf(source: string, chunkname: string): string {
  // (the name as UTF-8: a file's name may hold any character; the source is bytes)
  const head = `${KEY_PREFIX}chunk ${chunkname.length}:${chunkname}\0`;
  const headBytes = Buffer.byteLength(head, "utf8");
  const text = Buffer.allocUnsafe(headBytes + source.length);
  text.write(head, 0, "utf8");
  text.write(source, headBytes, "latin1");
  return digest(text);
}

/** Writes `parts` to `file` atomically; a failure disables the cache for the run. */
function writeAtomic(file: string, parts: Buffer[]): boolean {
  const why = writeFile(file, parts);
  if (why !== null) disable(why);
  return why === null;
}

/** The position table of a chunk: what a Compiled object holds besides its code and name. */
type Table = Pick<Compiled, "keys" | "lines" | "info" | "fnames">;

/** An entry's payload: the position table as one line of JSON, then the code as it is
 *  (JSON-escaping 100+ KB of code would double the time to read it back). Compiled code is
 *  made of Lua's bytes and ASCII, one byte a char: latin1, the cheapest text to read back. */
function encode(c: Compiled): Buffer | null {
  const table: Table = { keys: c.keys, lines: c.lines, info: c.info, fnames: c.fnames };
  const text = JSON.stringify(table) + "\n" + c.code;
  return /[^\x00-\xff]/.test(text) ? null : Buffer.from(text, "latin1");
}

/** The position table in `json`, or null when it does not parse or has the wrong shape. */
function parseTable(json: string): Table | null {
  let t: Table;
  try {
    t = JSON.parse(json) as Table;
  } catch {
    return null;
  }
  const sound =
    typeof t === "object" && t !== null && Array.isArray(t.keys) && Array.isArray(t.lines) && Array.isArray(t.info) &&
    Array.isArray(t.fnames) && t.keys.length === t.lines.length && t.info.length === t.keys.length;
  return sound ? t : null;
}

/** The compiled chunk of a sound entry. Its position table is parsed when first needed
 *  (errors, tracebacks, debug.getinfo: most runs never need it); should it not parse after
 *  all (the checksum held, so only a faulty writer could cause that), the chunk is compiled
 *  again for its table and the entry replaced. */
function fromEntry(payload: Buffer, source: string, chunkname: string, file: string, key: string): Compiled | null {
  const nl = payload.indexOf(10);
  if (nl < 0) return null;
  const json = payload.toString("latin1", 0, nl);
  let table: Table | null = null;
  const get = (): Table => {
    if (table === null) table = parseTable(json);
    if (table === null) {
      const fresh = compile(source, chunkname);
      stats.compiled++;
      stats.repaired++;
      const data = encode(fresh);
      if (data !== null && canWrite()) writeAtomic(file, framed(ENTRY_MAGIC, key, data));
      table = fresh;
    }
    return table;
  };
  return {
    code: payload.toString("latin1", nl + 1),
    name: chunkDisplayName(chunkname),
    get keys() {
      return get().keys;
    },
    get lines() {
      return get().lines;
    },
    get info() {
      return get().info;
    },
    get fnames() {
      return get().fnames;
    },
  };
}

/** A compiled chunk and its cache key (null when it is not cached). */
export interface CachedCompile {
  compiled: Compiled;
  key: string | null;
}

/** Chunks already taken from the cache or compiled in this run (dofile in a loop). */
const seen = new Map<string, Compiled>();

/** Compiles a chunk, through the cache when `cached` (by default for file chunks, "@name").
 *  Throws LuaSyntaxError; a chunk that does not compile is never cached. */
export function compileCached(source: string, chunkname: string, cached = chunkname.startsWith("@")): CachedCompile {
  const d = cached ? usableDir() : null;
  if (d === null) return { compiled: compile(source, chunkname), key: null };
  const key = keyOf(source, chunkname);
  const known = seen.get(key);
  if (known !== undefined) return { compiled: known, key };
  const r = lookUp(source, chunkname, d, key);
  if (r.key !== null) seen.set(key, r.compiled);
  return r;
}

function lookUp(source: string, chunkname: string, d: string, key: string): CachedCompile {
  const file = join(d, key + ENTRY_EXT);
  const payload = unframe(file, ENTRY_MAGIC, key);
  const c = payload instanceof Buffer ? fromEntry(payload, source, chunkname, file, key) : null;
  if (c !== null) {
    stats.hits++;
    return { compiled: c, key };
  }
  const compiled = compile(source, chunkname);
  stats.compiled++;
  if (payload !== "missing") stats.repaired++;
  if (!canWrite()) return { compiled, key: null };
  const data = encode(compiled);
  const ok = data !== null && writeAtomic(file, framed(ENTRY_MAGIC, key, data));
  if (ok) stats.written++;
  return { compiled, key: ok ? key : null };
}

// ---- V8's code cache ----

/** Scripts whose code cache is to be written at exit (none was offered, or V8 rejected it). */
const toWrite = new Map<string, vm.Script>();

const v8File = (key: string): string => join(dir as string, `${key}.${V8_TAG}${V8_EXT}`);

/** V8's code cache for the chunk with this key, if there is a sound one. */
export function codeCacheFor(key: string | null): Buffer | undefined {
  if (key === null || !cacheOptions.v8 || !dir) return undefined;
  const data = unframe(v8File(key), V8_MAGIC, key);
  return data instanceof Buffer ? data : undefined;
}

/** Notes a script made from a cached chunk: when it was given no code cache, or V8 rejected
 *  it, its code cache is written at exit (by then it holds what the run compiled). */
export function scriptMade(key: string | null, script: vm.Script, offered: Buffer | undefined): void {
  if (key === null || !cacheOptions.v8 || !dir) return;
  if (offered !== undefined && !script.cachedDataRejected) stats.v8Accepted++;
  else if (writable !== false) toWrite.set(key, script);
}

function atExit(): void {
  try {
    if (toWrite.size > 0 && !canWrite()) toWrite.clear();
    for (const [key, script] of toWrite) {
      if (!dir) break;
      if (writeAtomic(v8File(key), framed(V8_MAGIC, key, script.createCachedData()))) stats.v8Written++;
    }
    toWrite.clear();
    const pruned = dir && stats.written + stats.v8Written > 0 ? prune(dir) : 0;
    if (cacheOptions.verbose && dir) {
      const s = stats;
      const v8 = cacheOptions.v8 ? `; V8 code cache: ${s.v8Accepted} used, ${s.v8Written} written` : "";
      // (a run that only had hits has not asked yet; its directory is readable)
      const ro = canWrite() ? "" : " (read-only)";
      const cut = pruned > 0 ? `; ${pruned} old files removed` : "";
      writeStderr(`assay: compile cache ${dir}${ro}: ${s.hits} hits, ${s.compiled} compiled (${s.repaired} repaired)${v8}${cut}\n`);
    }
  } catch {
    // the cache never fails a run
  }
}

// ---- keeping it small ----

/** The size the cache is kept under: ASSAY_CACHE_MAX_MB megabytes (default 256). */
function maxBytes(): number {
  const mb = Number(process.env.ASSAY_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 256) * 1048576;
}

const PRUNE_STAMP = "prune.stamp";
const PRUNE_EVERY_MS = 3600_000;

/** After a run that wrote to the cache, at most once an hour: when the cache holds more than
 *  maxBytes(), removes the files written longest ago until it holds 80% of that (a used
 *  entry that goes is simply compiled again). Returns the number of files removed. */
function prune(d: string): number {
  const stamp = join(d, PRUNE_STAMP);
  try {
    if (Date.now() - statSync(stamp).mtimeMs < PRUNE_EVERY_MS) return 0;
  } catch {
    // never pruned
  }
  try {
    writeFileSync(stamp, "");
  } catch {
    return 0;
  }
  const files: { name: string; size: number; mtime: number }[] = [];
  let total = 0;
  for (const name of ourFiles(d)) {
    if (name === PRUNE_STAMP) continue;
    try {
      const st = statSync(join(d, name));
      files.push({ name, size: st.size, mtime: st.mtimeMs });
      total += st.size;
    } catch {
      // removed meanwhile
    }
  }
  const limit = maxBytes();
  if (total <= limit) return 0;
  files.sort((a, b) => a.mtime - b.mtime);
  let removed = 0;
  for (const f of files) {
    if (total <= limit * 0.8) break;
    try {
      unlinkSync(join(d, f.name));
      total -= f.size;
      removed++;
    } catch {
      // another process removed it, or cannot: leave it
    }
  }
  return removed;
}

// ---- `assay cache info` / `assay cache clear` ----

/** The files of the cache in `d` (names only), or [] when there is no such directory. */
function ourFiles(d: string): string[] {
  try {
    return readdirSync(d).filter((f) => OURS.test(f));
  } catch {
    return [];
  }
}

export interface CacheInfo {
  dir: string;
  /** why the cache cannot be used, or null */
  problem: string | null;
  entries: number;
  bytes: number;
}

export function cacheInfo(): CacheInfo {
  const d = cacheDir();
  let entries = 0;
  let bytes = 0;
  for (const f of ourFiles(d)) {
    try {
      bytes += statSync(join(d, f)).size;
      if (f.endsWith(ENTRY_EXT)) entries++;
    } catch {
      // removed meanwhile
    }
  }
  return { dir: d, problem: unusable(d, false), entries, bytes };
}

/** Removes every cache file; returns the number of entries removed and the files that could
 *  not be removed. */
export function clearCache(): { dir: string; entries: number; failed: string[] } {
  const d = cacheDir();
  let entries = 0;
  const failed: string[] = [];
  for (const f of ourFiles(d)) {
    try {
      unlinkSync(join(d, f));
      if (f.endsWith(ENTRY_EXT)) entries++;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") failed.push(f);
    }
  }
  return { dir: d, entries, failed };
}
