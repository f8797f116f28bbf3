// Descriptions of the data builtins for `assay types`: json, yaml, toml, base64, crypto,
// regex, template (see builtins.ts for how they are checked against the runtime).
import { GlobalDef, fields, fn } from "./model.js";

export const json: GlobalDef = {
  name: "json",
  doc: "JSON encoding and decoding (object keys sorted; integers and floats keep their subtype).",
  kind: "table",
  fields: fields("null: json.null — the null sentinel: encodes as `null`; `json.parse` returns it for null with `keep_null`"),
  classes: [
    { name: "json.null", doc: "The JSON null sentinel (a userdata; `tostring` gives \"null\").", fields: [] },
    { name: "json.ParseOptions", doc: "Options of `json.parse`.", fields: fields("keep_null?: boolean — decode null as `json.null` instead of nil") },
    { name: "json.EncodeOptions", doc: "Options of `json.encode`.", fields: fields("indent?: integer|string — pretty-print with this many spaces (0–64) or this string") },
  ],
  functions: [
    fn("parse(s: string, opts?: json.ParseOptions): any", "Decodes a JSON text (any value at the top level); null becomes nil. Raises `json.parse: <reason> at line L column C`.", {
      s: "the JSON text",
      opts: "`keep_null`",
      return: "the value: tables for arrays and objects, integers for whole numbers that fit 64 bits",
    }),
    fn("encode(v: any, opts?: json.EncodeOptions): string", "Encodes a value as JSON: compact, object keys sorted, `{}` for an empty table.", {
      v: "nil, boolean, number, string or table (functions, NaN and infinities raise)",
      opts: "`indent` for pretty output",
      return: "the JSON text",
    }),
    fn("array(t?: table): table", "Marks a table (or a new one) to encode as a JSON array, even when empty.", { t: "the table to mark", return: "t" }),
    fn("object(t?: table): table", "Marks a table (or a new one) to encode as a JSON object, even when empty.", { t: "the table to mark", return: "t" }),
  ],
};

export const yaml: GlobalDef = {
  name: "yaml",
  doc: "YAML 1.2 parsing (one document or a stream) and encoding (block style, keys sorted).",
  kind: "table",
  classes: [{ name: "yaml.ParseOptions", doc: "Options of `yaml.parse` and `yaml.parse_all`.", fields: fields('tags?: "wrap"|"strip" — a local tag (`!Ref x`) becomes `{["!Ref"] = "x"}` (wrap, default) or is dropped (strip)') }],
  functions: [
    fn("parse(s: string, opts?: yaml.ParseOptions): any", "Parses one YAML document (an empty text gives nil; several documents raise). Raises `yaml.parse: <reason>`.", {
      s: "the YAML text",
      opts: "`tags`",
      return: "the value (mappings and sequences as tables)",
    }),
    fn("parse_all(s: string, opts?: yaml.ParseOptions): any[]", "Parses every document of a `---` stream; empty documents are skipped.", {
      s: "the YAML text",
      opts: "`tags`",
      return: "the documents, in order",
    }),
    fn("encode(v: any): string", "Encodes a value as YAML: block style, keys sorted, a trailing newline.", { v: "the value", return: "the YAML text" }),
  ],
};

export const toml: GlobalDef = {
  name: "toml",
  doc: "TOML 1.0 parsing and encoding.",
  kind: "table",
  functions: [
    fn("parse(s: string): table", "Parses a TOML document; dates and times become RFC 3339 strings. Raises `toml.parse: <reason>`.", {
      s: "the TOML text",
      return: "the document as a table",
    }),
    fn("encode(t: table): string", "Encodes a table as TOML: keys sorted, plain values first, then `[tables]`. Raises `toml.encode: <reason>` for values TOML cannot hold.", {
      t: "the table",
      return: "the TOML text",
    }),
  ],
};

export const base64: GlobalDef = {
  name: "base64",
  doc: "Standard base64 (RFC 4648 §4, `=` padding), binary-safe.",
  kind: "table",
  functions: [
    fn("encode(s: string): string", "Encodes bytes as base64.", { s: "the bytes", return: "the base64 text" }),
    fn("decode(s: string): string", "Decodes strict base64 (standard alphabet, padding required, no whitespace). Raises `base64.decode: <reason>`.", {
      s: "the base64 text",
      return: "the bytes",
    }),
  ],
};

const HASH_ALG = '"sha256"|"sha224"|"sha384"|"sha512"|"sha3-224"|"sha3-256"|"sha3-384"|"sha3-512"|"md5"|"sha1"';
const JWT_ALG = '"RS256"|"RS384"|"RS512"|"PS256"|"PS384"|"PS512"|"ES256"|"ES384"|"ES512"|"HS256"|"HS384"|"HS512"|"EdDSA"';

export const crypto: GlobalDef = {
  name: "crypto",
  doc: "Hashes, HMAC, random strings and JSON Web Tokens.",
  kind: "table",
  classes: [
    { name: "crypto.Jwt", doc: "A decoded token.", fields: fields("header: table — the JOSE header (`alg`, `typ`, `kid`, ...)", "claims: table — the claims") },
    {
      name: "crypto.SignOptions",
      doc: "Options of `crypto.jwt_sign`.",
      fields: fields("kid?: string — the key id header", "typ?: string — the typ header (default \"JWT\")", "cty?: string — the cty header", "header?: table — more header fields (not alg)"),
    },
    {
      name: "crypto.VerifyOptions",
      doc: "Options of `crypto.jwt_verify`.",
      fields: fields(
        "algorithms?: string[] — the algorithms accepted (default: those that fit the key)",
        "algorithm?: string — one accepted algorithm",
        "issuer?: string|string[] — the iss required",
        "audience?: string|string[] — the aud required (a token with aud is refused without it unless validate_aud = false)",
        "leeway?: number — seconds of clock skew allowed (default 0)",
        "required_claims?: string[] — claims that must be present (default {\"exp\"})",
        "validate_exp?: boolean — check exp (default true)",
        "validate_nbf?: boolean — check nbf (default true)",
        "validate_aud?: boolean — refuse a token with aud when no audience is given (default true)",
        "now?: number — the current time in epoch seconds (default the clock)",
      ),
    },
  ],
  functions: [
    fn(`hash(input: string, alg?: ${HASH_ALG}): string`, "Hashes bytes. Raises `crypto.hash: unsupported algorithm: <alg> (supported: ...)`.", {
      input: "the bytes",
      alg: "the algorithm, case-insensitive (default sha256)",
      return: "the digest in lowercase hex",
    }),
    fn(`hash_file(path: string, alg?: ${HASH_ALG}): string`, "Hashes a file's bytes, read in chunks.", {
      path: "the file",
      alg: "the algorithm (default sha256)",
      return: "the digest in lowercase hex",
    }),
    fn(`hmac(key: string, data: string, alg?: ${HASH_ALG}, raw?: boolean): string`, "HMAC of data with key (RFC 2104).", {
      key: "the secret key (bytes)",
      data: "the message (bytes)",
      alg: "the hash (default sha256)",
      raw: "true for the raw digest bytes instead of hex",
      return: "the MAC in lowercase hex, or raw bytes",
    }),
    fn("random(len?: integer): string", "A random string of letters and digits `[A-Za-z0-9]` (CSPRNG).", { len: "the length (default 32)", return: "the string" }),
    fn("random_bytes(len: integer): string", "Random bytes (CSPRNG).", { len: "how many bytes", return: "the bytes" }),
    fn(`jwt_sign(claims: table, key: string|table, alg?: ${JWT_ALG}, opts?: crypto.SignOptions): string`, "Signs a JWT (JWS compact form). Raises `crypto.jwt_sign: <reason>`.", {
      claims: "the claims (a table with string keys)",
      key: "a PEM private key, a secret string for HS*, or a JWK table",
      alg: "the algorithm (default RS256)",
      opts: "`kid`, `typ`, `cty`, `header`",
      return: "the token",
    }),
    fn("jwt_decode(token: string): crypto.Jwt", "Decodes a JWT without verifying it.", { token: "the token", return: "`{header, claims}`" }),
    fn("jwt_verify(token: string, key: string|table, opts?: crypto.VerifyOptions): crypto.Jwt", "Verifies a JWT's signature and claims. Raises `crypto.jwt_verify: <Kind>: <reason>` (ExpiredSignature, InvalidSignature, ...).", {
      token: "the token",
      key: "a PEM public key or certificate, a secret string for HS*, a JWK or a JWKS table (`{keys = {...}}`, picked by kid)",
      opts: "what to check",
      return: "`{header, claims}`",
    }),
  ],
};

export const regex: GlobalDef = {
  name: "regex",
  doc: "Regular expressions (RE2 syntax: no look-around or backreferences; linear time). Arguments are (text, pattern).",
  kind: "table",
  classes: [
    {
      name: "regex.Match",
      doc: "A match of `regex.find`.",
      fields: fields("match: string — the whole match", "groups: table<integer|string, string> — capture groups by number (and name); groups that did not take part are absent"),
    },
  ],
  functions: [
    fn("match(text: string, pattern: string): boolean", "Whether the pattern matches anywhere in text. Raises `regex.match: invalid pattern: ...`.", {
      text: "the text",
      pattern: "the regular expression",
      return: "true when it matches",
    }),
    fn("find(text: string, pattern: string): regex.Match?", "The first match with its groups.", { text: "the text", pattern: "the regular expression", return: "`{match, groups}`, or nil" }),
    fn("find_all(text: string, pattern: string): string[]", "Every non-overlapping match.", { text: "the text", pattern: "the regular expression", return: "the matched strings (`{}` when none)" }),
    fn("replace(text: string, pattern: string, replacement: string): string", "Replaces every match; `$1`, `${name}`, `$$` in the replacement.", {
      text: "the text",
      pattern: "the regular expression",
      replacement: "the replacement (`${1}a` for group 1 followed by a)",
      return: "the new text",
    }),
  ],
};

export const template: GlobalDef = {
  name: "template",
  doc: "Jinja2 templates (minijinja's defaults: no auto-escaping, lenient undefined).",
  kind: "table",
  functions: [
    fn("render_string(tmpl: string, vars?: table): string", "Renders a template text. Raises `template.render_string: <reason> (in <string>:<line>)`.", {
      tmpl: "the template",
      vars: "the variables",
      return: "the rendered text (its single trailing newline dropped)",
    }),
    fn("render(path: string, vars?: table): string", "Reads a template file and renders it.", { path: "the template file", vars: "the variables", return: "the rendered text" }),
  ],
};
