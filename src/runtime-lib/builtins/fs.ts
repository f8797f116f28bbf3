// The `fs` table (SPEC B§1.14, A5, B§5): synchronous file system calls, binary-safe (a Lua
// string is bytes; files are read and written byte for byte, paths are bytes too).
//   fs.read(path) → string                 whole file (any bytes)
//   fs.read_bytes(path) → string           the same (kept for scripts written for it)
//   fs.write(path, data)                   atomic replace: parent directories created, data
//                                          written to a temp file beside it, fsynced, renamed
//                                          over path (an existing file keeps its mode; a
//                                          symlink's target is replaced). Where no temp file
//                                          can be made next to an existing file (/proc, /sys,
//                                          devices, read-only directory) it is written in place
//   fs.write_bytes(path, data)             the same
//   fs.append(path, data)                  appends (creates the file and its parents)
//   fs.exists(path) → boolean              follows symlinks (a dangling link → false)
//   fs.remove(path)                        a file, a symlink (not its target) or a directory
//                                          with everything in it; missing → error
//   fs.mkdir(path)                         with parents; an existing directory is fine
//   fs.list(dir) → {{name, type}}          entries sorted by name; type "file" |
//                                          "directory" | "symlink"
//   fs.readdir(dir, {depth?}) → {{path, type}}  recursive (depth 1 = entries of dir only),
//                                          paths relative to dir, sorted depth-first; symlinks
//                                          to directories are not followed
//   fs.stat(path) → {size, is_file, is_dir, is_symlink, mode, modified, accessed, created?}
//                                          follows symlinks (is_symlink says whether path
//                                          itself is one); times are float epoch seconds
//   fs.copy(src, dst) → bytes              copies a file (content and mode)
//   fs.rename(src, dst)                    rename(2)
//   fs.glob(pattern, {dot?}) → {paths}     tinyglobby: * ? [..] {a,b} **; files and
//                                          directories, sorted; paths keep the pattern's
//                                          directory prefix ("/etc/*.conf" → "/etc/a.conf");
//                                          * skips dotfiles unless opts.dot; symlinks are
//                                          matched but ** does not descend into them
//   fs.tempdir() → path                    a new private directory <tmp>/assay-<hex>
//   fs.chmod(path, mode)                   mode an integer (493, tonumber("755", 8)) or an
//                                          octal string ("755", "0644")
//   fs.lines(path) → iterator              for line in fs.lines(p): lines without "\n" or
//                                          "\r\n", streamed; breaking out of the loop closes
//                                          the file
//   fs.sub_in_file(path, pattern, repl, n?) → count   string.gsub over the file; writes
//                                          (atomically) only when something matched
// Errors: "fs.<fn>: <path>: <strerror text>", e.g. "fs.read: /x: No such file or directory"
// (two paths as "<src> -> <dst>"), with the calling Lua line's position. Arguments of the
// wrong type raise Lua's argument errors.
import { Dirent, PathLike, Stats, appendFileSync, chmodSync, closeSync, copyFileSync, existsSync, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { join, posix, resolve } from "node:path";
import { lazyNode } from "../node-lazy.js";
import { createRequire } from "node:module";
import type * as Tinyglobby from "tinyglobby";
import { LuaTable } from "../core/table.js";
import { EMPTY, Multi, first } from "../core/multi.js";
import { LuaError } from "../core/errors.js";
import { LFloat, mkFloat } from "../core/numbers.js";
import { callable } from "../core/ops.js";
import { checkMemory } from "../core/memory.js";
import { checkInteger, checkString, libError, typeError } from "../lib/aux.js";
import { toSysError } from "../lib/iofile.js";
import { utf8Encode } from "./convert.js";

type FsPath = string | Buffer;

/** A Lua byte string as a path for node:fs: ASCII as it is, anything else as its bytes. */
function fsPath(s: string): FsPath {
  return /[\x80-\xff]/.test(s) ? Buffer.from(s, "latin1") : s;
}

/** A path argument (a string; numbers are converted as Lua does). */
function pathArg(v: unknown, arg: number, fname: string, present: boolean): string {
  const s = checkString(v, arg, `fs.${fname}`, present);
  if (s.includes("\0")) throw libError(`fs.${fname}`, `fs.${fname}: ${s.replace(/\0/g, "\\0")}: path contains a NUL byte`);
  if (s === "") throw libError(`fs.${fname}`, `fs.${fname}: empty path`);
  return s;
}

/** Field `key` of the options table that is argument 2 of fs.<fname> (nil: no options). */
function option(opts: unknown, fname: string, key: string): unknown {
  if (opts === undefined) return undefined;
  if (!(opts instanceof LuaTable)) throw typeError(2, `fs.${fname}`, "table or nil", opts);
  return opts.getStr(key);
}

/** The error of a failed system call on `what` (a path, or "src -> dst"). */
function sysFail(fname: string, what: string, e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  const s = toSysError(e);
  return libError(`fs.${fname}`, `fs.${fname}: ${what}: ${s.message}`);
}

function sysError(code: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(code);
  e.code = code;
  return e;
}

/** Content argument: a string, or a number converted as Lua does. */
function dataArg(v: unknown, fname: string, present: boolean): Buffer {
  return Buffer.from(checkString(v, 2, `fs.${fname}`, present), "latin1");
}

const tryLstat = (p: FsPath): Stats | undefined => lstatSync(p, { throwIfNoEntry: false });
const tryStat = (p: FsPath): Stats | undefined => {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

function bytesOfPath(b: Buffer | string): string {
  return typeof b === "string" ? utf8Encode(b) : b.toString("latin1");
}

// ---- whole-file reads and atomic writes ----

function readWhole(fname: string, path: string): string {
  const p = fsPath(path);
  try {
    const fd = openSync(p, "r");
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw sysError("EISDIR");
      if (st.size > 1048576) checkMemory(st.size);
      return readFileSync(fd).toString("latin1");
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw sysFail(fname, path, e);
  }
}

// a temp file cannot be created beside the target: write the target in place instead
const IN_PLACE = new Set(["EACCES", "EPERM", "EROFS", "ENOENT", "EINVAL", "ENOTSUP", "EOPNOTSUPP", "EXDEV"]);

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** Replaces `path` with `data` atomically (see the header). */
export function atomicWrite(fname: string, path: string, data: Buffer): void {
  try {
    let target = path;
    const l = tryLstat(fsPath(path));
    if (l?.isSymbolicLink()) {
      try {
        target = bytesOfPath(realpathSync(fsPath(path), { encoding: "buffer" }));
      } catch {
        // a dangling link: replace the link itself
      }
    }
    const existing = tryStat(fsPath(target));
    if (existing?.isDirectory()) throw sysError("EISDIR");
    // devices, FIFOs, sockets: a plain write is the only meaningful one
    if (existing && !existing.isFile()) return writeFileSync(fsPath(target), data);
    const dir = posix.dirname(target);
    if (!existing) mkdirSync(fsPath(dir), { recursive: true });
    // (the name cut short so that the temp name stays within NAME_MAX)
    const tmp = posix.join(dir, `.${posix.basename(target).slice(0, 100)}.assay-${process.pid}-${lazyNode.crypto().randomBytes(4).toString("hex")}.tmp`);
    let fd: number;
    try {
      fd = openSync(fsPath(tmp), "wx", existing ? existing.mode & 0o7777 : 0o666);
    } catch (e) {
      if (existing && IN_PLACE.has((e as NodeJS.ErrnoException).code ?? "")) return writeFileSync(fsPath(target), data);
      throw e;
    }
    try {
      try {
        writeAll(fd, data);
        // the mode of the file replaced, exactly (open applies the umask)
        if (existing) fchmodSync(fd, existing.mode & 0o7777);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(fsPath(tmp), fsPath(target));
    } catch (e) {
      try {
        unlinkSync(fsPath(tmp));
      } catch {
        // already gone
      }
      throw e;
    }
  } catch (e) {
    throw sysFail(fname, path, e);
  }
}

// ---- directory listings ----

function typeOfDirent(d: Dirent<Buffer>): string {
  return d.isDirectory() ? "directory" : d.isSymbolicLink() ? "symlink" : "file";
}

function readEntries(fname: string, shown: string, dir: string): Dirent<Buffer>[] {
  let list: Dirent<Buffer>[];
  try {
    list = readdirSync(fsPath(dir), { withFileTypes: true, encoding: "buffer" });
  } catch (e) {
    throw sysFail(fname, shown, e);
  }
  return list.sort((a, b) => Buffer.compare(a.name, b.name));
}

function entry(fields: Record<string, unknown>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) t.setStr(k, v);
  return t;
}

// ---- fs.lines ----

const openFds = new FinalizationRegistry<{ fd: number }>((h) => {
  if (h.fd >= 0) {
    try {
      closeSync(h.fd);
    } catch {
      // closed already
    }
  }
});

function linesIterator(path: string): Multi {
  const h = { fd: -1 };
  try {
    h.fd = openSync(fsPath(path), "r");
    if (fstatSync(h.fd).isDirectory()) throw sysError("EISDIR");
  } catch (e) {
    if (h.fd >= 0) closeSync(h.fd);
    throw sysFail("lines", path, e);
  }
  const chunk = Buffer.allocUnsafe(65536);
  let buf = "";
  let eof = false;
  const close = (): void => {
    if (h.fd >= 0) {
      const fd = h.fd;
      h.fd = -1;
      closeSync(fd);
    }
  };
  const iter = function lines(): unknown {
    for (;;) {
      const nl = buf.indexOf("\n");
      if (nl >= 0) {
        const line = buf.slice(0, nl > 0 && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
        buf = buf.slice(nl + 1);
        return line;
      }
      if (eof || h.fd < 0) {
        close();
        if (buf === "") return undefined;
        const last = buf.endsWith("\r") ? buf.slice(0, -1) : buf;
        buf = "";
        return last;
      }
      let n: number;
      try {
        n = readSync(h.fd, chunk, 0, chunk.length, null);
      } catch (e) {
        close();
        throw sysFail("lines", path, e);
      }
      if (n === 0) eof = true;
      else buf += chunk.toString("latin1", 0, n);
    }
  };
  openFds.register(iter, h);
  // the generic for's closing value: `break` out of the loop closes the file
  const closer = new LuaTable();
  closer.mt = new LuaTable();
  closer.mt.setField("__close", function close_lines(): unknown {
    close();
    return EMPTY;
  });
  return new Multi([iter, undefined, undefined, closer]);
}

// ---- fs.glob ----

// The directory reader glob walks with: symbolic links are listed as plain entries (so `*`
// matches links to directories and dangling links too) and never descended into by `**`
// (no cycles). tinyglobby itself, not following links, would drop them.
const globFs = {
  readdirSync(p: PathLike, opts: { withFileTypes: true }): Dirent[] {
    return readdirSync(p, opts).map((d) =>
      d.isSymbolicLink() ? Object.assign(Object.create(d) as Dirent, { isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false }) : d,
    );
  },
};

let tg: typeof Tinyglobby | undefined;
/** tinyglobby, loaded on first use (a literal require: esbuild bundles it but evaluates it
 *  only when this runs; file-by-file tsc output, ESM without require, loads it itself). */
function tinyglobby(): typeof Tinyglobby {
  return (tg ??= (typeof require === "function" ? require("tinyglobby") : createRequire(import.meta.url)("tinyglobby")) as typeof Tinyglobby);
}

/** Splits a pattern into its leading directory without glob characters and the rest. */
function splitPattern(pattern: string): [string, string] {
  const parts = pattern.split("/");
  let i = 0;
  while (i < parts.length - 1 && !tinyglobby().isDynamicPattern(parts[i] === "" ? "x" : parts[i])) i++;
  if (i === 0) return ["", pattern];
  const base = parts.slice(0, i).join("/") || "/";
  return [base, parts.slice(i).join("/")];
}

// ---- the library ----

let gsub: unknown = undefined;

const fsLib = {
  read(path: unknown): unknown {
    return readWhole("read", pathArg(path, 1, "read", arguments.length > 0));
  },

  read_bytes(path: unknown): unknown {
    return readWhole("read_bytes", pathArg(path, 1, "read_bytes", arguments.length > 0));
  },

  write(path: unknown, data: unknown): unknown {
    const p = pathArg(path, 1, "write", arguments.length > 0);
    atomicWrite("write", p, dataArg(data, "write", arguments.length > 1));
    return EMPTY;
  },

  write_bytes(path: unknown, data: unknown): unknown {
    const p = pathArg(path, 1, "write_bytes", arguments.length > 0);
    atomicWrite("write_bytes", p, dataArg(data, "write_bytes", arguments.length > 1));
    return EMPTY;
  },

  append(path: unknown, data: unknown): unknown {
    const p = pathArg(path, 1, "append", arguments.length > 0);
    const d = dataArg(data, "append", arguments.length > 1);
    try {
      if (!tryLstat(fsPath(p))) mkdirSync(fsPath(posix.dirname(p)), { recursive: true });
      appendFileSync(fsPath(p), d);
    } catch (e) {
      throw sysFail("append", p, e);
    }
    return EMPTY;
  },

  exists(path: unknown): unknown {
    const s = checkString(path, 1, "fs.exists", arguments.length > 0);
    if (s === "" || s.includes("\0")) return false;
    return existsSync(fsPath(s));
  },

  remove(path: unknown): unknown {
    const p = pathArg(path, 1, "remove", arguments.length > 0);
    try {
      const l = lstatSync(fsPath(p));
      if (l.isDirectory()) rmSync(fsPath(p), { recursive: true });
      else unlinkSync(fsPath(p));
    } catch (e) {
      throw sysFail("remove", p, e);
    }
    return EMPTY;
  },

  mkdir(path: unknown): unknown {
    const p = pathArg(path, 1, "mkdir", arguments.length > 0);
    try {
      mkdirSync(fsPath(p), { recursive: true });
    } catch (e) {
      throw sysFail("mkdir", p, e);
    }
    return EMPTY;
  },

  list(dir: unknown): unknown {
    const p = pathArg(dir, 1, "list", arguments.length > 0);
    const out = new LuaTable();
    readEntries("list", p, p).forEach((d, i) => out.setInt(i + 1, entry({ name: d.name.toString("latin1"), type: typeOfDirent(d) })));
    return out;
  },

  readdir(dir: unknown, opts: unknown): unknown {
    const p = pathArg(dir, 1, "readdir", arguments.length > 0);
    let maxDepth = Infinity;
    const depthOpt = option(opts, "readdir", "depth");
    if (depthOpt !== undefined) {
      const n = checkInteger(depthOpt, 2, "fs.readdir");
      if (n < 1) throw libError("fs.readdir", "fs.readdir: depth must be at least 1");
      maxDepth = Number(n);
    }
    const out = new LuaTable();
    let n = 0;
    const walk = (rel: string, depth: number): void => {
      const full = rel === "" ? p : posix.join(p, rel);
      for (const d of readEntries("readdir", rel === "" ? p : full, full)) {
        const name = d.name.toString("latin1");
        const r = rel === "" ? name : `${rel}/${name}`;
        const type = typeOfDirent(d);
        out.setInt(++n, entry({ path: r, type }));
        if (type === "directory" && depth < maxDepth) walk(r, depth + 1);
      }
    };
    walk("", 1);
    return out;
  },

  stat(path: unknown): unknown {
    const p = pathArg(path, 1, "stat", arguments.length > 0);
    let st: Stats;
    let link = false;
    try {
      const l = lstatSync(fsPath(p));
      link = l.isSymbolicLink();
      // a dangling symlink: describe the link itself
      st = link ? (tryStat(fsPath(p)) ?? l) : l;
    } catch (e) {
      throw sysFail("stat", p, e);
    }
    const secs = (ms: number): number | LFloat => mkFloat(ms / 1000);
    return entry({
      size: st.size,
      is_file: st.isFile(),
      is_dir: st.isDirectory(),
      is_symlink: link,
      mode: st.mode & 0o7777,
      modified: secs(st.mtimeMs),
      accessed: secs(st.atimeMs),
      created: st.birthtimeMs > 0 ? secs(st.birthtimeMs) : undefined,
    });
  },

  copy(src: unknown, dst: unknown): unknown {
    const s = pathArg(src, 1, "copy", arguments.length > 0);
    const d = pathArg(dst, 2, "copy", arguments.length > 1);
    try {
      if (statSync(fsPath(s)).isDirectory()) throw sysError("EISDIR");
      copyFileSync(fsPath(s), fsPath(d));
      return statSync(fsPath(d)).size;
    } catch (e) {
      throw sysFail("copy", `${s} -> ${d}`, e);
    }
  },

  rename(src: unknown, dst: unknown): unknown {
    const s = pathArg(src, 1, "rename", arguments.length > 0);
    const d = pathArg(dst, 2, "rename", arguments.length > 1);
    try {
      renameSync(fsPath(s), fsPath(d));
    } catch (e) {
      throw sysFail("rename", `${s} -> ${d}`, e);
    }
    return EMPTY;
  },

  glob(pattern: unknown, opts: unknown): unknown {
    const pat = checkString(pattern, 1, "fs.glob", arguments.length > 0);
    const v = option(opts, "glob", "dot");
    const dot = v !== undefined && v !== false;
    if (pat === "") return new LuaTable();
    const text = Buffer.from(pat, "latin1").toString("utf8");
    const [base, rest] = splitPattern(text);
    let found: string[];
    try {
      found = tinyglobby().globSync(rest, { cwd: base === "" ? process.cwd() : resolve(base), dot, onlyFiles: false, expandDirectories: false, followSymbolicLinks: false, fs: globFs as never });
    } catch (e) {
      if (e instanceof Error && !(e as NodeJS.ErrnoException).code) throw libError("fs.glob", `fs.glob: invalid pattern ${pat}: ${e.message}`);
      throw sysFail("glob", pat, e);
    }
    const paths = found
      .map((f) => (f.length > 1 && f.endsWith("/") ? f.slice(0, -1) : f))
      .map((f) => utf8Encode(base === "" ? f : base.endsWith("/") ? base + f : `${base}/${f}`))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new LuaTable(paths);
  },

  tempdir(): unknown {
    const root = lazyNode.os().tmpdir();
    for (;;) {
      const dir = join(root, `assay-${lazyNode.crypto().randomBytes(8).toString("hex")}`);
      try {
        mkdirSync(dir, { mode: 0o700 });
        return utf8Encode(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw sysFail("tempdir", utf8Encode(dir), e);
      }
    }
  },

  chmod(path: unknown, mode: unknown): unknown {
    const p = pathArg(path, 1, "chmod", arguments.length > 0);
    let m: number;
    if (typeof mode === "string") {
      if (!/^0?[0-7]{1,4}$/.test(mode.trim())) throw libError("fs.chmod", `fs.chmod: invalid mode "${mode}" (expected octal digits such as "755")`);
      m = parseInt(mode.trim(), 8);
    } else {
      const i = checkInteger(mode, 2, "fs.chmod", arguments.length > 1);
      if (typeof i !== "number" || i < 0 || i > 0o7777) throw libError("fs.chmod", `fs.chmod: invalid mode ${i} (expected 0 to 4095, e.g. 493 for 0755)`);
      m = i;
    }
    try {
      chmodSync(fsPath(p), m);
    } catch (e) {
      throw sysFail("chmod", p, e);
    }
    return EMPTY;
  },

  lines(path: unknown): unknown {
    return linesIterator(pathArg(path, 1, "lines", arguments.length > 0));
  },

  sub_in_file(path: unknown, pattern: unknown, repl: unknown, n: unknown): unknown {
    const p = pathArg(path, 1, "sub_in_file", arguments.length > 0);
    const pat = checkString(pattern, 2, "fs.sub_in_file", arguments.length > 1);
    if (arguments.length < 3) throw typeError(3, "fs.sub_in_file", "string/function/table", undefined, false);
    const content = readWhole("sub_in_file", p);
    let r: unknown;
    try {
      r = callable(gsub)(content, pat, repl, ...(n === undefined ? [] : [n]));
    } catch (e) {
      // gsub's own complaints (its arguments line up with ours); errors raised by a
      // replacement function (positioned) pass through
      if (e instanceof LuaError && typeof e.value === "string" && !/^[^\n]*?:\d+: /.test(e.value)) {
        const why = e.value.replace(/^bad argument #(\d+) to '[^']*'/, "bad argument #$1 to 'sub_in_file'");
        throw libError("fs.sub_in_file", why.startsWith("bad argument") ? why : `fs.sub_in_file: ${why}`);
      }
      throw e;
    }
    const [out, count] = r instanceof Multi ? r.v : [first(r), 0];
    if (typeof count === "number" && count > 0) atomicWrite("sub_in_file", p, Buffer.from(out as string, "latin1"));
    return count;
  },
};

export function openFs(G: LuaTable): void {
  const str = G.getStr("string");
  if (str instanceof LuaTable) gsub = str.getStr("gsub");
  G.setField("fs", LuaTable.library(fsLib));
}
