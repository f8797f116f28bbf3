// The files of the cache directory, shared by the compile cache (compile-cache.ts: compiled
// Lua chunks and their V8 code cache) and by the launcher's code cache of the runtime itself
// (cli/start.ts, which runs before the runtime is loaded and so cannot import it): where the
// directory is, how a file is framed and checked, and how it is written atomically.
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import type * as Os from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { checksum128, hash128 } from "./hash128.js";

/** Bumped when what a cache file holds or means changes (2: a cached chunk's script is named
 *  from its key, see instantiate; 3: latin1 text; 4: keys by hash128, checksums by checksum128). */
export const FORMAT = "4";
export const V8_MAGIC = "assay-v8";
export const V8_EXT = ".v8";

/** V8 rejects a code cache made by another V8 version or with other flags (bin/assay passes
 *  --stack-size; `node bin/assay.js` does not): one file per combination, so that two Node
 *  versions or both ways of starting assay sharing a cache do not rewrite each other's. */
export const V8_TAG = digest(`${process.versions.v8} ${process.arch} ${process.execArgv.join(" ")}`).slice(0, 8);

/** os.homedir() where HOME is not set (node:os is not loaded at every start for it):
 *  through process.getBuiltinModule (Node >= 20.16), else `require`, which the launcher's
 *  CommonJS and the bundles have. */
function homeDir(): string {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return ((get !== undefined ? get("node:os") : require("node:os")) as typeof Os).homedir();
}

/** The cache directory: ASSAY_CACHE_DIR, else $XDG_CACHE_HOME/assay, else ~/.cache/assay. */
export function cacheDir(): string {
  const own = process.env.ASSAY_CACHE_DIR;
  if (own) return resolve(own);
  const xdg = process.env.XDG_CACHE_HOME;
  // the XDG spec: a relative path is invalid and ignored
  if (xdg && isAbsolute(xdg)) return join(xdg, "assay");
  return join(process.env.HOME || homeDir(), ".cache", "assay");
}

/** Why `dir` cannot hold the cache, or null when it can. With `create`, a missing directory
 *  is made; without, it is usable when its nearest existing ancestor is a writable directory. */
export function unusable(dir: string, create: boolean): string | null {
  try {
    // private: entries are code this user will run
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    let d = dir;
    while (!create && !existsSync(d) && dirname(d) !== d) d = dirname(d);
    if (!statSync(d).isDirectory()) return `${d} is not a directory`;
    accessSync(d, constants.W_OK);
    return null;
  } catch (e) {
    return `${dir}: ${reason(e)}`;
  }
}

/** Whether `d` is a directory this process can read entries from. */
export function readable(d: string): boolean {
  try {
    accessSync(d, constants.R_OK | constants.X_OK);
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
}

/** A file system error in words. */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EEXIST: "not a directory",
    ENOTDIR: "not a directory",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    ENOSPC: "no space left on device",
  };
  return (err.code && words[err.code]) ?? err.code ?? err.message;
}

/** A cache key: the hash of some text (one byte a char) or bytes, 32 hex digits. */
export function digest(data: string | Buffer): string {
  return hash128(typeof data === "string" ? Buffer.from(data, "latin1") : data);
}

/** The payload's checksum. It guards against damage (a torn or truncated write, a bad
 *  disk). V8 does not check its code cache by default (damaged data crashes the process), so
 *  its files carry one too — except under --verify-snapshot-checksum (see V8_CHECKS). */
export const checksum = (b: Buffer): string => checksum128(b);

/** Whether V8 checks its code caches itself: under --verify-snapshot-checksum (bin/assay
 *  passes it) a code cache carries V8's own checksum, and one that does not match it is
 *  rejected (and rewritten) like a stale one. The frame of a V8 code cache then says "v8"
 *  instead of a checksum of ours, which costs 1 ms a start for the runtime's 380 KB of code
 *  cache, and 3 ms more to set up its WebAssembly loop. The flag is in V8_TAG: a process
 *  without it never reads those files. */
export const V8_CHECKS = process.execArgv.includes("--verify-snapshot-checksum");
const BY_V8 = "v8";

/** A file's contents: "<magic> <format> <key> <length> <checksum>\n", then the payload. */
export function framed(magic: string, key: string, payload: Buffer): Buffer[] {
  const sum = V8_CHECKS && magic === V8_MAGIC ? BY_V8 : checksum(payload);
  return [Buffer.from(`${magic} ${FORMAT} ${key} ${payload.length} ${sum}\n`), payload];
}

/** The payload of a framed file, or null when it is missing, truncated or damaged. */
export function unframe(file: string, magic: string, key: string): Buffer | null | "missing" {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : null;
  }
  const nl = buf.indexOf(10);
  if (nl < 0 || nl > 256) return null;
  const [m, f, k, len, sum] = buf.toString("latin1", 0, nl).split(" ");
  const payload = buf.subarray(nl + 1);
  if (m !== magic || f !== FORMAT || k !== key || Number(len) !== payload.length) return null;
  const v8Checks = sum === BY_V8 && V8_CHECKS && magic === V8_MAGIC;
  return v8Checks || checksum(payload) === sum ? payload : null;
}

/** Writes `parts` to `file` atomically: a temporary file in the same directory, renamed.
 *  Returns null, or why it could not. */
export function writeAtomic(file: string, parts: Buffer[]): string | null {
  // (unique among processes: the pid, and a random part for hosts sharing the directory)
  const tmp = `${file}.${process.pid.toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    const fd = openSync(tmp, "wx");
    try {
      for (const b of parts) writeFileSync(fd, b); // all of b, at the current position
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return null;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    return `cannot write ${file}: ${reason(e)}`;
  }
}
