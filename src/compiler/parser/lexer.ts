// The Lua 5.4 lexer. It works on a byte string (a JS string whose char codes are 0–255)
// and keeps the current token in plain fields (no object per token). Its errors and the
// token texts it gives for messages follow Lua's llex.c: the "near" text of a string is
// its delimiters around the already-decoded contents, line breaks are \n, \r, \r\n or
// \n\r (one line each), and an error's line is the line the lexer has reached.
import { LuaParseError } from "./errors.js";

/** Token codes: a single-byte token is its byte; everything else is 256 or more. */
export const enum Tok {
  AND = 257, BREAK, DO, ELSE, ELSEIF, END, FALSE, FOR, FUNCTION, GOTO, IF, IN, LOCAL, NIL,
  NOT, OR, REPEAT, RETURN, THEN, TRUE, UNTIL, WHILE,
  IDIV, CONCAT, DOTS, EQ, GE, LE, NE, SHL, SHR, DBCOLON, EOS,
  NUMBER, NAME, STRING,
}

const TOKEN_TEXT = [
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
  "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::", "<eof>",
  "<number>", "<name>", "<string>",
];

const KEYWORDS = new Map<string, number>();
for (let i = 0; i < 22; i++) KEYWORDS.set(TOKEN_TEXT[i], Tok.AND + i);

/** How Lua names a token kind in messages (luaX_token2str). */
export function token2str(t: number): string {
  if (t < 256) {
    if (t >= 32 && t <= 126) return `'${String.fromCharCode(t)}'`;
    return `'<\\${t}>'`;
  }
  const s = TOKEN_TEXT[t - Tok.AND];
  return t < Tok.EOS ? `'${s}'` : s;
}

// character classes (Lua's lctype for the C locale)
const C_ALPHA = 1; // letters and '_'
const C_DIGIT = 2;
const C_XDIGIT = 4;
const C_SPACE = 8;
const CTYPE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  let f = 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) f |= C_ALPHA;
  if (c >= 48 && c <= 57) f |= C_DIGIT | C_XDIGIT;
  if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) f |= C_XDIGIT;
  if (c === 32 || (c >= 9 && c <= 13)) f |= C_SPACE;
  CTYPE[c] = f;
}

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

const DEC_NUMERAL = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_NUMERAL = /^0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?$/;

/** The value luaparse gives a numeral (a JS number; hex with its own digit arithmetic). */
function numeralValue(raw: string): number {
  const c1 = raw.charCodeAt(1);
  if (raw.charCodeAt(0) !== 48 || (c1 !== 120 && c1 !== 88)) return parseFloat(raw);
  let i = 2;
  const n = raw.length;
  while (i < n && CTYPE[raw.charCodeAt(i)] & C_XDIGIT) i++;
  const digit = i > 2 ? parseInt(raw.slice(2, i), 16) : 0;
  let fraction = 0;
  if (raw.charCodeAt(i) === 46) {
    const fs = ++i;
    while (i < n && CTYPE[raw.charCodeAt(i)] & C_XDIGIT) i++;
    fraction = fs === i ? 0 : parseInt(raw.slice(fs, i), 16) / Math.pow(16, i - fs);
  }
  let exp = 1;
  if (i < n) {
    i++; // p or P
    let sign = 1;
    if (raw.charCodeAt(i) === 43) i++;
    else if (raw.charCodeAt(i) === 45) {
      sign = -1;
      i++;
    }
    exp = Math.pow(2, Number(raw.slice(i)) * sign);
  }
  return (digit + fraction) * exp;
}

/** UTF-8 bytes of a code point up to 2^31 (up to six bytes, as Lua's luaO_utf8esc). */
export function utf8Bytes(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let mfb = 0x3f; // largest value that fits in the first byte
  do {
    bytes.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  bytes.push(((~mfb << 1) | x) & 0xff);
  bytes.reverse();
  return String.fromCharCode(...bytes);
}

export class Lexer {
  readonly src: string;
  protected readonly n: number;
  /** scanning position and the line there (1-based) with the offset it starts at */
  protected pos = 0;
  protected line = 1;
  protected lineStart = 0;

  // ---- the current token ----
  t: number = Tok.EOS;
  /** name text, or decoded string contents */
  sv = "";
  /** offsets [start, end) */
  start = 0;
  end = 0;
  /** line and column where it starts */
  sLine = 1;
  sCol = 0;
  /** line and column where it ends (the lexer's line after reading it) */
  eLine = 1;
  eCol = 0;
  /** long bracket level of a long string, or -1 for a quoted string */
  sep = -1;

  // ---- one token of lookahead (read on demand, as luaX_lookahead) ----
  protected hasAhead = false;
  private aheadSilent = false;
  private aT = 0;
  private aSv = "";
  private aStart = 0;
  private aEnd = 0;
  private aSLine = 0;
  private aSCol = 0;
  private aELine = 0;
  private aECol = 0;
  private aSep = -1;

  constructor(src: string) {
    this.src = src;
    this.n = src.length;
  }

  /** The line Lua reports errors at: where the lexer is (after a lookahead, if read; not
   *  after a lookahead Lua itself would not have read). */
  errLine(): number {
    return this.hasAhead && !this.aheadSilent ? this.aELine : this.eLine;
  }

  /** The text Lua shows for the current token after "near". */
  nearText(): string {
    const t = this.t;
    if (t === Tok.NAME || t === Tok.NUMBER) return `'${this.src.slice(this.start, this.end)}'`;
    if (t === Tok.STRING) {
      if (this.sep < 0) {
        const q = this.src[this.start];
        return `'${q}${this.sv}${q}'`;
      }
      const eq = "=".repeat(this.sep);
      return `'[${eq}[${this.sv}]${eq}]'`;
    }
    return token2str(t);
  }

  /** Reads the token after the current one without consuming it; returns its code.
   *  `silent`: Lua's parser would not look ahead here, so lines stay as if it had not. */
  peek(silent = false): number {
    if (!this.hasAhead) {
      this.aheadSilent = silent;
      const t = this.t, sv = this.sv, start = this.start, end = this.end, sLine = this.sLine;
      const sCol = this.sCol, eLine = this.eLine, eCol = this.eCol, sep = this.sep;
      this.scan();
      this.aT = this.t;
      this.aSv = this.sv;
      this.aStart = this.start;
      this.aEnd = this.end;
      this.aSLine = this.sLine;
      this.aSCol = this.sCol;
      this.aELine = this.eLine;
      this.aECol = this.eCol;
      this.aSep = this.sep;
      this.t = t;
      this.sv = sv;
      this.start = start;
      this.end = end;
      this.sLine = sLine;
      this.sCol = sCol;
      this.eLine = eLine;
      this.eCol = eCol;
      this.sep = sep;
      this.hasAhead = true;
    }
    return this.aT;
  }

  /** Makes the next token current (the lookahead if there is one). */
  protected advance(): void {
    if (this.hasAhead) {
      this.hasAhead = false;
      this.t = this.aT;
      this.sv = this.aSv;
      this.start = this.aStart;
      this.end = this.aEnd;
      this.sLine = this.aSLine;
      this.sCol = this.aSCol;
      this.eLine = this.aELine;
      this.eCol = this.aECol;
      this.sep = this.aSep;
    } else this.scan();
  }

  private lexError(msg: string, near: string | null): never {
    throw new LuaParseError(near === null ? msg : `${msg} near ${near}`, this.line);
  }

  /** Skips one line break at p (\n, \r, \r\n or \n\r) and counts it; returns the new position. */
  private newline(p: number): number {
    const c = this.src.charCodeAt(p);
    p++;
    const d = this.src.charCodeAt(p);
    if ((d === 10 || d === 13) && d !== c) p++;
    this.line++;
    this.lineStart = p;
    return p;
  }

  private token(t: number, start: number, end: number): void {
    this.t = t;
    this.start = start;
    this.end = end;
    this.pos = end;
    this.sCol = start - this.lineStart;
    this.sLine = this.line;
    this.eLine = this.line;
    this.eCol = end - this.lineStart;
  }

  /** Scans the next token into the current-token fields. */
  private scan(): void {
    const src = this.src;
    const n = this.n;
    let p = this.pos;
    for (;;) {
      if (p >= n) {
        this.token(Tok.EOS, n, n);
        return;
      }
      const c = src.charCodeAt(p);
      switch (c) {
        case 10:
        case 13:
          p = this.newline(p);
          continue;
        case 32:
        case 9:
        case 11:
        case 12:
          p++;
          continue;
        case 45: // '-'
          if (src.charCodeAt(p + 1) !== 45) return this.token(45, p, p + 1);
          p = this.comment(p + 2);
          continue;
        case 91: {
          // '['
          const level = this.longOpen(p);
          if (level >= 0) return this.longString(p, level);
          if (src.charCodeAt(p + 1) === 61) {
            let q = p + 1;
            while (src.charCodeAt(q) === 61) q++;
            this.lexError("invalid long string delimiter", `'${src.slice(p, q)}'`);
          }
          return this.token(91, p, p + 1);
        }
        case 61: // '='
          if (src.charCodeAt(p + 1) === 61) return this.token(Tok.EQ, p, p + 2);
          return this.token(61, p, p + 1);
        case 60: {
          // '<'
          const d = src.charCodeAt(p + 1);
          if (d === 61) return this.token(Tok.LE, p, p + 2);
          if (d === 60) return this.token(Tok.SHL, p, p + 2);
          return this.token(60, p, p + 1);
        }
        case 62: {
          // '>'
          const d = src.charCodeAt(p + 1);
          if (d === 61) return this.token(Tok.GE, p, p + 2);
          if (d === 62) return this.token(Tok.SHR, p, p + 2);
          return this.token(62, p, p + 1);
        }
        case 47: // '/'
          if (src.charCodeAt(p + 1) === 47) return this.token(Tok.IDIV, p, p + 2);
          return this.token(47, p, p + 1);
        case 126: // '~'
          if (src.charCodeAt(p + 1) === 61) return this.token(Tok.NE, p, p + 2);
          return this.token(126, p, p + 1);
        case 58: // ':'
          if (src.charCodeAt(p + 1) === 58) return this.token(Tok.DBCOLON, p, p + 2);
          return this.token(58, p, p + 1);
        case 34:
        case 39:
          return this.shortString(p, c);
        case 46: {
          // '.'
          const d = src.charCodeAt(p + 1);
          if (d === 46) {
            if (src.charCodeAt(p + 2) === 46) return this.token(Tok.DOTS, p, p + 3);
            return this.token(Tok.CONCAT, p, p + 2);
          }
          if (d >= 48 && d <= 57) return this.numeral(p, p + 1);
          return this.token(46, p, p + 1);
        }
        default:
          if (c >= 48 && c <= 57) return this.numeral(p, p);
          if (c < 256 && CTYPE[c] & C_ALPHA) {
            let e = p + 1;
            while (e < n && CTYPE[src.charCodeAt(e)] & (C_ALPHA | C_DIGIT)) e++;
            const word = src.slice(p, e);
            const kw = KEYWORDS.get(word);
            if (kw !== undefined) return this.token(kw, p, e);
            this.sv = word;
            return this.token(Tok.NAME, p, e);
          }
          if (c > 255) throw new RangeError(`Lua source must be a byte string (char code ${c} at offset ${p})`);
          return this.token(c, p, p + 1);
      }
    }
  }

  /** After "--": skips a comment; returns the position after it. */
  private comment(p: number): number {
    const src = this.src;
    if (src.charCodeAt(p) === 91) {
      const level = this.longOpen(p);
      if (level >= 0) return this.skipLong(p + level + 2, level, this.line);
    }
    const n = this.n;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === 10 || c === 13) break;
      p++;
    }
    return p;
  }

  /** At '[': the level of a long bracket "[==[" there, or -1 if there is none. */
  private longOpen(p: number): number {
    const src = this.src;
    let q = p + 1;
    while (src.charCodeAt(q) === 61) q++;
    if (src.charCodeAt(q) === 91) return q - p - 1;
    return -1;
  }

  /** Skips a long comment whose body starts at p; returns the position after it. */
  private skipLong(p: number, level: number, firstLine: number): number {
    const src = this.src;
    const n = this.n;
    for (;;) {
      if (p >= n) {
        this.pos = n;
        this.lexError(`unfinished long comment (starting at line ${firstLine})`, "<eof>");
      }
      const c = src.charCodeAt(p);
      if (c === 93) {
        let q = p + 1;
        while (src.charCodeAt(q) === 61) q++;
        if (src.charCodeAt(q) === 93 && q - p - 1 === level) return q + 1;
        p = q;
      } else if (c === 10 || c === 13) p = this.newline(p);
      else p++;
    }
  }

  private longString(p: number, level: number): void {
    const src = this.src;
    const n = this.n;
    const start = p;
    const sLine = this.line;
    const sCol = p - this.lineStart;
    p += level + 2;
    if (p < n) {
      const c = src.charCodeAt(p);
      if (c === 10 || c === 13) p = this.newline(p);
    }
    let value = "";
    let chunk = p;
    for (;;) {
      if (p >= n) {
        this.pos = n;
        this.lexError(`unfinished long string (starting at line ${sLine})`, "<eof>");
      }
      const c = src.charCodeAt(p);
      if (c === 93) {
        let q = p + 1;
        while (src.charCodeAt(q) === 61) q++;
        if (src.charCodeAt(q) === 93 && q - p - 1 === level) {
          value += src.slice(chunk, p);
          p = q + 1;
          break;
        }
        p = q;
      } else if (c === 13) {
        value += src.slice(chunk, p) + "\n";
        p = this.newline(p);
        chunk = p;
      } else if (c === 10) {
        if (src.charCodeAt(p + 1) === 13) {
          value += src.slice(chunk, p + 1);
          p = this.newline(p);
          chunk = p;
        } else p = this.newline(p);
      } else p++;
    }
    this.t = Tok.STRING;
    this.sv = value;
    this.sep = level;
    this.start = start;
    this.end = p;
    this.pos = p;
    this.sLine = sLine;
    this.sCol = sCol;
    this.eLine = this.line;
    this.eCol = p - this.lineStart;
  }

  private shortString(p: number, del: number): void {
    const src = this.src;
    const n = this.n;
    const start = p;
    const sLine = this.line;
    const sCol = p - this.lineStart;
    const q = String.fromCharCode(del);
    p++;
    let value = "";
    let chunk = p;
    for (;;) {
      if (p >= n) {
        this.pos = n;
        this.lexError("unfinished string", "<eof>");
      }
      const c = src.charCodeAt(p);
      if (c === del) break;
      if (c === 92) {
        value += src.slice(chunk, p);
        const esc = p;
        p++;
        const e = p < n ? src.charCodeAt(p) : -1;
        switch (e) {
          case 97: value += "\x07"; p++; break;
          case 98: value += "\b"; p++; break;
          case 102: value += "\f"; p++; break;
          case 110: value += "\n"; p++; break;
          case 114: value += "\r"; p++; break;
          case 116: value += "\t"; p++; break;
          case 118: value += "\v"; p++; break;
          case 92: value += "\\"; p++; break;
          case 34: value += '"'; p++; break;
          case 39: value += "'"; p++; break;
          case 10:
          case 13:
            value += "\n";
            p = this.newline(p);
            break;
          case -1:
            break; // "unfinished string" on the next round
          case 120: {
            // \xXX
            let r = 0;
            for (let k = 0; k < 2; k++) {
              p++;
              const h = src.charCodeAt(p);
              if (!(p < n && CTYPE[h] & C_XDIGIT)) this.escError("hexadecimal digit expected", q, value, esc, p);
              r = r * 16 + hexValue(h);
            }
            p++;
            value += String.fromCharCode(r);
            break;
          }
          case 117: {
            // \u{XXX}
            p++;
            if (src.charCodeAt(p) !== 123 || p >= n) this.escError("missing '{'", q, value, esc, p);
            p++;
            let h = src.charCodeAt(p);
            if (!(p < n && CTYPE[h] & C_XDIGIT)) this.escError("hexadecimal digit expected", q, value, esc, p);
            let r = hexValue(h);
            for (;;) {
              p++;
              h = src.charCodeAt(p);
              if (!(p < n && CTYPE[h] & C_XDIGIT)) break;
              if (r > 0x7ffffff) this.escError("UTF-8 value too large", q, value, esc, p);
              r = r * 16 + hexValue(h);
            }
            if (h !== 125 || p >= n) this.escError("missing '}'", q, value, esc, p);
            p++;
            value += utf8Bytes(r);
            break;
          }
          case 122: {
            // \z: skip the following white space, line breaks included
            p++;
            while (p < n) {
              const w = src.charCodeAt(p);
              if (w === 10 || w === 13) p = this.newline(p);
              else if (CTYPE[w] & C_SPACE) p++;
              else break;
            }
            break;
          }
          default: {
            if (!(CTYPE[e] & C_DIGIT)) this.escError("invalid escape sequence", q, value, esc, p);
            let r = 0;
            for (let k = 0; k < 3 && p < n && CTYPE[src.charCodeAt(p)] & C_DIGIT; k++) {
              r = r * 10 + src.charCodeAt(p) - 48;
              p++;
            }
            if (r > 255) this.escError("decimal escape too large", q, value, esc, p);
            value += String.fromCharCode(r);
          }
        }
        chunk = p;
      } else if (c === 10 || c === 13) {
        this.pos = p;
        this.lexError("unfinished string", `'${q}${value}${src.slice(chunk, p)}'`);
      } else p++;
    }
    value += src.slice(chunk, p);
    p++;
    this.t = Tok.STRING;
    this.sv = value;
    this.sep = -1;
    this.start = start;
    this.end = p;
    this.pos = p;
    this.sLine = sLine;
    this.sCol = sCol;
    this.eLine = this.line;
    this.eCol = p - this.lineStart;
  }

  /** An error in an escape sequence: Lua shows the string read so far, the raw escape
   *  and the character where it failed (unless at the end of the input). */
  private escError(msg: string, q: string, value: string, esc: number, p: number): never {
    const tail = this.src.slice(esc, p < this.n ? p + 1 : p);
    this.lexError(msg, `'${q}${value}${tail}'`);
  }

  /** A numeral starting at `start` (its first digit at `first`), read as Lua's
   *  read_numeral does: digits, '.', exponents with signs, and one more letter if one
   *  touches it; then checked against Lua's numeral syntax. */
  private numeral(start: number, first: number): void {
    const src = this.src;
    const n = this.n;
    let p = first + 1;
    let e1 = 69, e2 = 101; // 'E' 'e'
    if (src.charCodeAt(first) === 48) {
      const x = src.charCodeAt(p);
      if (x === 120 || x === 88) {
        p++;
        e1 = 80; // 'P'
        e2 = 112; // 'p'
      }
    }
    let simple = e2 === 101 && start === first; // only decimal digits so far
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === e1 || c === e2) {
        p++;
        const s = src.charCodeAt(p);
        if (s === 43 || s === 45) p++;
        simple = false;
      } else if (p < n && (CTYPE[c] & C_XDIGIT || c === 46)) {
        if (!(CTYPE[c] & C_DIGIT)) simple = false;
        p++;
      } else break;
    }
    if (p < n && CTYPE[src.charCodeAt(p)] & C_ALPHA) {
      p++;
      simple = false;
    }
    this.pos = p;
    const raw = src.slice(start, p);
    if (!simple && !(e2 === 101 ? DEC_NUMERAL : HEX_NUMERAL).test(raw)) this.lexError("malformed number", `'${raw}'`);
    this.sv = raw;
    this.token(Tok.NUMBER, start, p);
  }

  /** luaparse's value of the current numeral token. */
  numberValue(): number {
    return numeralValue(this.src.slice(this.start, this.end));
  }
}
