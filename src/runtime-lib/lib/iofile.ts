// The file handle of the io library (Lua's LStream / FILE*): a Userdata with its own
// buffering over synchronous fs calls, byte-exact (Lua strings are latin1 byte strings).
// Regular files are read and written at a position the handle keeps (pread/pwrite), so reads
// and writes can be mixed; standard output goes through io-out.ts to stay in order with
// print; popen runs its command synchronously (see openPopen).
import { checkMemory } from "../core/memory.js";
import { closeSync, constants as fsConstants, existsSync, fstatSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import type { SpawnSyncReturns } from "node:child_process";
import { lazyNode } from "../node-lazy.js";
import { Userdata, addressOf } from "../core/values.js";
import { LuaTable } from "../core/table.js";
import { LuaError, captureSites } from "../core/errors.js";
import { EMPTY, Multi } from "../core/multi.js";
import { LFloat, LuaNumber, fmtG14, isNumber, str2number, toIntExact } from "../core/numbers.js";
import { flushHooks, flushStdout, output, writeStderr, writeStdout } from "../io-out.js";
import { argError, checkOption, libError, optInteger } from "./aux.js";
import { objTypeName } from "../core/ops.js";

// ---- system errors (luaL_fileresult / luaL_execresult) ----

/** strerror(3) texts of glibc for the errors file operations meet. */
const STRERROR: Record<string, string> = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  ESRCH: "No such process",
  EINTR: "Interrupted system call",
  EIO: "Input/output error",
  ENXIO: "No such device or address",
  E2BIG: "Argument list too long",
  ENOEXEC: "Exec format error",
  EBADF: "Bad file descriptor",
  ECHILD: "No child processes",
  EAGAIN: "Resource temporarily unavailable",
  ENOMEM: "Cannot allocate memory",
  EACCES: "Permission denied",
  EFAULT: "Bad address",
  EBUSY: "Device or resource busy",
  EEXIST: "File exists",
  EXDEV: "Invalid cross-device link",
  ENODEV: "No such device",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EINVAL: "Invalid argument",
  ENFILE: "Too many open files in system",
  EMFILE: "Too many open files",
  ENOTTY: "Inappropriate ioctl for device",
  ETXTBSY: "Text file busy",
  EFBIG: "File too large",
  ENOSPC: "No space left on device",
  ESPIPE: "Illegal seek",
  EROFS: "Read-only file system",
  EMLINK: "Too many links",
  EPIPE: "Broken pipe",
  ENAMETOOLONG: "File name too long",
  ENOTEMPTY: "Directory not empty",
  ELOOP: "Too many levels of symbolic links",
  EDQUOT: "Disk quota exceeded",
  ENOTSUP: "Operation not supported",
  EOVERFLOW: "Value too large for defined data type",
  ESTALE: "Stale file handle",
};

/** An error a file operation met, as errno and strerror text. */
export class SysError {
  constructor(
    readonly code: string,
    readonly errno: number,
    readonly message: string,
  ) {}
}

function sysError(code: string): SysError {
  const no = (lazyNode.os().constants.errno as Record<string, number>)[code] ?? 0;
  return new SysError(code, no, STRERROR[code] ?? code);
}

/** A SysError from an exception thrown by fs/child_process; rethrows anything else. */
export function toSysError(e: unknown): SysError {
  if (e instanceof SysError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err instanceof Error && typeof err.code === "string" && /^E[A-Z0-9]+$/.test(err.code)) {
    const s = sysError(err.code);
    if (s.errno === 0 && typeof err.errno === "number") return new SysError(s.code, -err.errno, s.message);
    if (STRERROR[err.code] === undefined) {
      // libuv's text ("ENOENT: no such file or directory, open 'x'") with a capital letter
      const m = /^[A-Z0-9]+: ([^,]*)/.exec(err.message);
      if (m) return new SysError(s.code, s.errno, m[1].charAt(0).toUpperCase() + m[1].slice(1));
    }
    return s;
  }
  throw e;
}

/** luaL_fileresult for a failure: nil, "[fname: ]message", errno. */
export function failResult(e: unknown, fname?: string): Multi {
  const s = toSysError(e);
  return new Multi([undefined, fname !== undefined ? `${fname}: ${s.message}` : s.message, s.errno]);
}

/** luaL_execresult for a finished child process. */
export function execResult(r: SpawnSyncReturns<Buffer>): unknown {
  if (r.error) return failResult(r.error);
  if (r.signal) return new Multi([undefined, "signal", (lazyNode.os().constants.signals as Record<string, number>)[r.signal] ?? 0]);
  const code = r.status ?? 0;
  return new Multi([code === 0 ? true : undefined, "exit", code]);
}

/** A Lua string as a path: bytes up to the first "\0" (what C sees). */
export function pathOf(s: string): Buffer {
  const z = s.indexOf("\0");
  return Buffer.from(z < 0 ? s : s.slice(0, z), "latin1");
}

/** A Lua string as a C string (up to the first "\0"). */
export function cString(s: string): string {
  const z = s.indexOf("\0");
  return z < 0 ? s : s.slice(0, z);
}

/** A Lua string (bytes) as text for APIs that take JS strings: decoded as UTF-8. */
export function bytesToText(s: string): string {
  return Buffer.from(cString(s), "latin1").toString("utf8");
}

// ---- the file handle ----

export const enum Kind {
  File,
  Stdin,
  Stdout,
  Stderr,
  PopenRead,
  PopenWrite,
}

/** The shared metatable of file handles; __index is `methods`. */
export const fileMeta = new LuaTable();
export const methods = new LuaTable();

const READ_CHUNK = 65536;
const DEFAULT_BUF = 4096;

/** Files with buffered output, flushed at exit and before stderr output. */
const dirty = new Set<LFile>();

let sleeper: Int32Array | null = null;
function nap(ms: number): void {
  if (sleeper === null) sleeper = new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, ms);
}

export class LFile extends Userdata {
  closed = false;
  // read buffer: the unread bytes are rb[rpos..rb.length)
  private rb: Buffer = Buffer.alloc(0);
  private rpos = 0;
  private chunk: Buffer | null = null;
  // write buffer: wlen bytes that belong at file offset wstart
  private wparts: string[] = [];
  private wlen = 0;
  private wstart = 0;
  /** the stream position (ftell) */
  pos = 0;
  /** reads and writes go to `pos` (regular files); otherwise to the descriptor's own offset */
  positioned = false;
  vbuf: "no" | "full" | "line" = "full";
  bufSize = DEFAULT_BUF;
  /** how to reopen a parked regular file (see parkFiles): path, open flags, identity */
  reopen: { path: Buffer; flags: number; dev: bigint; ino: bigint } | null = null;
  parked = false;
  /** popen: the command and, for reading pipes, its finished process */
  cmd = "";
  proc: SpawnSyncReturns<Buffer> | null = null;

  constructor(
    readonly kind: Kind,
    public fd: number,
    readonly canRead: boolean,
    readonly canWrite: boolean,
    readonly append = false,
  ) {
    super(fileMeta);
  }

  /** The descriptor, reopened if it was parked to free descriptors. */
  fdNow(): number {
    if (this.parked) unpark(this);
    else if (this.reopen !== null) touch(this);
    return this.fd;
  }

  // ---- reading ----

  /** Before reading: the stream must be readable; pending output goes out first. */
  private beginRead(): void {
    if (!this.canRead) throw sysError("EBADF");
    if (this.wlen > 0) this.flushOut();
  }

  /** Refills the read buffer; false at end of file. */
  private fill(): boolean {
    this.beginRead();
    if (this.kind === Kind.PopenRead) return false;
    if (this.chunk === null) this.chunk = Buffer.allocUnsafe(READ_CHUNK);
    let n: number;
    for (;;) {
      try {
        n = readSync(this.fdNow(), this.chunk, 0, READ_CHUNK, this.positioned ? this.pos : null);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          nap(5);
          continue;
        }
        if (code === "EOF") {
          n = 0;
          break;
        }
        throw e;
      }
    }
    this.rb = this.chunk.subarray(0, n);
    this.rpos = 0;
    return n > 0;
  }

  private avail(): boolean {
    return this.rpos < this.rb.length || this.fill();
  }

  private take(n: number): string {
    const s = this.rb.toString("latin1", this.rpos, this.rpos + n);
    this.rpos += n;
    this.pos += n;
    return s;
  }

  private dropRead(): void {
    this.rb = this.rb.subarray(0, 0);
    this.rpos = 0;
  }

  /** read_line: a line without (chop) or with its "\n"; undefined at end of file. */
  readLine(chop: boolean): string | undefined {
    let s = "";
    for (;;) {
      if (!this.avail()) return s.length > 0 ? s : undefined;
      const i = this.rb.indexOf(10, this.rpos);
      if (i >= 0) {
        s += this.take(i - this.rpos);
        this.rpos++;
        this.pos++;
        return chop ? s : s + "\n";
      }
      s += this.take(this.rb.length - this.rpos);
    }
  }

  /** read_all: the rest of the file ("" at end of file). */
  readAll(): string {
    const parts: string[] = [];
    let size = 0;
    let check = 1 << 22;
    while (this.avail()) {
      const part = this.take(this.rb.length - this.rpos);
      parts.push(part);
      // a large file read whole counts against the memory limit as it comes in
      if ((size += part.length) >= check) {
        checkMemory(0);
        check += 1 << 22;
      }
    }
    return parts.join("");
  }

  /** read_chars: up to n bytes; undefined if none could be read. */
  readChars(n: number): string | undefined {
    const parts: string[] = [];
    let got = 0;
    while (got < n && this.avail()) {
      const k = Math.min(n - got, this.rb.length - this.rpos);
      parts.push(this.take(k));
      got += k;
    }
    return got > 0 ? parts.join("") : undefined;
  }

  /** test_eof: "" unless at end of file. */
  testEof(): string | undefined {
    return this.avail() ? "" : undefined;
  }

  // read_number's scanner state: text so far, current character (look-ahead), overflow
  private nbuf = "";
  private nc = -1;
  private nover = false;

  private peekByte(): number {
    return this.rpos < this.rb.length || this.fill() ? this.rb[this.rpos] : -1;
  }

  /** nextc: keeps the look-ahead character and reads the next one (at most 200). */
  private nNext(): boolean {
    if (this.nbuf.length >= 200) {
      this.nover = true;
      return false;
    }
    this.nbuf += String.fromCharCode(this.nc);
    this.rpos++;
    this.pos++;
    this.nc = this.peekByte();
    return true;
  }

  private nTest2(a: number, b: number): boolean {
    return this.nc === a || this.nc === b ? this.nNext() : false;
  }

  private nDigits(hex: boolean): number {
    let n = 0;
    for (;;) {
      const c = this.nc;
      const ok = (c >= 48 && c <= 57) || (hex && ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)));
      if (!ok || !this.nNext()) return n;
      n++;
    }
  }

  /** read_number: liolib's scanner (at most 200 characters, one character of look-ahead). */
  readNumber(): LuaNumber | undefined {
    this.nbuf = "";
    this.nover = false;
    let c = this.peekByte();
    while (c === 32 || (c >= 9 && c <= 13)) {
      this.rpos++;
      this.pos++;
      c = this.peekByte();
    }
    this.nc = c;
    let count = 0;
    let hex = false;
    this.nTest2(45, 43); // - +
    if (this.nTest2(48, 48)) {
      if (this.nTest2(120, 88)) hex = true; // x X
      else count = 1;
    }
    count += this.nDigits(hex);
    if (this.nTest2(46, 46)) count += this.nDigits(hex); // .
    if (count > 0 && (hex ? this.nTest2(112, 80) : this.nTest2(101, 69))) {
      this.nTest2(45, 43);
      this.nDigits(false);
    }
    if (this.nover) return undefined;
    return str2number(this.nbuf);
  }

  // ---- writing ----

  /** Writes a byte string (fwrite); throws SysError on failure. */
  put(s: string): void {
    switch (this.kind) {
      case Kind.Stdout:
        writeStdout(s);
        return;
      case Kind.Stderr:
        writeStderr(s);
        return;
    }
    if (!this.canWrite) throw sysError("EBADF");
    if (this.rpos < this.rb.length) this.dropRead();
    if (this.wlen === 0) this.wstart = this.pos;
    this.wparts.push(s);
    this.wlen += s.length;
    this.pos += s.length;
    if (this.kind === Kind.PopenWrite) return;
    dirty.add(this);
    if (this.vbuf === "no" || this.wlen >= this.bufSize || (this.vbuf === "line" && s.includes("\n"))) this.flushOut();
  }

  /** Sends buffered output to the file; throws SysError on failure (the data is dropped). */
  flushOut(): void {
    if (this.wlen === 0 || this.kind === Kind.PopenWrite) return;
    const data = Buffer.from(this.wparts.length === 1 ? this.wparts[0] : this.wparts.join(""), "latin1");
    let at = this.wstart;
    this.wparts = [];
    this.wlen = 0;
    dirty.delete(this);
    let off = 0;
    while (off < data.length) {
      try {
        const n = writeSync(this.fdNow(), data, off, data.length - off, this.positioned && !this.append ? at : null);
        off += n;
        at += n;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") {
          nap(5);
          continue;
        }
        throw e;
      }
    }
    if (this.append && this.positioned) this.pos = fstatSync(this.fdNow()).size;
  }

  /** fflush */
  sync(): void {
    if (this.kind === Kind.Stdout) flushStdout();
    else this.flushOut();
  }

  /** A reading pipe's data: the whole output of its command. */
  loadOutput(b: Buffer): void {
    this.rb = b;
    this.rpos = 0;
  }

  /** The text popen's writing pipe collected. */
  takeOutput(): Buffer {
    const data = Buffer.from(this.wparts.join(""), "latin1");
    this.wparts = [];
    this.wlen = 0;
    return data;
  }

  // ---- seeking ----

  /** fseek + ftell; throws SysError. */
  seekTo(whence: string, offset: number): number {
    switch (this.kind) {
      case Kind.PopenRead:
      case Kind.PopenWrite:
        throw sysError("ESPIPE");
      case Kind.Stdout:
      case Kind.Stderr:
        return this.seekStd(whence, offset);
    }
    this.flushOut();
    if (!this.positioned) {
      const st = fstatSync(this.fdNow());
      if (st.isFile()) this.positioned = true;
      else if (st.isCharacterDevice() && !isTty(this.fd)) return 0;
      else throw sysError("ESPIPE");
    }
    const base = whence === "set" ? 0 : whence === "cur" ? this.pos : fstatSync(this.fdNow()).size;
    const np = base + offset;
    if (np < 0 || !Number.isFinite(np)) throw sysError("EINVAL");
    this.dropRead();
    this.pos = np;
    return np;
  }

  /** Standard output/error write through io-out at the descriptor's own offset: only a
   *  position query of a regular file (where it sits at the end) can be answered. */
  private seekStd(whence: string, offset: number): number {
    flushStdout();
    const st = fstatSync(this.fd);
    if (st.isCharacterDevice() && !isTty(this.fd)) return 0;
    if (!st.isFile()) throw sysError("ESPIPE");
    const target = whence === "set" ? offset : st.size + offset;
    if (target !== st.size) throw sysError("ESPIPE");
    return target;
  }

  // ---- buffering ----

  buffering(mode: "no" | "full" | "line", size: number): void {
    if (this.kind === Kind.Stdout) {
      flushStdout();
      output.vbuf = mode;
      return;
    }
    this.flushOut();
    this.vbuf = mode;
    this.bufSize = size > 0 ? size : DEFAULT_BUF;
  }
}

function isTty(fd: number): boolean {
  try {
    return lazyNode.tty().isatty(fd);
  } catch {
    return false;
  }
}

export const stdinFile = new LFile(Kind.Stdin, 0, true, false);
export const stdoutFile = new LFile(Kind.Stdout, 1, false, true);
export const stderrFile = new LFile(Kind.Stderr, 2, false, true);

flushHooks.push(() => {
  if (dirty.size === 0) return;
  for (const f of [...dirty]) {
    try {
      f.flushOut();
    } catch {
      // as C's exit: write errors of unflushed streams are lost
    }
  }
});

/** Flushes every file with buffered output (os.exit, like C's exit). */
export function flushAllFiles(): void {
  flushStdout();
}

// ---- opening ----

/** l_checkmode: [rwa]%+?b* */
export function validMode(mode: string): boolean {
  return /^[rwa]\+?b*$/.test(mode);
}

// Lua closes unreachable files when it collects them; JS gives no such hook during a
// synchronous run, so scripts that open many files without closing them would run out of
// descriptors. When an open fails for lack of descriptors, the least recently used regular
// files give theirs back ("parked": flushed and closed) and reopen by path when used again,
// checked to be the same file.

/** Regular files that can be parked, least recently used first. */
const parkable = new Map<LFile, true>();

function touch(f: LFile): void {
  parkable.delete(f);
  parkable.set(f, true);
}

function unpark(f: LFile): void {
  const r = f.reopen!;
  let fd: number;
  try {
    fd = withDescriptors(() => openSync(r.path, r.flags));
  } catch (e) {
    throw toSysError(e);
  }
  const st = fstatSync(fd, { bigint: true });
  if (st.dev !== r.dev || st.ino !== r.ino) {
    closeSync(fd);
    throw sysError("ESTALE");
  }
  f.fd = fd;
  f.parked = false;
  touch(f);
}

/** Parks the older half of the parkable open files; false if there was none. */
function parkFiles(): boolean {
  const open = [...parkable.keys()].filter((f) => !f.parked && !f.closed);
  if (open.length === 0) return false;
  for (const f of open.slice(0, Math.max(1, open.length >> 1))) {
    try {
      f.flushOut();
      closeSync(f.fd);
      f.parked = true;
      f.fd = -1;
    } catch {
      // keep it open
    }
  }
  return true;
}

/** Runs an operation that needs descriptors, parking files and retrying when none are left. */
function withDescriptors<T>(op: () => T): T {
  for (;;) {
    try {
      return op();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === "EMFILE" || code === "ENFILE") && parkFiles()) continue;
      throw e;
    }
  }
}

const { O_RDONLY, O_WRONLY, O_RDWR, O_APPEND } = fsConstants;

/** fopen; throws SysError. The mode has been checked by validMode. */
export function openFile(name: string, mode: string): LFile {
  const plus = mode[1] === "+";
  const flags = mode[0] + (plus ? "+" : "");
  const path = pathOf(name);
  let fd: number;
  try {
    fd = withDescriptors(() => openSync(path, flags, 0o666));
  } catch (e) {
    throw toSysError(e);
  }
  const f = new LFile(Kind.File, fd, mode[0] === "r" || plus, mode[0] !== "r" || plus, mode[0] === "a");
  try {
    const st = fstatSync(fd, { bigint: true });
    f.positioned = st.isFile() || st.isBlockDevice() || st.isDirectory();
    if (st.isFile()) {
      // reopening must not truncate or create again
      const access = plus ? O_RDWR : mode[0] === "r" ? O_RDONLY : O_WRONLY;
      f.reopen = { path, flags: access | (mode[0] === "a" ? O_APPEND : 0), dev: st.dev, ino: st.ino };
      touch(f);
    }
    // glibc starts a write-only append stream at the end of the file
    if (mode[0] === "a" && !plus && f.positioned) f.pos = Number(st.size);
  } catch {
    // an unusual descriptor: keep the defaults
  }
  return f;
}

/** tmpfile(3): a new file opened "w+" that disappears when closed. */
export function openTmpfile(): LFile {
  const dir = existsSync("/tmp") ? "/tmp" : lazyNode.os().tmpdir();
  for (let tries = 0; ; tries++) {
    const name = `${dir}/lua_tmpf_${lazyNode.crypto().randomBytes(6).toString("hex")}`;
    try {
      const fd = withDescriptors(() => openSync(name, "wx+", 0o600));
      unlinkSync(name);
      const f = new LFile(Kind.File, fd, true, true);
      f.positioned = true;
      return f;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && tries < 100) continue;
      throw toSysError(e);
    }
  }
}

/** Unclosed writing pipes get their command run when the program ends (C's exit flushes the
 *  pipe and the child reads to its end). */
const openWritePipes = new Set<LFile>();
let exitHook = false;

/** popen. The command runs synchronously: a reading pipe runs it now and keeps its output to
 *  read; a writing pipe collects what is written and runs it with that input when closed. */
export function openPopen(cmd: string, mode: "r" | "w"): LFile {
  flushStdout();
  if (mode === "r") {
    const f = new LFile(Kind.PopenRead, -1, true, false);
    f.cmd = cmd;
    const r = lazyNode.childProcess().spawnSync("/bin/sh", ["-c", bytesToText(cmd)], { stdio: ["inherit", "pipe", "inherit"], maxBuffer: Infinity });
    if (r.error && /^E[MN]FILE$/.test((r.error as NodeJS.ErrnoException).code ?? "") && parkFiles()) return openPopen(cmd, mode);
    if (r.error) throw toSysError(r.error);
    f.proc = r;
    f.loadOutput(r.stdout ?? Buffer.alloc(0));
    return f;
  }
  const f = new LFile(Kind.PopenWrite, -1, false, true);
  f.cmd = cmd;
  openWritePipes.add(f);
  if (!exitHook) {
    exitHook = true;
    process.on("exit", () => {
      for (const p of [...openWritePipes]) closeFile(p);
    });
  }
  return f;
}

/** aux_close: closes through the stream's close function; returns its Lua results. */
export function closeFile(f: LFile): unknown {
  switch (f.kind) {
    case Kind.Stdin:
    case Kind.Stdout:
    case Kind.Stderr:
      return new Multi([undefined, "cannot close standard file"]);
    case Kind.PopenRead:
      f.closed = true;
      return execResult(f.proc!);
    case Kind.PopenWrite: {
      f.closed = true;
      openWritePipes.delete(f);
      flushStdout();
      const input = f.takeOutput();
      return execResult(lazyNode.childProcess().spawnSync("/bin/sh", ["-c", bytesToText(f.cmd)], { input, stdio: ["pipe", "inherit", "inherit"] }));
    }
  }
  f.closed = true;
  let err: unknown = null;
  try {
    f.flushOut();
  } catch (e) {
    err = e;
  }
  try {
    if (!f.parked) closeSync(f.fd);
  } catch (e) {
    if (err === null) err = e;
  }
  dirty.delete(f);
  parkable.delete(f);
  return err === null ? true : failResult(err);
}

// ---- reading and writing with Lua's formats (g_read / g_write) ----

/** Builds the argument error of a read/write format (their functions word it differently). */
export type ArgErr = (arg: number, extra: string) => LuaError;

/** g_read: reads with the formats; `first` is the argument number of the first format. */
export function gRead(f: LFile, fmts: unknown[], first: number, err: ArgErr): unknown {
  try {
    if (fmts.length === 0) return f.readLine(true);
    const out: unknown[] = [];
    for (let k = 0; k < fmts.length; k++) {
      const v = fmts[k];
      const n = first + k;
      let r: unknown;
      if (isNumber(v)) {
        const l = toIntExact(v);
        if (l === undefined) throw err(n, "number has no integer representation");
        if (l < 0) throw new LuaError("not enough memory", captureSites());
        r = l === 0 ? f.testEof() : f.readChars(typeof l === "bigint" ? Number.MAX_SAFE_INTEGER : l);
      } else {
        if (typeof v !== "string") throw err(n, `string expected, got ${objTypeName(v)}`);
        const p = v.startsWith("*") ? v.slice(1) : v;
        switch (p[0]) {
          case "n":
            r = f.readNumber();
            break;
          case "l":
            r = f.readLine(true);
            break;
          case "L":
            r = f.readLine(false);
            break;
          case "a":
            r = f.readAll();
            break;
          default:
            throw err(n, "invalid format");
        }
      }
      out.push(r);
      if (r === undefined) break;
    }
    return out.length === 1 ? out[0] : new Multi(out);
  } catch (e) {
    if (e instanceof LuaError) throw e;
    return failResult(e);
  }
}

/** g_write: writes strings and numbers; returns the file, or the failure triple. */
export function gWrite(f: LFile, args: unknown[], first: number, err: ArgErr): unknown {
  let failure: unknown = null;
  for (let k = 0; k < args.length; k++) {
    const v = args[k];
    let s: string;
    if (typeof v === "string") s = v;
    else if (typeof v === "number") s = Number.isInteger(v) ? String(v) : fmtG14(v);
    else if (typeof v === "bigint") s = v.toString();
    else if (v instanceof LFloat) s = fmtG14(v.n);
    else throw err(first + k, `string expected, got ${objTypeName(v)}`);
    if (failure !== null) continue;
    try {
      f.put(s);
    } catch (e) {
      failure = toSysError(e);
    }
  }
  return failure === null ? f : failResult(failure);
}

// ---- argument checks of methods ----

/** argError for a file method: named by the call site, or '?' when not called from Lua
 *  (methods are not reachable from a loaded library table, so luaL_argerror finds no name). */
export function methodArgError(arg: number, fname: string, extra: string): LuaError {
  const e = argError(arg, "?." + fname, extra);
  if (typeof e.value === "string") e.value = e.value.replace(`'?.${fname}'`, "'?'");
  return e;
}

/** Runs an aux.ts check for a method, naming the method as methodArgError does. */
function mcheck<T>(fname: string, check: (qname: string) => T): T {
  try {
    return check("?." + fname);
  } catch (e) {
    if (e instanceof LuaError && typeof e.value === "string") e.value = e.value.replace(`'?.${fname}'`, "'?'");
    throw e;
  }
}

/** luaL_checkudata(L, 1, "FILE*") */
export function checkFile(v: unknown, present: boolean, fname: string): LFile {
  if (v instanceof LFile) return v;
  const got = present ? objTypeName(v) : "no value";
  const extra = `FILE* expected, got ${got}`;
  throw fname.startsWith("io.") ? argError(1, fname, extra) : methodArgError(1, fname, extra);
}

/** tofile: an open file handle. */
export function openHandle(v: unknown, present: boolean, fname: string): LFile {
  const f = checkFile(v, present, fname);
  if (f.closed) throw libError(fname, "attempt to use a closed file");
  return f;
}

// ---- lines iterators ----

const ITER = "for iterator";

/** Argument errors of the iterator: named as its caller names it ('for iterator' in a loop). */
function iterArgError(arg: number, extra: string): LuaError {
  const e = argError(arg, "?." + ITER, extra);
  if (typeof e.value === "string") {
    // no name from a call site: 'for iterator' when a Lua loop called it, '?' from a builtin
    const fromLua = !e.value.startsWith("bad argument");
    e.value = e.value.replace(`'?.${ITER}'`, fromLua ? `'${ITER}'` : "'?'");
  }
  return e;
}

/** aux_lines: the iterator reading f with the formats; closes f at the end if `toclose`. */
export function linesIterator(f: LFile, fmts: unknown[], toclose: boolean): Function {
  return {
    [ITER](): unknown {
      if (f.closed) throw libError(ITER, "file is already closed");
      const r = gRead(f, fmts, 2, iterArgError);
      const vals = r instanceof Multi ? r.v : [r];
      if (vals[0] !== undefined && vals[0] !== false) return r;
      if (vals.length > 1) throw libError(ITER, String(vals[1]));
      if (toclose) closeFile(f);
      return EMPTY;
    },
  }[ITER];
}

/** MAXARGLINE of liolib */
export const MAXARGLINE = 250;

// ---- methods ----
// Written as object-literal methods: their names stay the Lua names in any bundle (aux.ts
// finds a builtin's frame by its function name).

const fileMethods = {
  read(self: unknown, ...fmts: unknown[]): unknown {
    const f = openHandle(self, arguments.length > 0, "read");
    return gRead(f, fmts, 2, (a, x) => methodArgError(a, "read", x));
  },

  write(self: unknown, ...args: unknown[]): unknown {
    const f = openHandle(self, arguments.length > 0, "write");
    return gWrite(f, args, 2, (a, x) => methodArgError(a, "write", x));
  },

  lines(self: unknown, ...fmts: unknown[]): unknown {
    const f = openHandle(self, arguments.length > 0, "lines");
    if (fmts.length > MAXARGLINE) throw methodArgError(MAXARGLINE + 2, "lines", "too many arguments");
    return linesIterator(f, fmts, false);
  },

  flush(self: unknown): unknown {
    const f = openHandle(self, arguments.length > 0, "flush");
    try {
      f.sync();
      return true;
    } catch (e) {
      return failResult(e);
    }
  },

  seek(self: unknown, whence: unknown, offset: unknown): unknown {
    const f = openHandle(self, arguments.length > 0, "seek");
    const op = mcheck("seek", (q) => checkOption(whence, 2, q, ["set", "cur", "end"], "cur"));
    const off = mcheck("seek", (q) => optInteger(offset, 3, q, 0));
    try {
      return f.seekTo(op, Number(off));
    } catch (e) {
      return failResult(e);
    }
  },

  setvbuf(self: unknown, mode: unknown, size: unknown): unknown {
    const f = openHandle(self, arguments.length > 0, "setvbuf");
    if (arguments.length < 2) throw methodArgError(2, "setvbuf", "string expected, got no value");
    const m = mcheck("setvbuf", (q) => checkOption(mode, 2, q, ["no", "full", "line"])) as "no" | "full" | "line";
    const sz = mcheck("setvbuf", (q) => optInteger(size, 3, q, 1024));
    try {
      f.buffering(m, Number(sz));
      return true;
    } catch (e) {
      return failResult(e);
    }
  },

  close(self: unknown): unknown {
    const f = openHandle(self, arguments.length > 0, "close");
    return closeFile(f);
  },
};

const fileMetamethods = {
  /** __gc and __close: close the file unless closed (results ignored). */
  __gc(self: unknown): unknown {
    const f = checkFile(self, arguments.length > 0, "__gc");
    if (!f.closed) closeFile(f);
    return EMPTY;
  },

  __tostring(self: unknown): unknown {
    const f = checkFile(self, arguments.length > 0, "__tostring");
    return f.closed ? "file (closed)" : `file (${addressOf(f)})`;
  },
};

for (const [k, fn] of Object.entries(fileMethods)) methods.setStr(k, fn);
fileMeta.setStr("__index", methods);
fileMeta.setStr("__gc", fileMetamethods.__gc);
fileMeta.setStr("__close", fileMetamethods.__gc);
fileMeta.setStr("__tostring", fileMetamethods.__tostring);
fileMeta.setStr("__name", "FILE*");
