// The `http` table (SPEC B§1.2, A4):
//   http.get/delete(url, opts?) and http.post/put/patch(url, body?, opts?) → {status, body,
//     headers}; opts: headers, timeout (seconds, default 30), query (table), body
//   http.client(opts?) → client with :get/:post/:put/:patch/:delete (http/client.ts)
//   http._client_request(ud, method, url, ...) — what the client methods call
//   http.download(url, path, opts?) → bytes written (temp file + rename; opts: headers,
//     timeout, max_size); a non-2xx status is an error
//   http.serve(port, routes) / http.listen(port, routes, opts?) (http/serve.ts)
// Requests run in the I/O worker on undici (exec/ops/http-client.ts): connections are kept
// alive per origin; the caller waits, other tasks go on.
import { LuaTable } from "../core/table.js";
import { libError } from "../lib/aux.js";
import { IoWait } from "../exec/scheduler.js";
import type { HttpResponse } from "../exec/ops/http-client.js";
import { waiting } from "./waiting.js";
import { buildRequest, ClientDefaults, defaultClient, failed, responseTable } from "./http/request.js";
import { HttpClient, makeClient } from "./http/client.js";
import { makeListen, makeServe } from "./http/serve.js";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function* perform(fname: string, method: string, client: ClientDefaults, args: unknown[]): Generator<IoWait, unknown, unknown> {
  const spec = buildRequest(fname, method, client, args);
  try {
    return responseTable((yield new IoWait("http.request", [spec])) as HttpResponse);
  } catch (e) {
    throw failed(fname, e);
  }
}

function clientOf(v: unknown): HttpClient | undefined {
  if (v instanceof HttpClient) return v;
  if (v instanceof LuaTable) {
    const ud = v.get("_ud");
    if (ud instanceof HttpClient) return ud;
  }
  return undefined;
}

const clientRequest = waiting("_client_request", function* (ud: unknown, method: unknown, ...rest: unknown[]) {
  const c = clientOf(ud);
  if (!c) throw libError("http._client_request", "http._client_request: first arg must be an http client");
  if (typeof method !== "string" || !METHODS.includes(method.toUpperCase())) throw libError("http._client_request", "http._client_request: second arg must be method name");
  const m = method.toUpperCase();
  return yield* perform(`http.${m.toLowerCase()}`, m, c.defaults, rest);
});

const download = waiting("download", function* (url: unknown, path: unknown, opts: unknown) {
  const fname = "http.download";
  if (typeof path !== "string") throw libError(fname, `${fname}: second argument must be a file path`);
  const spec = buildRequest(fname, "GET", defaultClient, [url, opts]);
  const max = opts instanceof LuaTable ? opts.get("max_size") : undefined;
  let r: { status: number; bytes: number };
  try {
    r = (yield new IoWait("http.download", [spec, path, typeof max === "number" ? max : 0])) as typeof r;
  } catch (e) {
    throw failed(fname, e);
  }
  if (r.status < 200 || r.status > 299) throw libError(fname, `${fname} failed: HTTP ${r.status} from ${spec.url}`);
  return r.bytes;
});

export function openHttp(G: LuaTable): void {
  const t = new LuaTable();
  const methods = new LuaTable();
  for (const m of METHODS) {
    const name = m.toLowerCase();
    const fname = `http.${name}`;
    t.setStr(name, waiting(name, (...args: unknown[]) => perform(fname, m, defaultClient, args)));
    // client:get(url, ...) — the client table (or its _ud) first
    methods.setStr(
      name,
      waiting(name, function* (self: unknown, ...args: unknown[]) {
        const c = clientOf(self);
        if (!c) throw libError(fname, `${fname}: must be called as a method of an http client (client:${name}(...))`);
        return yield* perform(fname, m, c.defaults, args);
      }),
    );
  }
  t.setStr("client", makeClient(methods));
  t.setStr("_client_request", clientRequest);
  t.setStr("download", download);
  t.setStr("serve", makeServe(G));
  t.setStr("listen", makeListen(G));
  G.setField("http", t);
}
