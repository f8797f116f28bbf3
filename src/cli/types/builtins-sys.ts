// Descriptions of the system builtins for `assay types`: fs, env, log, assert, sleep, time,
// async, and assay's additions to `os`.
import { GlobalDef, fields, fn } from "./model.js";

const PATH = { path: "the path (relative to the current directory)" };

export const fs: GlobalDef = {
  name: "fs",
  doc: "Files and directories, synchronous and binary-safe. Errors read `fs.<fn>: <path>: <reason>`.",
  kind: "table",
  classes: [
    { name: "fs.Entry", doc: "An entry of `fs.list`.", fields: fields("name: string — the entry's name", 'type: "file"|"directory"|"symlink" — what it is') },
    { name: "fs.TreeEntry", doc: "An entry of `fs.readdir`.", fields: fields("path: string — the path relative to the directory listed", 'type: "file"|"directory"|"symlink" — what it is') },
    {
      name: "fs.Stat",
      doc: "What `fs.stat` returns.",
      fields: fields(
        "size: integer — bytes",
        "is_file: boolean — a regular file",
        "is_dir: boolean — a directory",
        "is_symlink: boolean — the path itself is a symbolic link",
        "mode: integer — the permission bits (420 = 0644)",
        "modified: number — epoch seconds",
        "accessed: number — epoch seconds",
        "created?: number — epoch seconds, where the file system records it",
      ),
    },
    { name: "fs.ReaddirOptions", doc: "Options of `fs.readdir`.", fields: fields("depth?: integer — how deep to go (1 = the directory's own entries; default all)") },
    { name: "fs.GlobOptions", doc: "Options of `fs.glob`.", fields: fields("dot?: boolean — let `*` match names starting with a dot") },
  ],
  functions: [
    fn("read(path: string): string", "Reads a whole file (any bytes).", { ...PATH, return: "the content" }),
    fn("read_bytes(path: string): string", "The same as `fs.read`.", { ...PATH, return: "the content" }),
    fn("write(path: string, data: string|number)", "Writes a file atomically (temp file + rename), creating parent directories.", { ...PATH, data: "the content" }),
    fn("write_bytes(path: string, data: string)", "The same as `fs.write`.", { ...PATH, data: "the content" }),
    fn("append(path: string, data: string|number)", "Appends to a file (created with its parents when missing).", { ...PATH, data: "what to append" }),
    fn("exists(path: string): boolean", "Whether the path exists (a dangling symlink does not).", { ...PATH, return: "true when it exists" }),
    fn("remove(path: string)", "Removes a file, a symlink, or a directory with everything in it. A missing path raises.", PATH),
    fn("mkdir(path: string)", "Creates a directory and its parents; an existing directory is fine.", PATH),
    fn("list(dir: string): fs.Entry[]", "The entries of a directory, sorted by name.", { dir: "the directory", return: "`{name, type}` entries" }),
    fn("readdir(dir: string, opts?: fs.ReaddirOptions): fs.TreeEntry[]", "The entries under a directory, recursively, depth-first and sorted.", {
      dir: "the directory",
      opts: "`depth`",
      return: "`{path, type}` entries, paths relative to dir",
    }),
    fn("stat(path: string): fs.Stat", "Facts about a path (symlinks followed).", { ...PATH, return: "size, type, mode and times" }),
    fn("copy(src: string, dst: string): integer", "Copies a file (content and mode).", { src: "the file", dst: "the copy", return: "the bytes copied" }),
    fn("rename(src: string, dst: string)", "Renames (moves) a path.", { src: "the old path", dst: "the new path" }),
    fn("glob(pattern: string, opts?: fs.GlobOptions): string[]", "Paths matching a glob (`*`, `?`, `[..]`, `{a,b}`, `**`), sorted.", {
      pattern: "the glob, relative or absolute",
      opts: "`dot`",
      return: "the matching paths",
    }),
    fn("tempdir(): string", "Creates a new private directory `<tmp>/assay-<hex>`.", { return: "its path" }),
    fn("chmod(path: string, mode: integer|string)", "Sets permission bits.", { ...PATH, mode: 'an integer (493) or an octal string ("755")' }),
    fn("lines(path: string): fun(): string?", "Iterates over a file's lines (without line ends), streamed: `for line in fs.lines(p) do ... end`.", {
      ...PATH,
      return: "an iterator",
    }),
    fn("sub_in_file(path: string, pattern: string, repl: string|table|function, n?: integer): integer", "`string.gsub` over a file's content, written back (atomically) when something matched.", {
      ...PATH,
      pattern: "a Lua pattern",
      repl: "as for string.gsub",
      n: "at most this many replacements",
      return: "the number of replacements",
    }),
  ],
};

export const env: GlobalDef = {
  name: "env",
  doc: "The process environment.",
  kind: "table",
  fields: fields("_check_env: table<string, string> — per-check overrides that `env.get` reads first (filled in check mode)"),
  classes: [{ name: "env.Entry", doc: "An entry of `env.list`.", fields: fields("key: string — the name", "value: string — the value") }],
  functions: [
    fn("get(name: string): string?", "A variable: a check-mode override (`env._check_env`) first, else the process environment.", { name: "the variable", return: "its value, or nil when unset" }),
    fn("set(name: string, value: string|number|nil)", "Sets a variable, or unsets it with nil; processes started later see it.", { name: "the variable", value: "the value, or nil" }),
    fn("list(): env.Entry[]", "The whole process environment, sorted by name.", { return: "`{key, value}` entries" }),
    fn("_process_get(name: string): string?", "A variable of the process environment, ignoring check-mode overrides.", { name: "the variable", return: "its value, or nil" }),
  ],
};

const logFn = (level: string) =>
  fn(`${level}(msg: string|number, fields?: table)`, `Logs a ${level} line on stderr (format and level from ASSAY_LOG_FORMAT and ASSAY_LOG_LEVEL).`, {
    msg: "the message",
    fields: "structured fields, written `key=value` (or in the JSON object)",
  });

export const log: GlobalDef = {
  name: "log",
  doc: "Log lines on stderr: `<time>  INFO message key=value`, or JSON lines with ASSAY_LOG_FORMAT=json.",
  kind: "table",
  functions: ["debug", "info", "warn", "error"].map(logFn),
};

const MSG = { msg: "appended to the failure message as ` - <msg>`" };

export const assert: GlobalDef = {
  name: "assert",
  doc: "Lua's `assert`, callable as ever, with assertion functions that raise `assert.<fn> failed: ...`.",
  kind: "table",
  call: fn("assert(v: any, message?: any, ...: any): any", "Lua's assert: raises message (default \"assertion failed!\") when v is false or nil; else returns all its arguments.", {
    v: "the value tested",
    message: "the error value",
  }),
  functions: [
    fn("eq(a: any, b: any, msg?: any)", "Fails unless a equals b (numbers within machine epsilon; tables only when the same table).", { a: "the actual value", b: "the expected value", ...MSG }),
    fn("ne(a: any, b: any, msg?: any)", "Fails when a equals b (as `assert.eq` compares).", { a: "a value", b: "another", ...MSG }),
    fn("gt(a: number, b: number, msg?: any)", "Fails unless a > b (both numbers).", { a: "a number", b: "a number", ...MSG }),
    fn("lt(a: number, b: number, msg?: any)", "Fails unless a < b (both numbers).", { a: "a number", b: "a number", ...MSG }),
    fn("contains(haystack: string, needle: string, msg?: any)", "Fails unless needle occurs in haystack (plain text).", { haystack: "the text", needle: "the substring", ...MSG }),
    fn("not_nil(v: any, msg?: any)", "Fails when v is nil (false passes).", { v: "the value", ...MSG }),
    fn("matches(text: string, pattern: string, msg?: any)", "Fails unless the Lua pattern matches text (`string.find`).", { text: "the text", pattern: "a Lua pattern", ...MSG }),
    fn("same(a: any, b: any, msg?: any)", "Fails unless a and b are deeply equal (tables key by key); the message names the first difference.", { a: "the actual value", b: "the expected value", ...MSG }),
  ],
};

export const sleep: GlobalDef = {
  name: "sleep",
  doc: "Waiting.",
  kind: "function",
  functions: [fn("sleep(seconds: number)", "Waits (fractions allowed); inside a task only that task waits. A negative or NaN duration raises.", { seconds: "how long" })],
};

export const time: GlobalDef = {
  name: "time",
  doc: "The clock.",
  kind: "function",
  functions: [fn("time(): number", "The Unix epoch in seconds, a float with microseconds (`math.floor(time())` for whole seconds).", { return: "seconds since 1970-01-01 UTC" })],
};

export const async: GlobalDef = {
  name: "async",
  doc: "Tasks: functions that run while the rest of the script waits.",
  kind: "table",
  classes: [
    {
      name: "async.Handle",
      doc: "A spawned task.",
      fields: [],
      methods: [fn("await(): any[]", "Waits for the task; raises its error if it failed. A second await raises `async handle already awaited`.", { return: "everything the function returned, as an array" })],
    },
    { name: "async.Interval", doc: "A repeating task.", fields: [], methods: [fn("cancel()", "Stops the calls to come (one in progress completes).")] },
  ],
  functions: [
    fn("spawn(fn: fun(): any): async.Handle", "Runs fn as a task, starting the next time the caller waits.", { fn: "the function (no arguments)", return: "a handle to await" }),
    fn("spawn_interval(seconds: number, fn: fun()): async.Interval", "Calls fn every `seconds` (the first call after one interval) until cancelled; an error stops it and is logged.", {
      seconds: "the interval (> 0)",
      fn: "the function",
      return: "a handle to cancel",
    }),
  ],
};

export const os: GlobalDef = {
  name: "os",
  doc: "assay's additions to Lua's os library.",
  kind: "extends",
  functions: [
    fn("hostname(): string", "The machine's host name.", { return: "the host name" }),
    fn("arch(): string", 'The CPU architecture as Node.js names it ("x64", "arm64", ...).', { return: "the architecture" }),
    fn("platform(): string", 'The operating system as Node.js names it ("linux", "darwin", ...).', { return: "the platform" }),
  ],
};

export const shell: GlobalDef = {
  name: "shell",
  doc: "Running commands. A non-zero status is not an error; other tasks go on while a command runs.",
  kind: "table",
  classes: [
    {
      name: "shell.Result",
      doc: "What `shell.exec` returns.",
      fields: fields(
        "status: integer — the exit status (128 + the signal number when a signal ended it)",
        "stdout: string — what it wrote on standard output (bytes)",
        "stderr: string — what it wrote on standard error (bytes)",
        "timed_out: boolean — the timeout stopped it",
      ),
    },
    {
      name: "shell.Options",
      doc: "Options of `shell.exec`.",
      fields: fields(
        "cwd?: string — the working directory",
        "env?: table<string, string|number|false> — variables set for the command (false removes one)",
        "stdin?: string — its standard input",
        "timeout?: number — seconds before the command (and its children) is stopped",
      ),
    },
  ],
  functions: [
    fn("exec(cmd: string, opts?: shell.Options): shell.Result", "Runs a command line with /bin/sh -c and collects its output.", {
      cmd: "the command line",
      opts: "cwd, env, stdin, timeout",
      return: "`{status, stdout, stderr, timed_out}`",
    }),
  ],
};

export const string: GlobalDef = {
  name: "string",
  doc: "assay's additions to Lua's string library (also methods of strings).",
  kind: "extends",
  functions: [
    fn("split(s: string, sep?: string): string[]", "Splits at a plain-text separator, keeping empty fields; without one, at runs of whitespace.", {
      s: "the string",
      sep: "the separator (not a pattern)",
      return: "the parts",
    }),
  ],
};

/** Not a runtime global: `assay test` defines it for test files (src/cli/test/harness.ts). */
export const testGlobal: GlobalDef = {
  name: "test",
  doc: "Registers tests; exists only in files run by `assay test`.",
  kind: "table",
  call: fn("test(name: string, fn: fun())", "Registers a test: it passes when fn returns, fails when it raises.", { name: "the test's name", fn: "the test" }),
  functions: [
    fn("skip(name: string, reason?: string|fun())", "Registers a skipped test (with a reason, or keeping its body in place, not run).", {
      name: "the test's name",
      reason: "why it is skipped, or the test's function",
    }),
  ],
};
