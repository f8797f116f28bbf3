// The parts of undici the HTTP client uses (ops/http-client.ts), loaded without undici's
// index: the index also loads fetch, the cache stores, cookies, WebSocket, EventSource and
// the mocks, and its cookies module reads globalThis.Headers, which makes Node load its own
// copy of undici as well — together ~40 ms of a run's first request. undici's package has
// no "exports" map, so these files are its public layout as much as the index is; the
// bundler resolves them at build time (a missing one fails the build). Types: undici-files.d.ts.
import Agent from "undici/lib/dispatcher/agent.js";
import EnvHttpProxyAgent from "undici/lib/dispatcher/env-http-proxy-agent.js";
import DispatcherBase from "undici/lib/dispatcher/dispatcher.js";
import api from "undici/lib/api/index.js";
import redirect from "undici/lib/interceptor/redirect.js";
import util from "undici/lib/core/util.js";
import type { Dispatcher } from "undici";

// (what the index does: the request/stream/pipeline/... methods of every dispatcher)
Object.assign(DispatcherBase.prototype, api);

export { Agent, EnvHttpProxyAgent, redirect };

export type RequestOptions = Omit<Dispatcher.RequestOptions, "origin" | "path" | "method"> & {
  method: Dispatcher.HttpMethod;
  dispatcher: Dispatcher;
};

/** undici's request(url, opts) for an opts.dispatcher: the URL checked and split into origin
 *  and path as the index's request does. */
export function request(url: string, opts: RequestOptions): Promise<Dispatcher.ResponseData> {
  const u = util.parseURL(url);
  const { dispatcher, ...rest } = opts;
  return dispatcher.request({ ...rest, origin: u.origin, path: u.search ? `${u.pathname}${u.search}` : u.pathname });
}
