// The frontend messages the db builtin sends (PostgreSQL's wire protocol), for the I/O worker
// (exec/ops/db.ts) and the Lua thread (builtins/db/pg-direct.ts). A parameterised statement
// (the extended query protocol) is written into one buffer, so that it goes out as a single
// socket write rather than a write per message:
//
//   Close 'C' (statement)   Parse 'P'   Bind 'B'   Describe 'D' (portal)   Execute 'E'   Sync 'S'
//
// The Lua thread also sends a simple Query 'Q', the Parse/Describe/Sync that asks for a
// statement's parameter types, and a CopyFail 'f'.
//
// Every message is a type byte and a 32-bit length (which counts itself), then its fields;
// strings are NUL-terminated UTF-8. Parameters are text, or bytes in binary format.

/** A parameter as it is sent: null, text, or bytes. */
export type WireParam = string | Uint8Array | null;

/** A parameter as sent: text (PostgreSQL's text format for booleans and numbers), or bytes. */
export function wireValue(v: unknown): WireParam {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return v;
  return String(v);
}

/** What one statement sends. */
export interface StatementMessages {
  /** prepared statements to close first */
  close: readonly string[];
  /** the statement's name, parsed first when `parse` is set */
  name: string;
  parse: boolean;
  text: string;
  params: readonly WireParam[];
  /** asks for the row description (the rows are wanted) */
  describe: boolean;
}

const utf8Length = (s: string): number => Buffer.byteLength(s, "utf8");

export function statementMessages(m: StatementMessages): Buffer {
  const nameLen = utf8Length(m.name);
  const params = m.params;
  let size = 0;
  for (const c of m.close) size += 1 + 4 + 1 + utf8Length(c) + 1;
  const textLen = m.parse ? utf8Length(m.text) : 0;
  if (m.parse) size += 1 + 4 + nameLen + 1 + textLen + 1 + 2;
  const lengths = new Array<number>(params.length);
  let binary = false;
  let bind = 4 + 1 + nameLen + 1 + 2 + 2 + 2;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const n = p === null ? 0 : typeof p === "string" ? utf8Length(p) : p.byteLength;
    if (p instanceof Uint8Array) binary = true;
    lengths[i] = n;
    bind += 4 + n;
  }
  // (format codes: none when all are text, else one per parameter)
  if (binary) bind += 2 * params.length;
  size += 1 + bind;
  if (m.describe) size += 1 + 4 + 1 + 1;
  size += 1 + 4 + 1 + 4 + 1 + 4;

  const b = Buffer.allocUnsafe(size);
  let at = 0;
  const cstring = (s: string, len: number): void => {
    at += b.write(s, at, "utf8");
    b[at++] = 0;
  };
  const header = (code: number, len: number): void => {
    b[at] = code;
    b.writeInt32BE(len, at + 1);
    at += 5;
  };
  for (const c of m.close) {
    const len = utf8Length(c);
    header(0x43, 4 + 1 + len + 1);
    b[at++] = 0x53; // 'S': a statement
    cstring(c, len);
  }
  if (m.parse) {
    header(0x50, 4 + nameLen + 1 + textLen + 1 + 2);
    cstring(m.name, nameLen);
    cstring(m.text, textLen);
    b.writeInt16BE(0, at); // no parameter types: the server infers them
    at += 2;
  }
  header(0x42, bind);
  b[at++] = 0; // the unnamed portal
  cstring(m.name, nameLen);
  if (binary) {
    b.writeInt16BE(params.length, at);
    at += 2;
    for (const p of params) {
      b.writeInt16BE(p instanceof Uint8Array ? 1 : 0, at);
      at += 2;
    }
  } else {
    b.writeInt16BE(0, at);
    at += 2;
  }
  b.writeInt16BE(params.length, at);
  at += 2;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === null) {
      b.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    const n = lengths[i];
    b.writeInt32BE(n, at);
    at += 4;
    if (typeof p === "string") b.write(p, at, "utf8");
    else b.set(p, at);
    at += n;
  }
  b.writeInt16BE(0, at); // every result column in text format
  at += 2;
  if (m.describe) {
    header(0x44, 4 + 1 + 1);
    b[at++] = 0x50; // 'P': a portal
    b[at++] = 0; // the unnamed one
  }
  header(0x45, 4 + 1 + 4);
  b[at++] = 0; // the unnamed portal
  b.writeInt32BE(0, at); // all its rows
  at += 4;
  header(0x53, 4);
  return b;
}

function message(code: number, body: (b: Buffer, at: number) => void, bodyLen: number): Buffer {
  const b = Buffer.allocUnsafe(1 + 4 + bodyLen);
  b[0] = code;
  b.writeInt32BE(4 + bodyLen, 1);
  body(b, 5);
  return b;
}

const cstringMessage = (code: number, s: string): Buffer => {
  const n = utf8Length(s);
  return message(code, (b, at) => void (b[at + b.write(s, at, "utf8")] = 0), n + 1);
};

/** A simple-protocol Query: `text` may hold several statements; rows come in text format. */
export const queryMessage = (text: string): Buffer => cstringMessage(0x51, text);

/** CopyFail: ends a COPY FROM STDIN the server started, with `why`. */
export const copyFailMessage = (why: string): Buffer => cstringMessage(0x66, why);

/** Parse (the unnamed statement), Describe it, Sync: the server answers with its parameter
 *  types (ParameterDescription) without running it. */
export function describeMessages(text: string): Buffer {
  const n = utf8Length(text);
  const parse = message(0x50, (b, at) => {
    b[at++] = 0; // the unnamed statement
    at += b.write(text, at, "utf8");
    b[at++] = 0;
    b.writeInt16BE(0, at);
  }, 1 + n + 1 + 2);
  const describe = message(0x44, (b, at) => {
    b[at] = 0x53; // 'S': a statement
    b[at + 1] = 0;
  }, 2);
  return Buffer.concat([parse, describe, message(0x53, () => {}, 0)]);
}

/** A server error as the db builtin words it: the message and its SQLSTATE,
 *  `relation "x" does not exist (42P01)`. */
export function withSqlstate(message: string, code: unknown): string {
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? `${message} (${code})` : message;
}
