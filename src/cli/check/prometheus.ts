// The prometheus check (SPEC B§3.3): an instant query, GET <url>/api/v1/query?query=...,
// and the first sample's value against `expect.min` / `expect.max`. Without `expect` it
// passes and says what the query returned.
import type { PrometheusCheck } from "./config.js";
import { isOutcome, request } from "./http.js";
import { type Outcome, fail, pass, textOf } from "./outcome.js";

/** Percent-encodes everything but RFC 3986's unreserved characters. */
function encodeQuery(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** A float as Rust's Display prints it: shortest digits, never an exponent ("1", "0.92"). */
export function floatText(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  if (Object.is(n, -0)) return "-0";
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? "");
  const point = 1 + Number(m[4]);
  if (point <= 0) return `${m[1]}0.${"0".repeat(-point)}${digits}`;
  return m[1] + digits.padEnd(point, "0");
}

/** A sample value as Prometheus writes it ("0.92", "NaN", "+Inf"), parsed as Rust's f64. */
function parseValue(s: string): number | undefined {
  const t = s.trim().toLowerCase().replace(/^\+/, "");
  if (t === "nan") return NaN;
  if (t === "inf" || t === "infinity") return Infinity;
  if (t === "-inf" || t === "-infinity") return -Infinity;
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t) ? Number(t) : undefined;
}

interface QueryResponse {
  status?: unknown;
  error?: unknown;
  data?: { result?: unknown };
}

/** The first sample's value from the API's answer, or the failure. */
function firstValue(body: string): number | Outcome {
  let doc: QueryResponse;
  try {
    doc = JSON.parse(textOf(body)) as QueryResponse;
  } catch {
    return fail("Prometheus response is not valid JSON");
  }
  if (doc === null || typeof doc !== "object") return fail("Prometheus response is not valid JSON");
  if (doc.status !== "success") return fail(`Prometheus query failed: ${typeof doc.error === "string" ? doc.error : "unknown error"}`);
  const result = doc.data?.result;
  if (!Array.isArray(result)) return fail("unexpected Prometheus response format: missing data.result");
  if (result.length === 0) return fail("Prometheus query returned no results");
  const raw = (result[0] as { value?: unknown[] } | null)?.value?.[1];
  if (typeof raw !== "string") return fail("unexpected Prometheus result format: missing value");
  const v = parseValue(raw);
  return v === undefined ? fail(`failed to parse Prometheus value: "${raw}"`) : v;
}

export async function runPrometheusCheck(c: PrometheusCheck, signal: AbortSignal): Promise<Outcome> {
  const url = `${c.url.replace(/\/+$/, "")}/api/v1/query?query=${encodeQuery(c.query)}`;
  const res = await request("GET", url, [], null, c.timeout !== null, signal);
  if (isOutcome(res)) return res;
  const v = firstValue(res.body);
  if (typeof v !== "number") return v;
  if (c.expect === null) return pass(`query returned: ${floatText(v)}`);
  if (c.expect.min !== undefined && v < c.expect.min) return fail(`expected min ${floatText(c.expect.min)}, got ${floatText(v)}`);
  if (c.expect.max !== undefined && v > c.expect.max) return fail(`expected max ${floatText(c.expect.max)}, got ${floatText(v)}`);
  return pass();
}
