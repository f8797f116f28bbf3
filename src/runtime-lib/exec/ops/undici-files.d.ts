// Types of the undici files undici-core.ts imports directly (undici types its index only).
declare module "undici/lib/dispatcher/agent.js" {
  import { Agent } from "undici";
  export default Agent;
}
declare module "undici/lib/dispatcher/env-http-proxy-agent.js" {
  import { EnvHttpProxyAgent } from "undici";
  export default EnvHttpProxyAgent;
}
declare module "undici/lib/dispatcher/dispatcher.js" {
  import { Dispatcher } from "undici";
  export default Dispatcher;
}
declare module "undici/lib/api/index.js" {
  const api: Record<string, Function>;
  export default api;
}
declare module "undici/lib/interceptor/redirect.js" {
  import { interceptors } from "undici";
  const redirect: typeof interceptors.redirect;
  export default redirect;
}
declare module "undici/lib/core/util.js" {
  const util: { parseURL(url: string | URL): URL };
  export default util;
}
