// http.client{...}: a client with its own timeout, default headers and TLS trust (extra CA
// roots, client certificate for mTLS, or no verification at all), SPEC B§1.2 and A4.
// Returned as the original did: a plain table { _ud = <client> } whose metatable's __index
// has get/post/put/patch/delete, called with `:`.
import { lazyNode } from "../../node-lazy.js";
import { LuaTable } from "../../core/table.js";
import { Userdata } from "../../core/values.js";
import { libError } from "../../lib/aux.js";
import { IoWait } from "../../exec/scheduler.js";
import type { ClientSpec } from "../../exec/ops/http-client.js";
import { logLine } from "../log.js";
import { waiting } from "../waiting.js";
import { ClientDefaults, DEFAULT_TIMEOUT_MS, headerPairs, setHeader } from "./request.js";
import { pemOption, readOptionFile, secondsMs } from "../options.js";

export class HttpClient extends Userdata {
  constructor(readonly defaults: ClientDefaults) {
    super();
  }
  override toString(): string {
    return "http client";
  }
}

const FNAME = "http.client";
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Every certificate of a PEM bundle; an error if there is none or one does not parse. */
function certificates(pem: string, onError: (why: string) => string): string[] {
  const found = pem.match(PEM_CERT) ?? [];
  if (found.length === 0) throw libError(FNAME, onError("no certificate found"));
  for (const c of found) {
    try {
      new (lazyNode.crypto().X509Certificate)(c);
    } catch (e) {
      throw libError(FNAME, onError((e as Error).message));
    }
  }
  return found;
}

function trustRoots(opts: LuaTable): string[] {
  const roots: string[] = [];
  const file = opts.get("ca_cert_file");
  if (file !== undefined) {
    if (typeof file !== "string") throw libError(FNAME, `${FNAME}: option 'ca_cert_file' must be a file path`);
    const pem = readOptionFile(file, FNAME, "CA cert file");
    roots.push(...certificates(pem, (why) => `${FNAME}: invalid PEM in "${file}": ${why}`));
  }
  const ca = opts.get("ca_cert");
  if (ca !== undefined) {
    const { pem, path } = pemOption(ca, FNAME, "ca_cert", "CA cert file");
    roots.push(...certificates(pem, (why) => (path ? `${FNAME}: invalid PEM in "${path}": ${why}` : `${FNAME}: invalid CA cert PEM: ${why}`)));
  }
  return roots;
}

function clientSpec(opts: LuaTable | undefined): ClientSpec {
  const spec: ClientSpec = { ca: [], insecure: false, followRedirects: true };
  if (!opts) return spec;
  spec.ca = trustRoots(opts);
  const cert = opts.get("cert");
  const key = opts.get("key");
  if ((cert === undefined) !== (key === undefined)) throw libError(FNAME, `${FNAME}: options 'cert' and 'key' go together (mTLS)`);
  if (cert !== undefined) {
    spec.cert = pemOption(cert, FNAME, "cert", "cert file").pem;
    certificates(spec.cert, (why) => `${FNAME}: invalid client certificate: ${why}`);
    spec.key = pemOption(key, FNAME, "key", "key file").pem;
    try {
      lazyNode.crypto().createPrivateKey(spec.key);
    } catch (e) {
      throw libError(FNAME, `${FNAME}: invalid client key: ${(e as Error).message}`);
    }
  }
  const insecure = opts.get("insecure");
  spec.insecure = insecure !== undefined && insecure !== false;
  const follow = opts.get("follow_redirects");
  spec.followRedirects = follow === undefined || follow !== false;
  return spec;
}

/** http.client(opts?) */
export function makeClient(methods: LuaTable): Function {
  const meta = new LuaTable();
  meta.setStr("__index", methods);
  return waiting("client", function* (opts: unknown) {
    if (opts !== undefined && !(opts instanceof LuaTable)) throw libError(FNAME, `${FNAME}: argument must be a table or nil`);
    const o = opts as LuaTable | undefined;
    const spec = clientSpec(o);
    const defaults: ClientDefaults = { id: 0, timeoutMs: DEFAULT_TIMEOUT_MS, headers: [] };
    const t = o?.get("timeout");
    if (t !== undefined) defaults.timeoutMs = secondsMs(t, FNAME);
    const h = o?.get("headers");
    if (h instanceof LuaTable) for (const [k, v] of headerPairs(h, FNAME)) setHeader(defaults.headers, k, v);
    if (spec.insecure) logLine("warn", "http.client: TLS certificate verification is DISABLED for this client (insecure = true)");
    try {
      defaults.id = (yield new IoWait("http.client", [spec])) as number;
    } catch (e) {
      throw libError(FNAME, `${FNAME}: failed to build client: ${(e as Error).message}`);
    }
    const client = new LuaTable();
    client.setStr("_ud", new HttpClient(defaults));
    client.mt = meta;
    return client;
  });
}
