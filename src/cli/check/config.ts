// A check file (SPEC B§3.3, issue #11) read into typed checks before anything runs. Every
// mistake — invalid YAML, an unknown field or check type, a wrong type, a bad duration, a
// missing required field — is a ConfigError naming the line, the column and the field.
// The node helpers (positions, scalars, field tables) are in yaml-nodes.ts.
import { parseDuration, type Duration } from "./duration.js";
import { ConfigError, NodeReader, type YMap, type YNode } from "./yaml-nodes.js";

export { ConfigError };

export type CheckType = "http" | "prometheus" | "script";

interface CheckBase {
  name: string;
  /** where the check's entry starts (1-based) */
  line: number;
  /** bounds each attempt (the check's own `timeout`) */
  timeout: Duration | null;
  retries: number;
  backoff: Duration;
}

export interface HttpCheck extends CheckBase {
  type: "http";
  method: string;
  url: string;
  headers: [string, string][];
  /** UTF-8 text, or null for none */
  body: string | null;
  expect: { status?: number; body?: string; json?: string } | null;
}

export interface PrometheusCheck extends CheckBase {
  type: "prometheus";
  url: string;
  query: string;
  expect: { min?: number; max?: number } | null;
}

export interface ScriptCheck extends CheckBase {
  type: "script";
  /** relative to the process's working directory (as the original), not to the YAML file */
  file: string;
  env: [string, string][];
}

export type Check = HttpCheck | PrometheusCheck | ScriptCheck;

export interface CheckConfig {
  /** the check file, as given */
  path: string;
  timeout: Duration;
  retries: number;
  backoff: Duration;
  parallel: boolean;
  checks: Check[];
}

const DEFAULTS = { timeout: "120s", retries: 3, backoff: "5s" };

const TOP_FIELDS = ["timeout", "retries", "backoff", "parallel", "checks"];
const COMMON_FIELDS = ["name", "type", "timeout", "retries", "backoff"];
const TYPE_FIELDS: Record<CheckType, string[]> = {
  http: ["url", "method", "headers", "body", "expect"],
  prometheus: ["url", "query", "expect"],
  script: ["file", "env"],
};
const EXPECT_FIELDS: Record<CheckType, string[]> = { http: ["status", "body", "json"], prometheus: ["min", "max"], script: [] };
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Reads a check file's text; `path` is how messages name it. Throws ConfigError. */
export function parseConfig(text: string, path: string): CheckConfig {
  const r = NodeReader.parse(text, path);
  const top = r.rootMap();
  r.checkFields(top, "", TOP_FIELDS);
  const timeout = optDuration(r, top, "timeout", "") ?? parseDuration(DEFAULTS.timeout);
  const retries = r.optUint(top, "retries", "") ?? DEFAULTS.retries;
  const backoff = optDuration(r, top, "backoff", "") ?? parseDuration(DEFAULTS.backoff);
  const parallel = r.optBool(top, "parallel", "") ?? false;
  const checksNode = r.required(top, "checks", "", top);
  const seq = r.seq(checksNode, "checks");
  const checks = r.items(seq).map((item, i) => readCheck(r, item, `checks[${i}]`, { retries, backoff }));
  return { path, timeout, retries, backoff, parallel, checks };
}

function optDuration(r: NodeReader, m: YMap, key: string, at: string): Duration | undefined {
  const n = r.get(m, key);
  if (n === undefined) return undefined;
  const text = r.scalarText(n, r.field(at, key));
  try {
    return parseDuration(text);
  } catch (e) {
    throw r.error(n, r.field(at, key), (e as Error).message);
  }
}

function readCheck(r: NodeReader, node: YNode, at: string, defaults: { retries: number; backoff: Duration }): Check {
  const m = r.map(node, at);
  const typeNode = r.required(m, "type", at, m);
  const type = r.string(typeNode, `${at}.type`);
  if (!(type in TYPE_FIELDS)) throw r.error(typeNode, `${at}.type`, `unknown check type: "${type}" (expected http, prometheus or script)`);
  const t = type as CheckType;
  r.checkFields(m, at, [...COMMON_FIELDS, ...TYPE_FIELDS[t]], `${t} checks`);
  const base: CheckBase = {
    name: r.string(r.required(m, "name", at, m), `${at}.name`),
    line: r.line(m),
    timeout: optDuration(r, m, "timeout", at) ?? null,
    retries: r.optUint(m, "retries", at) ?? defaults.retries,
    backoff: optDuration(r, m, "backoff", at) ?? defaults.backoff,
  };
  if (t === "http") return readHttp(r, m, at, base);
  if (t === "prometheus") return readPrometheus(r, m, at, base);
  return { ...base, type: "script", file: r.string(requiredFor(r, m, "file", at, "script"), `${at}.file`), env: r.optPairs(m, "env", at) ?? [] };
}

/** A field a check type needs: missing, it is SPEC's message for that check type. */
function requiredFor(r: NodeReader, m: YMap, key: string, at: string, type: string): YNode {
  const n = r.get(m, key);
  if (n === undefined || r.isNull(n)) throw r.error(m, at, `${type} check requires a '${key}' field`);
  return n;
}

function readExpect(r: NodeReader, m: YMap, at: string, type: CheckType): YMap | null {
  const n = r.get(m, "expect");
  if (n === undefined || r.isNull(n)) return null;
  const e = r.map(n, `${at}.expect`);
  r.checkFields(e, `${at}.expect`, EXPECT_FIELDS[type], `${type} checks`);
  return e;
}

function readHttp(r: NodeReader, m: YMap, at: string, base: CheckBase): HttpCheck {
  const url = r.string(requiredFor(r, m, "url", at, "http"), `${at}.url`);
  const methodNode = r.get(m, "method");
  const method = methodNode === undefined ? "GET" : r.string(methodNode, `${at}.method`).toUpperCase();
  if (methodNode !== undefined && !METHODS.includes(method))
    throw r.error(methodNode, `${at}.method`, `unsupported method "${method}" (expected one of ${METHODS.join(", ")})`);
  const headers = r.optPairs(m, "headers", at) ?? [];
  const bodyNode = r.get(m, "body");
  let body: string | null = null;
  if (bodyNode !== undefined && !r.isNull(bodyNode)) {
    // a mapping or list is sent as JSON
    body = r.isScalar(bodyNode) ? r.string(bodyNode, `${at}.body`) : JSON.stringify(r.toJS(bodyNode));
    if (!r.isScalar(bodyNode) && !headers.some(([k]) => k.toLowerCase() === "content-type")) headers.push(["Content-Type", "application/json"]);
  }
  const e = readExpect(r, m, at, "http");
  let expect: HttpCheck["expect"] = null;
  if (e) {
    expect = {};
    const status = r.optUint(e, "status", `${at}.expect`);
    if (status !== undefined) {
      if (status < 100 || status > 599) throw r.error(r.get(e, "status")!, `${at}.expect.status`, `expected an HTTP status (100 to 599), got ${status}`);
      expect.status = status;
    }
    const bodyText = r.optString(e, "body", `${at}.expect`);
    if (bodyText !== undefined) expect.body = bodyText;
    const json = r.optString(e, "json", `${at}.expect`);
    if (json !== undefined) expect.json = json;
  }
  return { ...base, type: "http", method, url, headers, body, expect };
}

function readPrometheus(r: NodeReader, m: YMap, at: string, base: CheckBase): PrometheusCheck {
  const url = r.string(requiredFor(r, m, "url", at, "prometheus"), `${at}.url`);
  const query = r.string(requiredFor(r, m, "query", at, "prometheus"), `${at}.query`);
  const e = readExpect(r, m, at, "prometheus");
  let expect: PrometheusCheck["expect"] = null;
  if (e) {
    expect = {};
    const min = r.optNumber(e, "min", `${at}.expect`);
    if (min !== undefined) expect.min = min;
    const max = r.optNumber(e, "max", `${at}.expect`);
    if (max !== undefined) expect.max = max;
  }
  return { ...base, type: "prometheus", url, query, expect };
}
