// `string.split(s, sep?)` (SPEC A5): the helper later versions of the original added.
//   string.split("a,b,,c", ",")  → {"a", "b", "", "c"}   sep is plain text, not a pattern;
//                                                         empty fields are kept
//   string.split("  a  b ")      → {"a", "b"}            no sep: runs of whitespace
// Also a method: ("a,b"):split(",").
import { LuaTable } from "../core/table.js";
import { argError, checkString } from "../lib/aux.js";

function split(s: unknown, sep: unknown): unknown {
  const text = checkString(s, 1, "split", arguments.length > 0);
  const parts: string[] = [];
  if (sep === undefined) {
    for (const p of text.split(/[ \t\n\r\f\v]+/)) if (p !== "") parts.push(p);
  } else {
    const d = checkString(sep, 2, "split");
    if (d === "") throw argError(2, "split", "separator must not be empty");
    parts.push(...text.split(d));
  }
  return new LuaTable(parts);
}

/** Adds split to the string table (which is also strings' __index). */
export function openStringSplit(G: LuaTable): void {
  const str = G.get("string");
  if (str instanceof LuaTable) str.setStr("split", split);
}
