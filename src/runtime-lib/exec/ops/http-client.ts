// HTTP client operations for the I/O worker, on undici. Connections are kept alive and
// reused per origin: each client (the default one, id 0, and one per http.client{}) owns an
// undici dispatcher for the life of the process.
//   http.client [ClientSpec] → id               a dispatcher with its own trust and redirects
//   http.request [RequestSpec] → HttpResponse   the whole body, as a byte string
//   http.download [RequestSpec, path, maxSize] → bytes written (temp file + rename)
// Bodies cross as byte strings (one char per byte): Buffer's "latin1" encoding.
import fs from "node:fs";
import path from "node:path";
import tls from "node:tls";
import { randomBytes } from "node:crypto";
import type { Dispatcher } from "undici";
import { Agent, EnvHttpProxyAgent, redirect, request } from "./undici-core.js";
import type { OpContext, OpHandler } from "../io-worker.js";
import { describeNetError, secondsText } from "./net-errors.js";
import { trustedWith } from "./trust.js";

export interface ClientSpec {
  /** extra trusted roots (PEM text), added to Node's own */
  ca: string[];
  /** client certificate and key (PEM text) for mTLS */
  cert?: string;
  key?: string;
  insecure: boolean;
  followRedirects: boolean;
}

export interface RequestSpec {
  client: number;
  method: string;
  url: string;
  headers: [string, string][];
  /** byte string, or null for no body */
  body: string | null;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

const MAX_REDIRECTS = 10;
const clients = new Map<number, Dispatcher>();
let nextClient = 1;

function proxyInEnv(): boolean {
  const e = process.env;
  return Boolean(e.HTTP_PROXY || e.HTTPS_PROXY || e.http_proxy || e.https_proxy);
}

function dispatcher(spec: ClientSpec): Dispatcher {
  const connect: tls.ConnectionOptions = {};
  if (spec.ca.length > 0) connect.ca = trustedWith(spec.ca);
  if (spec.cert !== undefined) connect.cert = spec.cert;
  if (spec.key !== undefined) connect.key = spec.key;
  if (spec.insecure) connect.rejectUnauthorized = false;
  const base = proxyInEnv() ? new EnvHttpProxyAgent({ connect }) : new Agent({ connect });
  return spec.followRedirects ? base.compose(redirect({ maxRedirections: MAX_REDIRECTS })) : base;
}

function clientFor(id: number): Dispatcher {
  let d = clients.get(id);
  if (d === undefined) {
    if (id !== 0) throw new Error("the http client is gone");
    d = dispatcher({ ca: [], insecure: false, followRedirects: true });
    clients.set(0, d);
  }
  return d;
}

/** Runs `fn` with a signal aborted by the op's cancellation or by the timeout; a timeout
 *  becomes the error "timeout after Ns". */
async function timed<T>(ms: number, ctx: OpContext, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  let timedOut = false;
  const timer = ms > 0 && Number.isFinite(ms) ? setTimeout(() => ((timedOut = true), ac.abort()), ms) : undefined;
  const onCancel = (): void => ac.abort();
  ctx.signal.addEventListener("abort", onCancel);
  // (undici does not settle every request it is told to abort — one through a proxy that
  // closes the tunnel's CONNECT never ends: the timeout and cancellation hold regardless)
  const aborted = new Promise<never>((_resolve, reject) => ac.signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
  const work = fn(ac.signal);
  work.catch(() => {}); // (settling after the race is lost is not an unhandled rejection)
  try {
    return await Promise.race([work, aborted]);
  } catch (e) {
    if (timedOut) throw new Error(`timeout after ${secondsText(ms)}`);
    throw new Error(describeNetError(e));
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener("abort", onCancel);
  }
}

/** Response headers: lower-case names (undici gives them so); a repeated header's last value. */
function headerList(h: Record<string, string | string[] | undefined>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out.push([k, Array.isArray(v) ? v[v.length - 1] : v]);
  }
  return out;
}

function send(spec: RequestSpec, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  return request(spec.url, {
    method: spec.method as Dispatcher.HttpMethod,
    headers: spec.headers.flat(),
    body: spec.body === null ? undefined : Buffer.from(spec.body, "latin1"),
    dispatcher: clientFor(spec.client),
    signal,
    // the op's own timer bounds the whole exchange
    headersTimeout: 0,
    bodyTimeout: 0,
  });
}

export const ops: Record<string, OpHandler> = {
  "http.client"(args: unknown[]): number {
    const id = nextClient++;
    clients.set(id, dispatcher(args[0] as ClientSpec));
    return id;
  },

  async "http.request"(args: unknown[], ctx: OpContext): Promise<HttpResponse> {
    const spec = args[0] as RequestSpec;
    return timed(spec.timeoutMs, ctx, async (signal) => {
      const res = await send(spec, signal);
      const body = Buffer.from(await res.body.arrayBuffer());
      return { status: res.statusCode, headers: headerList(res.headers), body: body.toString("latin1") };
    });
  },

  async "http.download"(args: unknown[], ctx: OpContext): Promise<{ status: number; bytes: number }> {
    const spec = args[0] as RequestSpec;
    const dest = args[1] as string;
    const maxSize = args[2] as number;
    const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.${randomBytes(6).toString("hex")}.tmp`);
    return timed(spec.timeoutMs, ctx, async (signal) => {
      const res = await send(spec, signal);
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump();
        return { status: res.statusCode, bytes: 0 };
      }
      const out = fs.createWriteStream(tmp, { mode: 0o644 });
      let bytes = 0;
      try {
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          if (maxSize > 0 && bytes > maxSize) throw new Error(`response larger than max_size (${maxSize} bytes)`);
          if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
        }
        await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
        await fs.promises.rename(tmp, dest);
      } catch (e) {
        out.destroy();
        await fs.promises.rm(tmp, { force: true });
        throw e instanceof Error && e.message.startsWith("response larger") ? e : new Error(`${dest}: ${(e as Error).message}`);
      }
      return { status: res.statusCode, bytes };
    });
  },
};
