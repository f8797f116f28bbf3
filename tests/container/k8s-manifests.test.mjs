// examples/k8s/*.yaml are valid manifests (parsed with the yaml package): every document has
// apiVersion, kind and metadata; Jobs, the hook Job and the CronJob's job template have what
// a Job needs (a pod template with containers, an image, restartPolicy Never/OnFailure);
// what the pods refer to exists (ServiceAccount, ConfigMaps and their keys, volumes); the
// pods run as the image's non-root user on a read-only root with /tmp writable; the RBAC
// objects fit together. Running the scripts is image.test.mjs's part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { root } from '../helpers.mjs';
import { readDockerfile } from './dockerfile.mjs';

const dir = join(root, 'examples', 'k8s');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const docs = files.flatMap((file) =>
  YAML.parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((d, i) => {
    assert.deepEqual(d.errors, [], `${file} document ${i + 1}`);
    return { file, obj: d.toJS() };
  }),
);
const all = (kind) => docs.filter((d) => d.obj.kind === kind);
const byName = (kind, name) => all(kind).find((d) => d.obj.metadata.name === name)?.obj;
/** The Job spec of a Job or a CronJob. */
const jobSpec = (o) => (o.kind === 'CronJob' ? o.spec.jobTemplate.spec : o.spec);
const workloads = docs.filter((d) => d.obj.kind === 'Job' || d.obj.kind === 'CronJob');
const imageUid = Number(readDockerfile().stages.find((s) => s.name === 'runtime').body.filter((i) => i.op === 'USER').at(-1).args.split(':')[0]);

test('the examples: rbac, a Job, an Argo CD PostSync hook, a CronJob; every document well-formed', () => {
  assert.deepEqual(files, ['argocd-postsync.yaml', 'cronjob.yaml', 'job.yaml', 'rbac.yaml']);
  const apis = { ServiceAccount: 'v1', ConfigMap: 'v1', Role: 'rbac.authorization.k8s.io/v1', RoleBinding: 'rbac.authorization.k8s.io/v1', Job: 'batch/v1', CronJob: 'batch/v1' };
  for (const { file, obj } of docs) {
    assert.equal(obj.apiVersion, apis[obj.kind], `${file}: ${obj.kind} apiVersion`);
    assert.match(obj.metadata?.name ?? '', /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, `${file}: metadata.name`);
    assert.equal(obj.metadata.namespace, 'shop', `${file}: ${obj.kind} ${obj.metadata.name} namespace`);
  }
  assert.equal(all('Job').length, 2);
  assert.equal(all('CronJob').length, 1);
  assert.ok(all('Job').some((d) => d.obj.metadata.annotations?.['argocd.argoproj.io/hook'] === 'PostSync'));
});

test('every Job (and the CronJob\'s job template) has what a Job needs', () => {
  for (const { file, obj } of workloads) {
    const spec = jobSpec(obj);
    const pod = spec.template?.spec;
    assert.ok(pod, `${file}: spec.template.spec`);
    assert.ok(['Never', 'OnFailure'].includes(pod.restartPolicy), `${file}: restartPolicy Never or OnFailure`);
    assert.ok(Number.isInteger(spec.backoffLimit) && spec.backoffLimit >= 0, `${file}: backoffLimit`);
    assert.ok(spec.activeDeadlineSeconds > 0, `${file}: activeDeadlineSeconds bounds a hung run`);
    assert.ok(Array.isArray(pod.containers) && pod.containers.length === 1, `${file}: one container`);
    const c = pod.containers[0];
    assert.match(c.name, /^[a-z0-9-]+$/);
    assert.match(c.image, /^\S+\/assay:\d+\.\d+\.\d+-full$/, `${file}: the full image`);
    assert.ok(Array.isArray(c.args) && c.args.length > 0 && !c.command, `${file}: args for ENTRYPOINT ["assay"], no command`);
    assert.ok(c.resources?.limits?.memory, `${file}: a memory limit`);
  }
  const cron = all('CronJob')[0].obj.spec;
  assert.match(cron.schedule, /^(\S+\s+){4}\S+$/, 'a five-field schedule');
  assert.equal(cron.concurrencyPolicy, 'Forbid');
});

test('pods: the ServiceAccount, ConfigMaps and volumes they name exist', () => {
  for (const { file, obj } of workloads) {
    const pod = jobSpec(obj).template.spec;
    assert.ok(byName('ServiceAccount', pod.serviceAccountName), `${file}: ServiceAccount ${pod.serviceAccountName}`);
    const volumes = new Map(pod.volumes.map((v) => [v.name, v]));
    const c = pod.containers[0];
    for (const m of c.volumeMounts) assert.ok(volumes.has(m.name), `${file}: volume ${m.name}`);
    for (const v of pod.volumes.filter((v) => v.configMap)) {
      const cm = byName('ConfigMap', v.configMap.name);
      assert.ok(cm, `${file}: ConfigMap ${v.configMap.name}`);
      const mount = c.volumeMounts.find((m) => m.name === v.name);
      assert.equal(mount.readOnly, true);
      // the files the container runs are keys of the ConfigMap
      const used = c.args.filter((a) => a.startsWith(mount.mountPath + '/')).map((a) => a.slice(mount.mountPath.length + 1));
      if (c.workingDir === mount.mountPath) used.push(...c.args.filter((a) => /\.(lua|ya?ml)$/.test(a)));
      assert.ok(used.length > 0, `${file}: runs a file of ConfigMap ${cm.metadata.name}`);
      for (const u of used) assert.ok(u in cm.data, `${file}: ${u} in ConfigMap ${cm.metadata.name}`);
    }
  }
});

test('pods: the image\'s non-root user, read-only root, /tmp writable, nothing extra', () => {
  for (const { file, obj } of workloads) {
    const pod = jobSpec(obj).template.spec;
    assert.equal(pod.securityContext.runAsNonRoot, true, file);
    assert.equal(pod.securityContext.runAsUser, imageUid, `${file}: the Dockerfile's user`);
    assert.equal(pod.securityContext.seccompProfile?.type, 'RuntimeDefault', file);
    const c = pod.containers[0];
    assert.equal(c.securityContext.readOnlyRootFilesystem, true, file);
    assert.equal(c.securityContext.allowPrivilegeEscalation, false, file);
    assert.deepEqual(c.securityContext.capabilities.drop, ['ALL'], file);
    const tmp = c.volumeMounts.find((m) => m.mountPath === '/tmp');
    assert.ok(tmp && pod.volumes.find((v) => v.name === tmp.name).emptyDir, `${file}: an emptyDir at /tmp (ASSAY_CACHE_DIR)`);
  }
});

test('RBAC: the binding gives the Role to the ServiceAccount; secrets are read by name only', () => {
  const sa = all('ServiceAccount')[0].obj;
  const role = all('Role')[0].obj;
  const binding = all('RoleBinding')[0].obj;
  assert.deepEqual(binding.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name });
  assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: sa.metadata.name, namespace: sa.metadata.namespace }]);
  const secrets = role.rules.filter((r) => r.resources.includes('secrets'));
  assert.equal(secrets.length, 1);
  assert.deepEqual(secrets[0].verbs, ['get']);
  assert.ok(secrets[0].resourceNames?.length > 0, 'secrets by name');
  for (const r of role.rules) assert.ok(!r.verbs.includes('*') && !r.resources.includes('*'), 'no wildcards');
});

test('the PostSync hook: hook annotations, checks.yaml and its script in the ConfigMap', () => {
  const hook = all('Job').map((d) => d.obj).find((o) => o.metadata.annotations?.['argocd.argoproj.io/hook']);
  assert.equal(hook.metadata.annotations['argocd.argoproj.io/hook'], 'PostSync');
  assert.match(hook.metadata.annotations['argocd.argoproj.io/hook-delete-policy'], /BeforeHookCreation/);
  const c = hook.spec.template.spec.containers[0];
  assert.deepEqual(c.args, ['checks.yaml']);
  const cm = byName('ConfigMap', hook.spec.template.spec.volumes.find((v) => v.configMap).configMap.name);
  const checks = YAML.parse(cm.data['checks.yaml']);
  for (const check of checks.checks) if (check.type === 'script') assert.ok(check.file in cm.data, `${check.file} in the ConfigMap`);
});
