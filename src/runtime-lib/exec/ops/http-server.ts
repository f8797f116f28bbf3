// HTTP server operations for the I/O worker (node:http). The worker parses requests and
// enforces the limits; the Lua thread runs the handlers and answers. They are a family of
// their own ("httpd"), apart from the client's, so that a script that only serves never
// loads undici: with undici loaded, the worker's V8 was seen to promote nearly every
// request's objects to the old generation (~2 KB a request, against next to nothing
// without), and a request then cost about a third more CPU time.
//   httpd.bind [ServerSpec] → {sid, port}      listening; requests queue until a stream starts
//   httpd.requests [sid]                       emits one RequestEvent per request; ends (done)
//                                              when the server is closed
//   httpd.respond [rid, status, headers, body] answers request rid (headers: a flat list,
//                                              name, value, name, value...); the Lua side
//                                              answers every request, and a client gone by
//                                              then is forgotten at its answer
//   httpd.close [sid, graceMs?]                stops accepting; requests in flight may still
//                                              be answered; idle keep-alive sockets close.
//                                              With graceMs: resolves once every connection
//                                              has ended (answers written), or after graceMs
//                                              when the rest are cut
// Limits: a request whose headers exceed maxHeaderBytes gets 431 (Node's parser), a body
// beyond maxBodyBytes 413, a malformed request 400, a client slower than headersTimeoutMs
// (headers) or requestTimeoutMs (whole request) 408 — all without reaching Lua.
import http from "node:http";
import type { OpContext, OpHandler } from "../io-worker.js";
import { describeNetError } from "./net-errors.js";

export interface ServerSpec {
  port: number;
  host: string;
  maxHeaderBytes: number;
  maxBodyBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/** A request as it crosses to the Lua thread: an array, which is cheaper to clone than an
 *  object. Headers as received: name, value, name, value... (names in their own case). */
export type RequestEvent = [rid: number, method: string, path: string, query: string, body: string, headers: string[]];

interface Server {
  srv: http.Server;
  /** requests read before a stream was attached */
  queue: RequestEvent[];
  emit: ((r: RequestEvent) => void) | null;
  end: (() => void) | null;
  closed: boolean;
  /** settles when the closed server's last connection has ended */
  gone: Promise<void> | null;
}

const servers = new Map<number, Server>();
/** requests waiting for their answer */
const waiting = new Map<number, http.ServerResponse>();
let nextServer = 1;
let nextRequest = 1;

function plain(res: http.ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Hands request `req` to the Lua side, which answers it with httpd.respond. */
function deliver(s: Server, req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rid = nextRequest++;
  waiting.set(rid, res);
  const ev: RequestEvent = [rid, req.method ?? "GET", q < 0 ? url : url.slice(0, q), q < 0 ? "" : url.slice(q + 1), body, req.rawHeaders];
  if (s.emit) s.emit(ev);
  else s.queue.push(ev);
}

function accept(s: Server, spec: ServerSpec, req: http.IncomingMessage, res: http.ServerResponse): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > spec.maxBodyBytes) {
    res.setHeader("connection", "close");
    plain(res, 413, "request body too large");
    req.resume();
    return;
  }
  // no body (neither a length nor chunks): the request is complete already; Node reads
  // the rest of its stream when the answer is written
  if (declared === 0 && req.headers["transfer-encoding"] === undefined) return deliver(s, req, res, "");
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on("data", (c: Buffer) => {
    if (refused) return;
    size += c.length;
    if (size > spec.maxBodyBytes) {
      refused = true;
      res.setHeader("connection", "close");
      plain(res, 413, "request body too large");
      return;
    }
    chunks.push(c);
  });
  req.on("end", () => {
    if (!refused) deliver(s, req, res, Buffer.concat(chunks).toString("latin1"));
  });
}

export const ops: Record<string, OpHandler> = {
  async "httpd.bind"(args: unknown[]): Promise<{ sid: number; port: number }> {
    const spec = args[0] as ServerSpec;
    const s: Server = { srv: null as unknown as http.Server, queue: [], emit: null, end: null, closed: false, gone: null };
    s.srv = http.createServer(
      {
        maxHeaderSize: spec.maxHeaderBytes,
        headersTimeout: spec.headersTimeoutMs,
        requestTimeout: spec.requestTimeoutMs,
        // how often the timeouts above are checked (Node's default, 30 s, is coarser than them)
        connectionsCheckingInterval: Math.max(100, Math.min(spec.headersTimeoutMs, spec.requestTimeoutMs) / 4),
        keepAlive: true,
      },
      (req, res) => accept(s, spec, req, res),
    );
    // a client that half-closes after its request (HTTP/1.0 tools, `nc -N`) still gets the
    // answer, which the Lua side gives later (Node's own property; no constructor option)
    (s.srv as unknown as { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
    // (Node answers 400, 408 and 431 itself when nothing listens for clientError)
    await new Promise<void>((resolve, reject) => {
      s.srv.once("error", (e) => reject(new Error(describeNetError(e))));
      s.srv.listen(spec.port, spec.host, () => resolve());
    });
    s.srv.on("error", () => {});
    const sid = nextServer++;
    servers.set(sid, s);
    const addr = s.srv.address();
    return { sid, port: typeof addr === "object" && addr ? addr.port : spec.port };
  },

  "httpd.requests"(args: unknown[], ctx: OpContext): Promise<void> {
    const s = servers.get(args[0] as number);
    if (!s) return Promise.reject(new Error("no such server"));
    return new Promise<void>((resolve) => {
      s.emit = (ev) => ctx.emit(ev);
      s.end = resolve;
      for (const ev of s.queue.splice(0)) ctx.emit(ev);
      if (s.closed) resolve();
      ctx.signal.addEventListener("abort", () => {
        s.emit = null;
        resolve();
      });
    });
  },

  "httpd.respond"(args: unknown[]): boolean {
    const [rid, status, headers, body] = args as [number, number, string[], string];
    const res = waiting.get(rid);
    if (!res) return false;
    waiting.delete(rid);
    if (res.destroyed) return false; // the client went away
    try {
      if (status === 204 || status === 304 || status < 200) {
        // no body allowed (HTTP semantics): whatever the handler gave is dropped
        res.writeHead(status, headers);
        res.end();
        return true;
      }
      // (a byte string: one char per byte, so its length is the byte count)
      headers.push("content-length", String(body.length));
      res.writeHead(status, headers);
      res.end(body, "latin1");
    } catch (e) {
      // a header the Lua handler gave that HTTP cannot carry
      plain(res, 500, `handler error: ${(e as Error).message}`);
    }
    return true;
  },

  async "httpd.close"(args: unknown[]): Promise<void> {
    const [sid, graceMs] = args as [number, number | undefined];
    const s = servers.get(sid);
    if (!s) return;
    if (!s.closed) {
      s.closed = true;
      s.gone = new Promise<void>((resolve) => s.srv.close(() => resolve()));
      s.srv.closeIdleConnections();
      s.end?.();
    }
    if (graceMs === undefined) return;
    // wait for the connections to end (answers written), at most graceMs
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([s.gone, late]);
    clearTimeout(timer);
    s.srv.closeAllConnections();
    servers.delete(sid);
  },
};
