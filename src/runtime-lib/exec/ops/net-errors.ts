// Readable causes for network failures, shared by the http and ws operations: what a user
// reads after "http.get failed: ". Node's errors carry a code; the words follow the OS's and
// OpenSSL's, with the address when there is one.

interface NodeError {
  code?: string;
  message?: string;
  address?: string;
  port?: number;
  hostname?: string;
  errors?: unknown[];
  cause?: unknown;
  name?: string;
}

const SOCKET_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by peer",
  EHOSTUNREACH: "no route to host",
  ENETUNREACH: "network is unreachable",
  ETIMEDOUT: "connection timed out",
  EPIPE: "broken pipe",
  EADDRINUSE: "address already in use",
  EACCES: "permission denied",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_CLOSED: "connection closed",
};

/** OpenSSL verification codes Node reports (and their usual words). */
const TLS_CODES = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "INVALID_CA",
]);

/** The innermost error with a code (undici and happy-eyeballs wrap the socket's error). */
function rootCause(e: NodeError): NodeError {
  for (let i = 0; i < 8; i++) {
    if (e.code && e.code !== "UND_ERR_CONNECT" && !e.code.startsWith("ERR_ABORT")) return e;
    const inner = (e.errors && e.errors[0]) ?? e.cause;
    if (!inner || typeof inner !== "object") return e;
    e = inner as NodeError;
  }
  return e;
}

function where(e: NodeError): string {
  if (e.address !== undefined) {
    const host = e.address.includes(":") ? `[${e.address}]` : e.address;
    return e.port !== undefined ? ` (${host}:${e.port})` : ` (${host})`;
  }
  return "";
}

/** The cause of a failed request or connection, in words. */
/** Node 24 ends some TLS messages with advice for its own command line ("; if the root CA is
 *  installed locally, try running Node.js with --use-system-ca"), which means nothing to
 *  someone running assay. */
export const withoutNodeAdvice = (message: string): string => message.replace(/; if the root CA is installed locally, try running Node\.js with --use-system-ca$/, "");

export function describeNetError(err: unknown): string {
  if (!err || typeof err !== "object") return String(err);
  const e = rootCause(err as NodeError);
  const code = e.code ?? "";
  if (TLS_CODES.has(code) || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) {
    return `certificate verify failed (${withoutNodeAdvice(e.message ?? code)})`;
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `dns error: failed to lookup address '${e.hostname ?? "?"}'`;
  if (SOCKET_CODES[code]) return SOCKET_CODES[code] + where(e);
  if (code === "ERR_INVALID_URL") return `invalid URL: ${(e as { input?: string }).input ?? e.message}`;
  if (code === "UND_ERR_INVALID_ARG" || code === "ERR_INVALID_ARG_TYPE" || code === "ERR_INVALID_ARG_VALUE") return `invalid request: ${e.message}`;
  if (code === "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH") return "request body length does not match Content-Length";
  if (code === "UND_ERR_HEADERS_OVERFLOW") return "response headers too large";
  if (code === "UND_ERR_RES_EXCEEDED_MAX_SIZE") return "response too large";
  if (code === "UND_ERR_MAX_REDIRECTIONS" || /redirect/i.test(e.message ?? "")) return e.message ?? "too many redirects";
  return e.message || code || String(err);
}

/** "2s", "0.5s": a timeout in milliseconds as the user gave it, in seconds. */
export function secondsText(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}
