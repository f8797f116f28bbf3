// The prometheus check (SPEC B§3.3): an instant query, GET <url>/api/v1/query?query=...,
// and the first sample's value against `expect.min` / `expect.max`. Without `expect` it
// passes and says what the query returned.
import { rustFloat } from "../../runtime-lib/builtins/assert.js";
import type { PrometheusCheck } from "./config.js";
import { isOutcome, request } from "./http.js";
import { type Outcome, fail, pass, textOf } from "./outcome.js";

/** Percent-encodes everything but RFC 3986's unreserved characters. */
function encodeQuery(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
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
  if (c.expect === null) return pass(`query returned: ${rustFloat(v)}`);
  if (c.expect.min !== undefined && v < c.expect.min) return fail(`expected min ${rustFloat(c.expect.min)}, got ${rustFloat(v)}`);
  if (c.expect.max !== undefined && v > c.expect.max) return fail(`expected max ${rustFloat(c.expect.max)}, got ${rustFloat(v)}`);
  return pass();
}
