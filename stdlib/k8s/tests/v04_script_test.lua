-- A script written for assay v0.4 (scripts/post_sync_hook.lua) runs unchanged against a
-- mock API server standing in for a cluster; what it asked of the API is checked.
local F = dofile(arg[0]:match("^(.*)/") .. "/fixtures.lua")

local SCRIPT = arg[0]:match("^(.*)/") .. "/scripts/post_sync_hook.lua"
local NS, APP, JOB = "shop", "storefront", "storefront-migrate-2024.11.3"
local DEPLOY = "/apis/apps/v1/namespaces/shop/deployments/storefront"
local JOB_PATH = "/apis/batch/v1/namespaces/shop/jobs/" .. JOB

-- The cluster: `updated` = the Deployment's updatedReplicas (3 = rollout complete).
local function cluster(updated)
  local job_gets = 0
  local m = F.server({
    ["GET /api/v1/namespaces/shop"] = { json = F.object("v1", "Namespace", nil, NS, { status = { phase = "Active" } }) },
    ["GET " .. DEPLOY] = { json = F.deployment(NS, APP, 3, {
      replicas = 3, readyReplicas = 3, availableReplicas = 3, updatedReplicas = updated,
    }) },
    ["PATCH " .. DEPLOY] = function(req) return { json = F.deployment(NS, APP, 3, { metadata = req.json.metadata }) } end,
    ["GET /api/v1/namespaces/shop/pods"] = function(req)
      if req.args.labelSelector == "job-name=" .. JOB then
        return { json = F.list("v1", "Pod", { F.pod(NS, JOB .. "-x7k2p", "Succeeded") }) }
      end
      return { json = F.list("v1", "Pod", { F.pod(NS, "storefront-1", "Running"), F.pod(NS, "storefront-2", "Running"), F.pod(NS, "storefront-3", "Running") }) }
    end,
    ["GET /api/v1/namespaces/shop/secrets/storefront-db"] = { json = F.object("v1", "Secret", NS, "storefront-db", {
      data = { username = base64.encode("shop"), password = base64.encode("hunter2") },
    }) },
    ["GET /api/v1/namespaces/shop/configmaps/storefront-config"] = { json = F.object("v1", "ConfigMap", NS, "storefront-config", {
      data = { release = "2024.11.3", image = "registry.example.com/storefront:2024.11.3", db_host = "pg.shop.svc" },
    }) },
    ["GET " .. JOB_PATH] = function()
      job_gets = job_gets + 1
      if job_gets == 1 then -- a Job left over from an earlier sync
        return { json = F.object("batch/v1", "Job", NS, JOB, { status = { failed = 1 } }) }
      end
      return { json = F.object("batch/v1", "Job", NS, JOB, { status = { succeeded = 1 } }) }
    end,
    ["DELETE " .. JOB_PATH] = { json = { kind = "Status", apiVersion = "v1", status = "Success" } },
    ["POST /apis/batch/v1/namespaces/shop/jobs"] = function(req) return { status = 201, json = req.json } end,
    ["GET /api/v1/namespaces/shop/pods/" .. JOB .. "-x7k2p/log"] = { body = "connecting to pg.shop.svc\n12 migrations applied\n" },
    ["GET /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/storefront"] = { json = F.object("argoproj.io/v1alpha1", "Application", "argocd", APP, {
      status = { sync = { status = "Synced" }, health = { status = "Healthy" } },
    }) },
    ["GET /api/v1/namespaces/shop/events"] = { json = F.list("v1", "Event", {
      F.object("v1", "Event", NS, "storefront.1", { type = "Normal", reason = "ScalingReplicaSet", message = "Scaled up" }),
    }) },
  })
  env.set("K8S_API_URL", m.url)
  env.set("K8S_TOKEN", "hook-token")
  return m
end

local function run_script()
  return assert(loadfile(SCRIPT))()
end

test("the v0.4 post-sync hook runs unchanged and makes the expected API calls", function()
  local m = cluster(3)
  run_script()
  local seen = {}
  for _, r in ipairs(m.requests) do
    seen[#seen + 1] = r.method .. " " .. r.path .. (r.query ~= "" and "?" .. r.query or "")
    assert.eq(r.headers.authorization, "Bearer hook-token")
  end
  assert.eq(table.concat(seen, "\n"), table.concat({
    "GET /api/v1/namespaces/shop",
    "GET " .. DEPLOY,
    "GET " .. DEPLOY,
    "GET /api/v1/namespaces/shop/pods?labelSelector=app=storefront",
    "GET /api/v1/namespaces/shop/secrets/storefront-db",
    "GET /api/v1/namespaces/shop/configmaps/storefront-config",
    "GET " .. JOB_PATH,
    "DELETE " .. JOB_PATH,
    "POST /apis/batch/v1/namespaces/shop/jobs",
    "GET " .. JOB_PATH,
    "GET /api/v1/namespaces/shop/pods?labelSelector=job-name=" .. JOB,
    "GET /api/v1/namespaces/shop/pods/" .. JOB .. "-x7k2p/log?tailLines=20",
    "PATCH " .. DEPLOY,
    "GET /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/storefront",
    "GET /api/v1/namespaces/shop/events?fieldSelector=involvedObject.kind=Deployment,involvedObject.name=storefront",
  }, "\n"))
  local created = m:last("POST /apis/batch/v1/namespaces/shop/jobs")
  assert.eq(created.headers["content-type"], "application/json")
  local c = created.json.spec.template.spec.containers[1]
  assert.eq(c.image, "registry.example.com/storefront:2024.11.3")
  assert.eq(c.env[2].value, "shop")
  local patch = m:last("PATCH " .. DEPLOY)
  assert.eq(patch.headers["content-type"], "application/merge-patch+json")
  assert.eq(patch.body, '{"metadata":{"annotations":{"shop.example.com/migrated-release":"2024.11.3"}}}')
  m:close()
end)

test("the hook stops with its own message when the rollout is incomplete", function()
  local m = cluster(2)
  local ok, err = pcall(run_script)
  assert.eq(ok, false)
  assert.contains(tostring(err), "rollout of storefront incomplete")
  assert.eq(m:count("POST /apis/batch/v1/namespaces/shop/jobs"), 0)
  m:close()
end)
