// The http check (SPEC B§3.3, issue #11): one request (method, url, headers, body; GET by
// default) through the runtime's HTTP client in the I/O worker, then the `expect` rules in
// SPEC's order — status, body substring, JSON expression — the first failure winning.
import type { HttpResponse, RequestSpec } from "../../runtime-lib/exec/ops/http-client.js";
import { debugQuote } from "../../runtime-lib/builtins/assert.js";
import { utf8Encode } from "../../runtime-lib/builtins/convert.js";
import type { HttpCheck } from "./config.js";
import { ioRequest } from "./io.js";
import { checkJsonExpr } from "./json-expr.js";
import { type Outcome, fail, pass, textOf } from "./outcome.js";

/** The request timeout when the check sets none (the original's shared client's). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** GET/POST/... `url` as the runtime's http client does; a transport failure is a failed
 *  attempt "HTTP <METHOD> <url>: <cause>". `timed` says whether the caller bounds the
 *  attempt itself (a check `timeout`), else the request gets REQUEST_TIMEOUT_MS. */
export async function request(
  method: string,
  url: string,
  headers: [string, string][],
  body: string | null,
  timed: boolean,
  signal: AbortSignal,
): Promise<HttpResponse | Outcome> {
  const spec: RequestSpec = {
    client: 0,
    method,
    url,
    headers,
    body: body === null ? null : Buffer.from(body, "utf8").toString("latin1"),
    timeoutMs: timed ? 0 : REQUEST_TIMEOUT_MS,
  };
  try {
    return (await ioRequest("http.request", [spec], signal)) as HttpResponse;
  } catch (e) {
    return fail(`HTTP ${method} ${url}: ${(e as Error).message}`);
  }
}

export function isOutcome(v: HttpResponse | Outcome): v is Outcome {
  return (v as Outcome).passed !== undefined;
}

/** Text quoted as Rust's {:?} prints it (SPEC's `body does not contain "<needle>"`). */
const quoted = (s: string): string => textOf(debugQuote(utf8Encode(s)));

/** SPEC's rules for a response. */
export function judgeHttp(expect: HttpCheck["expect"], res: HttpResponse): Outcome {
  if (expect === null) return res.status >= 200 && res.status <= 299 ? pass() : fail(`expected 2xx, got ${res.status}`);
  if (expect.status !== undefined && expect.status !== res.status) return fail(`expected status ${expect.status}, got ${res.status}`);
  if (expect.body !== undefined && !textOf(res.body).includes(expect.body)) return fail(`body does not contain ${quoted(expect.body)}`);
  if (expect.json !== undefined) {
    const m = checkJsonExpr(res.body, expect.json);
    if (m !== null) return fail(m);
  }
  return pass();
}

export async function runHttpCheck(c: HttpCheck, signal: AbortSignal): Promise<Outcome> {
  const res = await request(c.method, c.url, c.headers, c.body, c.timeout !== null, signal);
  return isOutcome(res) ? res : judgeHttp(c.expect, res);
}
