// Generated code is built as fragments — strings, nested fragment lists and position marks —
// and printed once into a single buffer. Marks become the chunk's position table: the JS
// line/column where an operator or call helper is invoked → the Lua line, plus what the
// operands were called in the source ("local 'x'"), for error messages.

export class Mark {
  constructor(
    readonly line: number,
    /** kind char + operand names joined by "\0"; "" for a plain line mark */
    readonly info: string = "",
  ) {}
}

export type Frag = string | Mark | Frag[];

export interface Printed {
  code: string;
  keys: number[];
  lines: number[];
  info: string[];
}

export function print(root: Frag): Printed {
  const out: string[] = [];
  const keys: number[] = [];
  const lines: number[] = [];
  const info: string[] = [];
  let line = 1;
  let col = 1;
  const walk = (f: Frag): void => {
    if (typeof f === "string") {
      out.push(f);
      const nl = f.lastIndexOf("\n");
      if (nl < 0) col += f.length;
      else {
        for (let k = 0; k < f.length; k++) if (f.charCodeAt(k) === 10) line++;
        col = f.length - nl;
      }
      return;
    }
    if (f instanceof Mark) {
      const key = line * 1048576 + col;
      const last = keys.length - 1;
      if (last >= 0 && keys[last] === key) {
        // a more specific mark at the same place wins over a plain line mark
        if (f.info !== "") {
          lines[last] = f.line;
          info[last] = f.info;
        }
        return;
      }
      keys.push(key);
      lines.push(f.line);
      info.push(f.info);
      return;
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
