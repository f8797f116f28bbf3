// WebSocket client operations for the I/O worker (the `ws` package). Messages received are
// queued per connection until the Lua side asks for one.
//   ws.connect [url, WsConnectSpec] → id
//   ws.send [id, data, binary]      resolves once the frame is written
//   ws.recv [id, timeoutMs]         → {data, binary}; fails "connection closed" at the end,
//                                   "timeout after Ns" when timeoutMs > 0 passes first
//   ws.close [id, code?, reason?]   sends Close and waits for the peer's (or the socket's end)
import WebSocket from "ws";
import type { OpContext, OpHandler } from "../io-worker.js";
import { describeNetError, secondsText } from "./net-errors.js";
import { trustedWith } from "./trust.js";

export interface WsConnectSpec {
  headers: [string, string][];
  protocols: string[];
  ca: string[];
  insecure: boolean;
  timeoutMs: number;
}

interface Message {
  data: string;
  binary: boolean;
}

interface Conn {
  sock: WebSocket;
  queue: Message[];
  /** a recv waiting for the next message */
  taker: { resolve: (m: Message) => void; reject: (e: Error) => void } | null;
  ended: string | null;
}

const conns = new Map<number, Conn>();
let nextId = 1;

function conn(id: number): Conn {
  const c = conns.get(id);
  if (!c) throw new Error("connection closed");
  return c;
}

function finish(c: Conn, why: string): void {
  if (c.ended !== null) return;
  c.ended = why;
  c.taker?.reject(new Error(why));
  c.taker = null;
}

export const ops: Record<string, OpHandler> = {
  "ws.connect"(args: unknown[], ctx: OpContext): Promise<number> {
    const [url, spec] = args as [string, WsConnectSpec];
    return new Promise<number>((resolve, reject) => {
      let sock: WebSocket;
      try {
        sock = new WebSocket(url, spec.protocols, {
          headers: Object.fromEntries(spec.headers),
          ca: spec.ca.length > 0 ? trustedWith(spec.ca) : undefined,
          rejectUnauthorized: !spec.insecure,
          handshakeTimeout: spec.timeoutMs > 0 ? spec.timeoutMs : undefined,
        });
      } catch (e) {
        reject(new Error(describeNetError(e)));
        return;
      }
      const c: Conn = { sock, queue: [], taker: null, ended: null };
      sock.on("message", (data: Buffer | Buffer[] | ArrayBuffer, binary: boolean) => {
        const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        const m = { data: buf.toString("latin1"), binary };
        if (c.taker) {
          c.taker.resolve(m);
          c.taker = null;
        } else c.queue.push(m);
      });
      sock.on("close", () => finish(c, "connection closed"));
      sock.on("error", (e) => {
        finish(c, describeNetError(e));
        reject(new Error(describeNetError(e)));
      });
      sock.on("unexpected-response", (_req, res) => {
        reject(new Error(`server answered HTTP ${res.statusCode} instead of switching protocols`));
        sock.terminate();
      });
      sock.on("open", () => {
        const id = nextId++;
        conns.set(id, c);
        resolve(id);
      });
      ctx.signal.addEventListener("abort", () => sock.terminate());
    });
  },

  "ws.send"(args: unknown[]): Promise<void> {
    const [id, data, binary] = args as [number, string, boolean];
    const c = conn(id);
    if (c.ended !== null || c.sock.readyState !== WebSocket.OPEN) throw new Error("connection closed");
    const buf = Buffer.from(data, "latin1");
    return new Promise<void>((resolve, reject) => {
      c.sock.send(buf, { binary }, (e) => (e ? reject(new Error(describeNetError(e))) : resolve()));
    });
  },

  "ws.recv"(args: unknown[], ctx: OpContext): Promise<Message> {
    const c = conn(args[0] as number);
    const m = c.queue.shift();
    if (m) return Promise.resolve(m);
    if (c.ended !== null) return Promise.reject(new Error(c.ended));
    if (c.taker) return Promise.reject(new Error("another task is already receiving on this connection"));
    const ms = args[1] as number;
    return new Promise<Message>((resolve, reject) => {
      const giveUp = (): void => {
        c.taker = null;
      };
      const timer = ms > 0 ? setTimeout(() => (giveUp(), reject(new Error(`timeout after ${secondsText(ms)}`))), ms) : undefined;
      c.taker = {
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      // a cancelled recv gives up its place
      ctx.signal.addEventListener("abort", () => (clearTimeout(timer), giveUp()));
    });
  },

  async "ws.close"(args: unknown[]): Promise<void> {
    const [id, code, reason] = args as [number, number | undefined, string | undefined];
    const c = conns.get(id);
    if (!c) return;
    conns.delete(id);
    if (c.sock.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        c.sock.terminate();
        resolve();
      }, 5000);
      c.sock.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      c.sock.close(code ?? 1000, reason);
    });
  },
};
