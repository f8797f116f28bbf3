// Tab completion for the REPL: the dotted name before the cursor (`str`, `string.fo`,
// `http.`, `s:up`) is completed from the live state — globals, then table fields, following
// __index tables; after `:` on a string, the string library. Reads only (raw gets, no
// metamethod calls), so completing never runs Lua code.
import { LuaTable } from "../../runtime-lib/core/table.js";

const KEYWORDS = [
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "global", "goto", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
];

/** How many __index tables to follow (a cycle must not hang the prompt). */
const MAX_CHAIN = 8;

export function completions(G: LuaTable, text: string): { list: string[]; word: string } {
  const m = /[A-Za-z_][\w]*(?:\s*[.:]\s*[A-Za-z_]\w*)*\s*[.:]?\s*$|$/.exec(text)!;
  const word = m[0];
  const parts = word.split(/\s*([.:])\s*/);
  // parts: name, sep, name, sep, ..., prefix
  const prefix = parts[parts.length - 1];
  let base: unknown = G;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const v = fieldOf(base, parts[i]);
    base = parts[i + 1] === ":" && typeof v === "string" ? G.get("string") : v;
  }
  const head = word.slice(0, word.length - prefix.length);
  const names = new Set<string>();
  collectKeys(base, prefix, names);
  if (parts.length === 1) KEYWORDS.filter((k) => k.startsWith(prefix)).forEach((k) => names.add(k));
  return { list: [...names].sort().map((n) => head + n), word };
}

/** A field read without metamethod calls (only __index tables are followed). */
function fieldOf(t: unknown, key: string): unknown {
  for (let i = 0; i < MAX_CHAIN && t instanceof LuaTable; i++) {
    const v = t.get(key);
    if (v !== undefined) return v;
    t = t.mt?.get("__index");
  }
  return undefined;
}

function collectKeys(t: unknown, prefix: string, into: Set<string>): void {
  for (let i = 0; i < MAX_CHAIN && t instanceof LuaTable; i++) {
    for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
      const k = e[0];
      if (typeof k === "string" && /^[A-Za-z_]\w*$/.test(k) && k.startsWith(prefix)) into.add(k);
    }
    t = t.mt?.get("__index");
  }
}
