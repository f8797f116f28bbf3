// The `ws` table: a WebSocket client (SPEC B§1.17, plus what later versions added).
//   ws.connect(url, opts?) → conn      opts: headers, protocols (list), timeout (seconds),
//                                      ca_cert (PEM text or path), insecure
//   ws.send(conn, text)                one text frame; ws.send_binary(conn, bytes) a binary one
//   ws.recv(conn, timeout?) → data, kind   the next frame's bytes and "text" or "binary";
//                                      waits (other tasks go on); "connection closed" at end
//   ws.close(conn)                     sends Close and waits for the peer's
// conn also has these as methods (conn:send(...)). Frames run in the I/O worker
// (exec/ops/ws.ts); errors read "ws.<fn>: <cause>".
import { LuaTable } from "../core/table.js";
import { Userdata } from "../core/values.js";
import { EMPTY, Multi } from "../core/multi.js";
import { libError } from "../lib/aux.js";
import { IoFailure, IoWait } from "../exec/scheduler.js";
import type { WsConnectSpec } from "../exec/ops/ws.js";
import { waiting } from "./waiting.js";
import { pemOption, secondsMs } from "./options.js";
import { headerPairs } from "./http/request.js";

class WsConn extends Userdata {
  closed = false;
  constructor(
    readonly id: number,
    readonly url: string,
    mt: LuaTable,
  ) {
    super(mt);
  }
}

function conn(fname: string, v: unknown): WsConn {
  if (!(v instanceof WsConn)) throw libError(fname, `${fname}: first argument must be a ws connection`);
  return v;
}

/** "ws.<fn>: <cause>" for a failed operation; other errors pass through. */
function wsFailed(fname: string, e: unknown): unknown {
  return e instanceof IoFailure ? libError(fname, `${fname}: ${e.message}`) : e;
}

function connectSpec(fname: string, opts: unknown): WsConnectSpec {
  const spec: WsConnectSpec = { headers: [], protocols: [], ca: [], insecure: false, timeoutMs: 30_000 };
  if (opts === undefined) return spec;
  if (!(opts instanceof LuaTable)) throw libError(fname, `${fname}: second argument must be a table or nil`);
  const h = opts.get("headers");
  if (h instanceof LuaTable) spec.headers = headerPairs(h, fname);
  const p = opts.get("protocols");
  if (typeof p === "string") spec.protocols.push(p);
  else if (p instanceof LuaTable) for (let i = 1; i <= p.length(); i++) spec.protocols.push(String(p.getInt(i)));
  const ca = opts.get("ca_cert");
  if (ca !== undefined) spec.ca.push(pemOption(ca, fname, "ca_cert", "CA cert file").pem);
  spec.insecure = opts.get("insecure") === true;
  const t = opts.get("timeout");
  if (t !== undefined) spec.timeoutMs = secondsMs(t, fname);
  return spec;
}

function sender(name: string, binary: boolean): Function {
  const fname = `ws.${name}`;
  return waiting(name, function* (c: unknown, data: unknown) {
    const w = conn(fname, c);
    if (typeof data !== "string") throw libError(fname, `${fname}: second argument must be a string`);
    if (w.closed) throw libError(fname, `${fname}: connection closed`);
    try {
      yield new IoWait("ws.send", [w.id, data, binary]);
    } catch (e) {
      throw wsFailed(fname, e);
    }
    return EMPTY;
  });
}

export function openWs(G: LuaTable): void {
  const t = new LuaTable();
  const meta = new LuaTable();
  const methods = new LuaTable();
  meta.setStr("__index", methods);
  meta.setStr("__name", "ws connection");

  t.setStr(
    "connect",
    waiting("connect", function* (url: unknown, opts: unknown) {
      const fname = "ws.connect";
      if (typeof url !== "string") throw libError(fname, `${fname}: first argument must be a URL string`);
      const spec = connectSpec(fname, opts);
      try {
        const id = (yield new IoWait("ws.connect", [url, spec])) as number;
        return new WsConn(id, url, meta);
      } catch (e) {
        throw wsFailed(fname, e);
      }
    }),
  );
  t.setStr("send", sender("send", false));
  t.setStr("send_binary", sender("send_binary", true));
  t.setStr(
    "recv",
    waiting("recv", function* (c: unknown, timeout: unknown) {
      const fname = "ws.recv";
      const w = conn(fname, c);
      if (w.closed) throw libError(fname, `${fname}: connection closed`);
      try {
        const m = (yield new IoWait("ws.recv", [w.id, timeout === undefined ? 0 : secondsMs(timeout, fname)])) as { data: string; binary: boolean };
        return new Multi([m.data, m.binary ? "binary" : "text"]);
      } catch (e) {
        throw wsFailed(fname, e);
      }
    }),
  );
  t.setStr(
    "close",
    waiting("close", function* (c: unknown) {
      const fname = "ws.close";
      const w = conn(fname, c);
      if (w.closed) return EMPTY;
      w.closed = true;
      try {
        yield new IoWait("ws.close", [w.id]);
      } catch (e) {
        throw wsFailed(fname, e);
      }
      return EMPTY;
    }),
  );
  for (const k of ["send", "send_binary", "recv", "close"]) methods.setStr(k, t.getStr(k));
  G.setField("ws", t);
}
