// Generated code is built as fragments — strings, nested fragment lists and position marks —
// and printed once into a single buffer. Marks become the chunk's position table: the JS
// line/column where an operator or call helper is invoked → the Lua line, plus what the
// operands were called in the source ("local 'x'"), for error messages. A site names a mark
// printed just before it by its index in that table, as a number the helper is passed: an
// error raised there inside pcall finds its position without capturing the JS stack.

export class Mark {
  constructor(
    readonly line: number,
    /** kind char + operand names joined by "\0"; "" for a plain line mark */
    readonly info: string = "",
  ) {}
}

/** `$S+i`: the chunk's first site number (given when it loads) plus the index of `mark`'s
 *  entry in the position table. The mark must be printed before the site. */
export class Site {
  constructor(readonly mark: Mark) {}
}

export type Frag = string | Mark | Site | Frag[];

export interface Printed {
  code: string;
  keys: number[];
  lines: number[];
  info: string[];
}

/** Prints `root` as if it started at JS line `line`. */
export function print(root: Frag, line = 1): Printed {
  const out: string[] = [];
  const keys: number[] = [];
  const lines: number[] = [];
  const info: string[] = [];
  // the table entry each mark went to, as last printed (a fragment may be printed twice)
  const entries = new Map<Mark, number>();
  let col = 1;
  const text = (f: string): void => {
    out.push(f);
    const nl = f.lastIndexOf("\n");
    if (nl < 0) col += f.length;
    else {
      for (let k = 0; k < f.length; k++) if (f.charCodeAt(k) === 10) line++;
      col = f.length - nl;
    }
  };
  const walk = (f: Frag): void => {
    if (typeof f === "string") return text(f);
    if (f instanceof Mark) {
      const key = line * 1048576 + col;
      const last = keys.length - 1;
      if (last >= 0 && keys[last] === key) {
        // a more specific mark at the same place wins over a plain line mark
        if (f.info !== "") {
          lines[last] = f.line;
          info[last] = f.info;
        }
        entries.set(f, last);
        return;
      }
      entries.set(f, keys.length);
      keys.push(key);
      lines.push(f.line);
      info.push(f.info);
      return;
    }
    if (f instanceof Site) {
      const i = entries.get(f.mark);
      if (i === undefined) throw new Error("site printed before its mark");
      return text(`$S+${i}`);
    }
    for (const x of f) walk(x);
  };
  walk(root);
  return { code: out.join(""), keys, lines, info };
}

/** Joins fragments with a separator. */
export function join(items: Frag[], sep: string): Frag {
  const r: Frag[] = [];
  items.forEach((x, i) => {
    if (i > 0) r.push(sep);
    r.push(x);
  });
  return r;
}
