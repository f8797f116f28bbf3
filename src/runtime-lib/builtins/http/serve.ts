// http.serve(port, routes) and http.listen(port, routes, opts?) (SPEC B§1.2 "server", A4).
// The I/O worker accepts connections and parses requests (exec/ops/http-server.ts); each
// request reaches the scheduler as an event and its handler runs as a task, so handlers may
// wait (sleep, http.get — even on this same server) without holding up the others.
//   routes: { GET = { ["/path"] = fn, ["/users/:id"] = fn }, POST = {...}, ... } — method
//   names in any case; exact paths win over `:param` patterns, which fill req.params.
//   req:  { method, path, query (raw, no "?"), body, headers (lower-case), params }
//   resp: { status = 200, headers = {...}, json = table | body = string }; a user
//         content-type wins; no route → 404 "not found"; an error → 500 "handler error: ...".
// http.serve blocks for ever; SIGTERM (delivered in worker mode, see exec/signals.ts) stops
// accepting, lets the requests in flight finish (up to the grace period) and exits 0.
// http.listen returns { port, close } and serves whenever the script waits.
import { LuaTable } from "../../core/table.js";
import { isNumber, numberToString, toF } from "../../core/numbers.js";
import { typeName } from "../../core/values.js";
import { ExitRequest, toLuaError } from "../../core/errors.js";
import { Y, startCall, withGen } from "../../core/coro.js";
import { EMPTY, Multi } from "../../core/multi.js";
import { errorMessage, libError } from "../../lib/aux.js";
import { ioPost } from "../../exec/bridge.js";
import { IoFailure, IoWait, runUntil, spawn } from "../../exec/scheduler.js";
import { Interrupted, signalState } from "../../exec/signals.js";
import type { RequestEvent, ServerSpec } from "../../exec/ops/http-server.js";
import { encodeJson } from "../json.js";
import { logLine } from "../log.js";
import { waiting } from "../waiting.js";
import { hasHeader, headerPairs, setHeader } from "./request.js";
import { positiveNumber } from "../options.js";

type Gen = Generator<unknown, unknown, unknown>;

const LIMITS = {
  maxHeaderBytes: 16 * 1024,
  maxBodyBytes: 10 * 1024 * 1024,
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 120_000,
};
const SHUTDOWN_GRACE_MS = 4_000;

interface Pattern {
  parts: string[];
  handler: unknown;
}

interface Routes {
  /** method → path → handler */
  exact: Map<string, Map<string, unknown>>;
  patterns: Map<string, Pattern[]>;
}

function compileRoutes(fname: string, routes: LuaTable): Routes {
  const r: Routes = { exact: new Map(), patterns: new Map() };
  for (let e = routes.next(undefined); e !== undefined; e = routes.next(e[0])) {
    const [m, paths] = e;
    if (typeof m !== "string") throw libError(fname, `${fname}: route methods must be strings (GET, POST, ...)`);
    const method = m.toUpperCase();
    if (!(paths instanceof LuaTable)) throw libError(fname, `${fname}: routes for ${method} must be a table of path = function`);
    for (let p = paths.next(undefined); p !== undefined; p = paths.next(p[0])) {
      const [path, h] = p;
      if (typeof path !== "string") throw libError(fname, `${fname}: route paths must be strings (${method})`);
      if (typeof h !== "function" && !(h instanceof LuaTable)) throw libError(fname, `${fname}: handler for ${method} ${path} must be a function`);
      if (path.split("/").some((s) => s.startsWith(":"))) {
        const list = r.patterns.get(method) ?? [];
        list.push({ parts: path.split("/"), handler: h });
        r.patterns.set(method, list);
      } else {
        const paths = r.exact.get(method) ?? new Map<string, unknown>();
        paths.set(path, h);
        r.exact.set(method, paths);
      }
    }
  }
  return r;
}

/** The handler for `method path` (a pattern's parameters go into `params`), or undefined. */
function route(r: Routes, method: string, path: string, params: LuaTable): unknown {
  const h = r.exact.get(method)?.get(path);
  if (h !== undefined) return h;
  const patterns = r.patterns.get(method);
  if (patterns === undefined) return undefined;
  const segs = path.split("/");
  for (const p of patterns) {
    if (p.parts.length !== segs.length) continue;
    let ok = true;
    for (let i = 0; i < segs.length && ok; i++) {
      const want = p.parts[i];
      if (want.startsWith(":")) ok = segs[i] !== "";
      else ok = want === segs[i];
    }
    if (!ok) continue;
    for (let i = 0; i < segs.length; i++) if (p.parts[i].startsWith(":")) params.setStr(p.parts[i].slice(1), decodeSegment(segs[i]));
    return p.handler;
  }
  return undefined;
}

function decodeSegment(s: string): string {
  try {
    return Buffer.from(decodeURIComponent(s), "utf8").toString("latin1");
  } catch {
    return s;
  }
}

function requestTable(ev: RequestEvent, params: LuaTable): LuaTable {
  const [, method, path, query, body, raw] = ev;
  const t = new LuaTable();
  t.setStr("method", method);
  t.setStr("path", path);
  t.setStr("query", query);
  t.setStr("body", body);
  // lower-case names; a repeated header's last value
  const h = new LuaTable();
  for (let i = 0; i < raw.length; i += 2) h.setStr(raw[i].toLowerCase(), raw[i + 1]);
  t.setStr("headers", h);
  t.setStr("params", params);
  return t;
}

interface Reply {
  status: number;
  headers: [string, string][];
  body: string;
}

function textReply(status: number, text: string): Reply {
  return { status, headers: [["content-type", "text/plain"]], body: text };
}

/** The handler's result as an HTTP answer (SPEC's rules; a user content-type wins). */
function replyOf(fname: string, v: unknown): Reply {
  if (!(v instanceof LuaTable)) throw new Error(`handler must return a table (got ${typeName(v)})`);
  const s = v.get("status");
  let status = 200;
  const n = isNumber(s) ? toF(s) : NaN;
  // (1xx are not final answers: they count as invalid)
  if (Number.isInteger(n) && n >= 200 && n <= 999) status = n;
  const headers: [string, string][] = [];
  const h = v.get("headers");
  if (h instanceof LuaTable) for (const [k, val] of headerPairs(h, fname)) setHeader(headers, k, val);
  let body = "";
  let type = "text/plain";
  const json = v.get("json");
  const b = v.get("body");
  if (json instanceof LuaTable) {
    body = encodeJson(json, "");
    type = "application/json";
  } else if (typeof b === "string") body = b;
  else if (isNumber(b)) body = numberToString(b);
  if (!hasHeader(headers, "content-type")) headers.push(["content-type", type]);
  return { status, headers, body };
}

function respond(rid: number, r: Reply): void {
  ioPost("httpd.respond", [rid, r.status, r.headers.flat(), r.body]);
}

/** A server started by serve/listen: its routes, the worker's id for it, requests in flight. */
class Server {
  inFlight = 0;
  closed = false;
  stream: IoWait | null = null;
  /** the task body of every request, called with (ev, handler, req) */
  private readonly handle: Function;
  constructor(
    readonly fname: string,
    readonly routes: Routes,
    readonly sid: number,
    readonly port: number,
  ) {
    const server = this;
    this.handle = withGen(
      function handle(): unknown {
        throw new Error("a request handler runs only as a task");
      },
      function* handle(ev: RequestEvent, handler: unknown, req: LuaTable): Gen {
        let reply: Reply;
        try {
          let v = startCall(handler, [req]);
          if (Y.y) v = yield* v as Gen;
          reply = replyOf(server.fname, v instanceof Multi ? v.v[0] : v);
        } catch (e) {
          if (e instanceof ExitRequest) {
            server.inFlight--;
            throw e;
          }
          const msg = e instanceof Error ? e.message : errorMessage(toLuaError(e).value);
          logLine("error", `${server.fname}: handler error: ${msg}`, { method: ev[1], path: ev[2] });
          reply = textReply(500, `handler error: ${msg}`);
        }
        respond(ev[0], reply);
        server.inFlight--;
        return EMPTY;
      },
    );
  }

  /** One request: 404 here, or its handler as a task. */
  dispatch(ev: RequestEvent): void {
    const params = new LuaTable();
    const handler = route(this.routes, ev[1], ev[2], params);
    if (handler === undefined) return respond(ev[0], textReply(404, "not found"));
    this.inFlight++;
    spawn(this.handle, [ev, handler, requestTable(ev, params)]);
  }

  /** Starts taking requests (they queue in the worker until then). */
  start(): void {
    this.stream = new IoWait("httpd.requests", [this.sid], (ev) => this.dispatch(ev as RequestEvent));
    this.stream.start();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    ioPost("httpd.close", [this.sid]);
  }
}

function checkArgs(fname: string, port: unknown, routes: unknown): { port: number; routes: Routes } {
  if (typeof port !== "number" || !Number.isInteger(port)) throw libError(fname, `${fname}: first argument must be a port number`);
  if (!(routes instanceof LuaTable)) throw libError(fname, `${fname}: second argument must be a routes table`);
  return { port: port & 0xffff, routes: compileRoutes(fname, routes) };
}

function serverSpec(fname: string, port: number, opts: LuaTable | undefined): ServerSpec {
  // an option given must be a positive number: a typo is an error, not the default
  const num = (k: string, def: number, scale = 1): number => {
    const v = opts?.get(k);
    return v === undefined ? def : positiveNumber(v, fname, `option '${k}'`) * scale;
  };
  const host = opts?.get("host");
  return {
    port,
    host: typeof host === "string" ? host : "0.0.0.0",
    maxHeaderBytes: num("max_header_bytes", LIMITS.maxHeaderBytes),
    maxBodyBytes: num("max_body_bytes", LIMITS.maxBodyBytes),
    headersTimeoutMs: num("headers_timeout", LIMITS.headersTimeoutMs, 1000),
    requestTimeoutMs: num("request_timeout", LIMITS.requestTimeoutMs, 1000),
  };
}

function* bind(fname: string, G: LuaTable, port: unknown, routes: unknown, opts: unknown): Generator<IoWait, Server, unknown> {
  const a = checkArgs(fname, port, routes);
  if (opts !== undefined && !(opts instanceof LuaTable)) throw libError(fname, `${fname}: third argument must be a table or nil`);
  let bound: { sid: number; port: number };
  try {
    bound = (yield new IoWait("httpd.bind", [serverSpec(fname, a.port, opts as LuaTable | undefined)])) as { sid: number; port: number };
  } catch (e) {
    throw e instanceof IoFailure ? libError(fname, `${fname}: bind failed: ${e.message}`) : e;
  }
  G.setField("_SERVER_PORT", bound.port);
  const s = new Server(fname, a.routes, bound.sid, bound.port);
  s.start();
  return s;
}

/** Stops accepting, waits for the handlers in flight and for their answers to be written
 *  (all within the grace period). */
function drain(s: Server): void {
  s.close();
  const deadline = Date.now() + SHUTDOWN_GRACE_MS;
  runUntil(() => s.inFlight === 0 || Date.now() >= deadline);
  new IoWait("httpd.close", [s.sid, Math.max(0, deadline - Date.now())]).serve();
}

export function makeServe(G: LuaTable): Function {
  return waiting("serve", function* (port: unknown, routes: unknown, opts: unknown) {
    const s = yield* bind("http.serve", G, port, routes, opts);
    try {
      yield s.stream!;
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      // the signal is handled: a second one ends the process (the launcher's rule)
      if (signalState.cell !== null) signalState.cell[0] = 0;
      logLine("info", `http.serve: ${e.value}: stopping (${s.inFlight} request(s) in flight)`);
      drain(s);
      throw new ExitRequest(0);
    }
    return EMPTY;
  });
}

export function makeListen(G: LuaTable): Function {
  return waiting("listen", function* (port: unknown, routes: unknown, opts: unknown) {
    const s = yield* bind("http.listen", G, port, routes, opts);
    const h = new LuaTable();
    h.setStr("port", s.port);
    h.setStr("close", function close(): unknown {
      s.close();
      return EMPTY;
    });
    return h;
  });
}
