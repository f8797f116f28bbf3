// Shared by the http and ws tests: running assay without blocking this process's event loop
// (the servers these tests start live in it), a small PKI made with openssl, and a Node
// server that records what it received. Not a test file (see tests/helpers.mjs).
import { spawn, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assayBin, assayEntry, tempDir } from '../helpers.mjs';

/**
 * Runs `assay run` on `source` (written to a temp file) asynchronously; resolves to
 * { out, err, status, signal }. Options: env (added to process.env), args, onStdout(text,
 * child) called as output arrives, kill (ms before SIGKILL; default 60 s, a hang fails).
 */
export function runLuaAsync(source, { env = {}, args = [], onStdout, kill = 60_000, worker = false } = {}) {
  const dir = tempDir('http');
  const file = join(dir, 'main.lua');
  writeFileSync(file, source);
  const cmd = worker ? process.execPath : assayBin;
  const argv = worker ? [assayEntry, 'run', file, ...args] : ['run', file, ...args];
  const child = spawn(cmd, argv, { cwd: dir, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('latin1');
  child.stderr.setEncoding('latin1');
  child.stdout.on('data', (d) => {
    out += d;
    onStdout?.(out, child);
  });
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), kill);
  const done = new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ out, err, status, signal });
    });
  });
  done.child = child;
  return done;
}

/** Waits until the child printed a line matching re; resolves to the match. */
export function waitForLine(run, re) {
  return new Promise((resolve, reject) => {
    let buf = '';
    run.child.stdout.on('data', (d) => {
      buf += d;
      const m = re.exec(buf);
      if (m) resolve(m);
    });
    run.then((r) => reject(new Error(`exited before printing ${re}: ${r.out}\n${r.err}`)));
  });
}

/**
 * A CA, a server certificate for 127.0.0.1/localhost signed by it, and a client certificate
 * for mTLS; returns the file paths and PEM texts.
 */
export function makePki() {
  const dir = tempDir('pki');
  const ssl = (...a) => execFileSync('openssl', a, { cwd: dir, stdio: 'pipe' });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=assay test CA');
  const leaf = (name, cn, ext) => {
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  leaf('server', 'localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'assay-client', 'extendedKeyUsage=clientAuth\n');
  const read = (f) => execFileSync('cat', [join(dir, f)], { encoding: 'latin1' });
  const files = {};
  for (const f of ['ca.pem', 'server.pem', 'server.key', 'client.pem', 'client.key']) files[f] = { path: join(dir, f), pem: read(f) };
  return { dir, ...files };
}

/** Lua string literal of a JS string (bytes as \ddd where needed). */
export { luaString } from '../helpers.mjs';
