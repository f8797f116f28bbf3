// A mock Kubernetes API server for the container tests: HTTPS with a certificate from a test
// CA, bearer-token authentication, and authorization by the Role of examples/k8s/rbac.yaml
// (a request the Role does not allow gets the API server's 403 Status), over a small set of
// objects in namespace `shop`. Records every request. Not a test file (see tests/helpers.mjs).
import https from 'node:https';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { root } from '../helpers.mjs';

const NS = 'shop';
const b64 = (s) => Buffer.from(s).toString('base64');

/** The rules of the Role in examples/k8s/rbac.yaml. */
export function roleRules() {
  const docs = YAML.parseAllDocuments(readFileSync(join(root, 'examples', 'k8s', 'rbac.yaml'), 'utf8')).map((d) => d.toJS());
  return docs.find((d) => d.kind === 'Role').rules;
}

/** The objects of the cluster, fresh for each server. */
function cluster({ podPhases = ['Running', 'Running'] } = {}) {
  const deployment = (name, replicas, ready) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, annotations: {} },
    spec: { replicas },
    status: { replicas, readyReplicas: ready, updatedReplicas: replicas, availableReplicas: ready },
  });
  return {
    secrets: {
      'storefront-db': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'storefront-db', namespace: NS }, data: { host: b64('db.shop.svc'), username: b64('storefront'), password: b64('s3cret') } },
      'other-secret': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'other-secret', namespace: NS }, data: {} },
    },
    deployments: { storefront: deployment('storefront', 2, 2), checkout: deployment('checkout', 1, 1) },
    pods: podPhases.map((phase, i) => ({ metadata: { name: `storefront-${i}`, namespace: NS, labels: { app: 'storefront' } }, status: { phase } })),
  };
}

/** {group, resource, name, verb} of an API request path, or null for other paths. */
function parseRequest(method, pathname) {
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(pathname);
  if (!m) return null;
  const name = m[4] ?? null;
  const verb = { GET: name ? 'get' : 'list', PATCH: 'patch', PUT: 'update', POST: 'create', DELETE: 'delete' }[method];
  return { group: m[1] ?? '', namespace: m[2], resource: m[3], name, verb };
}

function allowed(rules, r) {
  return rules.some(
    (rule) =>
      rule.apiGroups.includes(r.group) &&
      rule.resources.includes(r.resource) &&
      rule.verbs.includes(r.verb) &&
      (!rule.resourceNames || (r.name !== null && rule.resourceNames.includes(r.name))),
  );
}

const status = (code, reason, message) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code });

/** JSON merge patch (RFC 7386). */
function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * Starts the mock on 127.0.0.1 (a free port) with the server certificate of `pki`
 * (tests/http/harness.mjs makePki). Resolves to { port, token, requests, objects, close }.
 */
export async function startMockK8s(pki, { token = 'test-sa-token', ...state } = {}) {
  const rules = roleRules();
  const objects = cluster(state);
  const requests = [];
  const server = https.createServer({ key: pki['server.key'].pem, cert: pki['server.pem'].pem }, (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = new URL(req.url, 'https://mock');
      const r = parseRequest(req.method, url.pathname);
      const entry = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), auth: req.headers.authorization, contentType: req.headers['content-type'], body, request: r };
      requests.push(entry);
      const send = (code, obj) => {
        entry.status = code;
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(obj));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, status(401, 'Unauthorized', 'Unauthorized'));
      if (r === null) return send(404, status(404, 'NotFound', `the server could not find the requested resource`));
      if (!allowed(rules, r)) {
        const what = `resource "${r.resource}" in API group "${r.group}" in the namespace "${r.namespace}"`;
        return send(403, status(403, 'Forbidden', `${r.resource}${r.name ? ` "${r.name}"` : ''} is forbidden: User "system:serviceaccount:${NS}:assay" cannot ${r.verb} ${what}`));
      }
      const kind = objects[r.resource];
      if (r.namespace !== NS || kind === undefined) return send(404, status(404, 'NotFound', `${r.resource} not found`));
      if (r.verb === 'list') {
        let items = Array.isArray(kind) ? kind : Object.values(kind);
        const sel = url.searchParams.get('labelSelector');
        if (sel) {
          const [k, v] = sel.split('=');
          items = items.filter((o) => o.metadata.labels?.[k] === v);
        }
        return send(200, { kind: 'List', apiVersion: 'v1', metadata: {}, items });
      }
      const obj = Array.isArray(kind) ? kind.find((o) => o.metadata.name === r.name) : kind[r.name];
      if (!obj) return send(404, status(404, 'NotFound', `${r.resource} "${r.name}" not found`));
      if (r.verb === 'get') return send(200, obj);
      if (r.verb === 'patch' && req.headers['content-type'] === 'application/merge-patch+json') {
        kind[r.name] = mergePatch(obj, JSON.parse(body));
        return send(200, kind[r.name]);
      }
      return send(405, status(405, 'MethodNotAllowed', `${r.verb} is not supported by the mock`));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    token,
    requests,
    objects,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A plain HTTP server standing for the application: GET /healthz answers 200. */
export async function startApp() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: req.url === '/healthz' ? 'ok' : 'not found' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}
