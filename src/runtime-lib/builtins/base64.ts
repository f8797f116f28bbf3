// The `base64` table (SPEC B§1.6, A6): RFC 4648 §4, binary-safe (Lua strings are bytes).
//   base64.encode(s) → string   standard alphabet, `=` padding
//   base64.decode(s) → string   strict: standard alphabet only, padding required, no
//                               whitespace, no non-zero bits after the last byte;
//                               otherwise the error "base64.decode: <reason>"
import { LuaTable } from "../core/table.js";
import { checkString, libError } from "../lib/aux.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

function encode(s: unknown): unknown {
  const bytes = checkString(s, 1, "base64.encode", arguments.length > 0);
  return Buffer.from(bytes, "latin1").toString("base64");
}

function symbol(c: number): string {
  return c >= 0x21 && c <= 0x7e ? `'${String.fromCharCode(c)}'` : `0x${c.toString(16).padStart(2, "0")}`;
}

function bad(reason: string): never {
  throw libError("base64.decode", `base64.decode: ${reason}`);
}

function decode(s: unknown): unknown {
  const text = checkString(s, 1, "base64.decode", arguments.length > 0);
  const n = text.length;
  // padding: at most two '=' and only at the very end
  let data = n;
  while (data > 0 && text.charCodeAt(data - 1) === 0x3d && n - data < 2) data--;
  for (let i = 0; i < data; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff || VALUE[c] < 0) bad(`invalid symbol ${symbol(c)} at offset ${i}`);
  }
  if (n % 4 !== 0) bad(`invalid length ${n} (padded base64 is a multiple of 4 long)`);
  // with n a multiple of 4 and at most two '=', the data ends 0, 2 or 3 symbols into a group
  const rem = data % 4;
  // the bits after the last whole byte must be zero (canonical encoding)
  if (rem !== 0) {
    const last = VALUE[text.charCodeAt(data - 1)];
    if ((rem === 2 && (last & 0x0f) !== 0) || (rem === 3 && (last & 0x03) !== 0)) {
      bad(`invalid last symbol ${symbol(text.charCodeAt(data - 1))} at offset ${data - 1} (non-zero trailing bits)`);
    }
  }
  return Buffer.from(text.slice(0, data), "base64").toString("latin1");
}

export function openBase64(G: LuaTable): void {
  G.setField("base64", LuaTable.library({ encode, decode }));
}
