#!/usr/bin/env assay
-- An ArgoCD PostSync hook written for assay v0.4 (module functions, the assert table,
-- log.* — no print): check the rollout of an app, run its database migration Job, record
-- the migrated release on the Deployment and report the ArgoCD Application's state.
-- In the cluster K8S_API_URL and K8S_TOKEN are unset and the pod's service account is used.
local k8s = require("assay.k8s")

local ns = env.get("APP_NAMESPACE") or "shop"
local app = env.get("APP_NAME") or "storefront"
local api = env.get("K8S_API_URL")
local token = env.get("K8S_TOKEN")
local opts = { base_url = api, token = token }

assert.eq(k8s.namespace_exists(ns, opts), true, "namespace " .. ns .. " is missing")

-- 1. the rollout
k8s.wait_ready(ns, "deployment", app, 120, opts)
local rollout = k8s.rollout_status(ns, app, opts)
assert.eq(rollout.complete, true, "rollout of " .. app .. " incomplete")
log.info("rollout of " .. app .. ": " .. rollout.ready .. "/" .. rollout.desired .. " ready")

local pods = k8s.pod_status(ns, { base_url = api, token = token, label_selector = "app=" .. app })
assert.eq(pods.failed, 0, "failed pods")
log.info(pods.running .. " of " .. pods.total .. " pods running")

-- 2. the migration Job
local db = k8s.get_secret(ns, app .. "-db", opts)
assert.not_nil(db.password, "no database password")
local cfg = k8s.get_configmap(ns, app .. "-config", opts)
local job = app .. "-migrate-" .. cfg.release

if k8s.exists(ns, "job", job, opts) then
  log.warn("job " .. job .. " exists, replacing it")
  k8s.delete_resource(ns, "job", job, opts)
end
k8s.create(ns, "job", {
  apiVersion = "batch/v1",
  kind = "Job",
  metadata = { name = job, labels = { app = app } },
  spec = {
    backoffLimit = 0,
    template = {
      spec = {
        restartPolicy = "Never",
        containers = { {
          name = "migrate",
          image = cfg.image,
          args = { "migrate", "--release", cfg.release },
          env = { { name = "DB_HOST", value = cfg.db_host }, { name = "DB_USER", value = db.username } },
        } },
      },
    },
  },
}, opts)
k8s.wait_ready(ns, "job", job, 300, opts)

local job_pods = k8s.list_pods(ns, { base_url = api, token = token, label_selector = "job-name=" .. job })
local output = k8s.logs(ns, job_pods.items[1].metadata.name, { base_url = api, token = token, tail = 20 })
assert.contains(output, "migrations applied", "migration output")

-- 3. record the release, report
k8s.patch_resource(ns, "deployment", app, {
  metadata = { annotations = { ["shop.example.com/migrated-release"] = cfg.release } },
}, opts)

k8s.register_crd("application", "argoproj.io", "v1alpha1", "applications")
local application = k8s.get_resource("argocd", "application", app, opts)
log.info("argocd: " .. application.status.sync.status .. "/" .. application.status.health.status)

local events = k8s.events_for(ns, "Deployment", app, opts)
for _, e in ipairs(events.items or {}) do
  if e.type == "Warning" then log.warn(e.reason .. ": " .. e.message) end
end
log.info("post-sync checks passed")
