// What a connection given its own CA certificates trusts. Node's `ca` option replaces the
// default trust store, so the list passed is Node's bundled roots, then the certificates
// NODE_EXTRA_CA_CERTS names (part of Node's default store, but not of tls.rootCertificates),
// then the connection's own: a script's CA adds to what plain requests trust.
import { readFileSync } from "node:fs";
import { X509Certificate } from "node:crypto";
import tls from "node:tls";

let fromEnv: string[] | undefined;

/** The certificates of NODE_EXTRA_CA_CERTS that parse (Node itself warns about the file at
 *  start-up and ignores it when it cannot load it). */
function extraCerts(): string[] {
  if (fromEnv === undefined) {
    fromEnv = [];
    const file = process.env.NODE_EXTRA_CA_CERTS;
    let text = "";
    try {
      if (file) text = readFileSync(file, "latin1");
    } catch {
      // unreadable: as Node, trust nothing more
    }
    for (const pem of text.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []) {
      try {
        new X509Certificate(pem);
        fromEnv.push(pem);
      } catch {
        // a damaged entry: skipped
      }
    }
  }
  return fromEnv;
}

/** The `ca` list for a connection that also trusts `own`. */
export function trustedWith(own: string[]): string[] {
  return [...tls.rootCertificates, ...extraCerts(), ...own];
}
