// TLS: a server certificate signed by a CA made here with openssl. Plain http.get does not
// trust it; http.client{ca_cert = ...} does (path or PEM text, or ca_cert_file);
// insecure = true skips verification (and says so); mTLS with cert/key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePki, runLuaAsync, luaString } from './harness.mjs';

let pki;
let tlsServer;
let mtlsServer;
let tlsUrl;
let mtlsUrl;

function listen(srv) {
  return new Promise((r) => srv.listen(0, '127.0.0.1', () => r(`https://127.0.0.1:${srv.address().port}`)));
}

before(async () => {
  pki = makePki();
  const opts = { key: pki['server.key'].pem, cert: pki['server.pem'].pem };
  tlsServer = https.createServer(opts, (req, res) => res.end('secure hello'));
  mtlsServer = https.createServer({ ...opts, ca: pki['ca.pem'].pem, requestCert: true, rejectUnauthorized: true }, (req, res) =>
    res.end(`client ${req.socket.getPeerCertificate().subject.CN}`),
  );
  tlsUrl = await listen(tlsServer);
  mtlsUrl = await listen(mtlsServer);
});

after(() => {
  tlsServer.close();
  mtlsServer.close();
});

async function lua(code) {
  const r = await runLuaAsync(code);
  assert.equal(r.status, 0, r.err);
  return { lines: r.out.trimEnd().split('\n'), err: r.err };
}

test('plain http.get rejects a certificate from an unknown CA', async () => {
  const { lines } = await lua(`print(select(2, pcall(http.get, "${tlsUrl}/")))`);
  assert.match(lines[0], /^http\.get failed: certificate verify failed \(.*(self[- ]signed|unable to verify|local issuer).*\)$/);
});

test('http.client{ca_cert = path | PEM text} and ca_cert_file trust the CA', async () => {
  const { lines, err } = await lua(`
    print(http.client({ ca_cert = "${pki['ca.pem'].path}" }):get("${tlsUrl}/").body)
    print(http.client({ ca_cert = ${luaString(pki['ca.pem'].pem, 'latin1')} }):get("${tlsUrl}/").body)
    print(http.client({ ca_cert_file = "${pki['ca.pem'].path}" }):get("${tlsUrl}/").status)
    print(select(2, pcall(http.get, "${tlsUrl}/")) ~= nil)`);
  assert.deepEqual(lines, ['secure hello', 'secure hello', '200', 'true']);
  assert.equal(err, '');
});

test('a client given its own CA still trusts the certificates of NODE_EXTRA_CA_CERTS', async () => {
  // (Node's ca option replaces the default trust store, which holds NODE_EXTRA_CA_CERTS)
  const other = makePki();
  const env = { NODE_EXTRA_CA_CERTS: pki['ca.pem'].path };
  const r = await runLuaAsync(
    `print(http.get("${tlsUrl}/").body)
     print(http.client({ ca_cert = "${other['ca.pem'].path}" }):get("${tlsUrl}/").body)`,
    { env },
  );
  assert.equal(r.status, 0, r.err);
  assert.deepEqual(r.out.trimEnd().split('\n'), ['secure hello', 'secure hello']);
});

test('insecure = true skips verification and logs a warning', async () => {
  const { lines, err } = await lua(`print(http.client({ insecure = true }):get("${tlsUrl}/").body)`);
  assert.deepEqual(lines, ['secure hello']);
  assert.match(err, /WARN.*verification is DISABLED/);
});

test('bad CA options are clear errors', async () => {
  const bad = join(pki.dir, 'bad.pem');
  writeFileSync(bad, '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
  const { lines } = await lua(`
    print(select(2, pcall(http.client, { ca_cert_file = "/nonexistent/ca.pem" })))
    print(select(2, pcall(http.client, { ca_cert = "-----BEGIN CERTIFICATE-----\\ngarbage\\n-----END CERTIFICATE-----" })))
    print(select(2, pcall(http.client, { ca_cert_file = "${bad}" })))
    print(select(2, pcall(http.client, { ca_cert = "-----BEGIN nothing" })))`);
  assert.equal(lines[0], 'http.client: failed to read CA cert file "/nonexistent/ca.pem": No such file or directory');
  assert.match(lines[1], /^http\.client: invalid CA cert PEM: /);
  assert.match(lines[2], new RegExp(`^http\\.client: invalid PEM in "${bad}": `));
  assert.equal(lines[3], 'http.client: invalid CA cert PEM: no certificate found');
});

test('mTLS: without a client certificate the handshake fails; with cert/key it succeeds', async () => {
  const { lines } = await lua(`
    local plain = http.client({ ca_cert = "${pki['ca.pem'].path}" })
    print(pcall(plain.get, plain, "${mtlsUrl}/"))
    local c = http.client({ ca_cert = "${pki['ca.pem'].path}", cert = "${pki['client.pem'].path}", key = "${pki['client.key'].path}" })
    print(c:get("${mtlsUrl}/").body)
    print(select(2, pcall(http.client, { cert = "${pki['client.pem'].path}" })))`);
  assert.match(lines[0], /^false\thttp\.get failed: /);
  assert.equal(lines[1], 'client assay-client');
  assert.equal(lines[2], "http.client: options 'cert' and 'key' go together (mTLS)");
});
