// The io library (liolib.c): io.open/lines/read/write/... over the file handles of iofile.ts.
// Each Lua state keeps its own default input and output files.
import { LuaTable } from "../core/table.js";
import { Multi } from "../core/multi.js";
import { isNumber, numberToString } from "../core/numbers.js";
import { argError, checkAny, checkString, libError, optString } from "./aux.js";
import {
  LFile, MAXARGLINE, closeFile, failResult, gRead, gWrite, linesIterator, openFile, openHandle,
  openPopen, openTmpfile, stderrFile, stdinFile, stdoutFile, toSysError, validMode, cString,
} from "./iofile.js";

export function openIo(G: LuaTable): void {
  const current = { input: stdinFile as LFile, output: stdoutFile as LFile };

  /** getiofile: the default input or output, which must be open. */
  function defaultFile(which: "input" | "output", fname: string): LFile {
    const f = current[which];
    if (f.closed) throw libError(fname, `default ${which} file is closed`);
    return f;
  }

  /** opencheckfile: open or raise "cannot open file". */
  function openOrRaise(name: string, mode: string, fname: string): LFile {
    try {
      return openFile(name, mode);
    } catch (e) {
      throw libError(fname, `cannot open file '${cString(name)}' (${toSysError(e).message})`);
    }
  }

  /** g_iofile: io.input / io.output */
  function setDefault(which: "input" | "output", mode: string, v: unknown, fname: string): unknown {
    if (v !== undefined) {
      if (typeof v === "string" || isNumber(v)) {
        current[which] = openOrRaise(typeof v === "string" ? v : numberToString(v), mode, fname);
      } else {
        current[which] = openHandle(v, true, fname);
      }
    }
    return current[which];
  }

  // object-literal methods keep their Lua names in any bundle (aux.ts finds frames by name)
  const lib = {
    close(file: unknown): unknown {
      const f = arguments.length === 0 ? current.output : file;
      return closeFile(openHandle(f, true, "io.close"));
    },

    flush(): unknown {
      const f = defaultFile("output", "io.flush");
      try {
        f.sync();
        return true;
      } catch (e) {
        return failResult(e);
      }
    },

    input(file: unknown): unknown {
      return setDefault("input", "r", file, "io.input");
    },

    output(file: unknown): unknown {
      return setDefault("output", "w", file, "io.output");
    },

    lines(filename: unknown, ...fmts: unknown[]): unknown {
      if (filename === undefined) {
        const d = openHandle(current.input, true, "io.lines");
        if (fmts.length > MAXARGLINE) throw argError(MAXARGLINE + 2, "io.lines", "too many arguments");
        return linesIterator(d, fmts, false);
      }
      const name = checkString(filename, 1, "io.lines");
      const f = openOrRaise(name, "r", "io.lines");
      if (fmts.length > MAXARGLINE) throw argError(MAXARGLINE + 2, "io.lines", "too many arguments");
      return new Multi([linesIterator(f, fmts, true), undefined, undefined, f]);
    },

    open(filename: unknown, mode: unknown): unknown {
      const name = checkString(filename, 1, "io.open", arguments.length > 0);
      const m = optString(mode, 2, "io.open", "r");
      if (!validMode(m)) throw argError(2, "io.open", "invalid mode");
      try {
        return openFile(name, m);
      } catch (e) {
        return failResult(e, cString(name));
      }
    },

    popen(prog: unknown, mode: unknown): unknown {
      const cmd = checkString(prog, 1, "io.popen", arguments.length > 0);
      const m = optString(mode, 2, "io.popen", "r");
      if (m !== "r" && m !== "w") throw argError(2, "io.popen", "invalid mode");
      try {
        return openPopen(cmd, m);
      } catch (e) {
        return failResult(e, cString(cmd));
      }
    },

    read(...fmts: unknown[]): unknown {
      const f = defaultFile("input", "io.read");
      return gRead(f, fmts, 1, (a, x) => argError(a, "io.read", x));
    },

    tmpfile(): unknown {
      try {
        return openTmpfile();
      } catch (e) {
        return failResult(e);
      }
    },

    type(v: unknown): unknown {
      checkAny(arguments.length > 0, 1, "io.type");
      if (!(v instanceof LFile)) return undefined;
      return v.closed ? "closed file" : "file";
    },

    write(...args: unknown[]): unknown {
      const f = defaultFile("output", "io.write");
      return gWrite(f, args, 1, (a, x) => argError(a, "io.write", x));
    },
  };

  const io = LuaTable.library({ ...lib, stdin: stdinFile, stdout: stdoutFile, stderr: stderrFile });
  G.setField("io", io);
}
