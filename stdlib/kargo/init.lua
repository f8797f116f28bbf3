--- @module assay.kargo
-- Kargo (continuous promotion) client over the Kubernetes API, v0.4-compatible: stages and
-- their health, freight, promotions (and promoting freight to a stage), warehouses,
-- projects, and a pipeline overview.
--
--   local kargo = require("assay.kargo")
--   local c = kargo.client("https://kubernetes.default.svc", token)
--   c:promote("my-project", "staging", "f3a9c1")
--   c:wait_stage_healthy("my-project", "staging", 300)
--
-- Requests send `Authorization: Bearer <token>` (a token is required). GET must answer 200,
-- POST any 2xx; otherwise the error is `kargo: <METHOD> <path> HTTP <status>: <body>`.
-- Names and label values are sent as given, as v0.4 did, except that `+`, `&` and `#` in
-- query values are percent-encoded.

local kube = require("assay.internal.kube")
local rest = require("assay.internal.rest")

local M = {}

local Client = {}
Client.__index = Client

local API = "/apis/kargo.akuity.io/v1alpha1"

--- The path of a namespaced collection or item: API/namespaces/<ns>/<plural>[/<name>].
local function path(ns, plural, name) return kube.namespaced(API, ns, plural, name) end

--- Sends one request and decodes the JSON answer (GET: 200 only; POST: any 2xx).
local request = kube.api("kargo", { check_token = true }).request

--- The `items` of a list (`{}` when absent).
local function items(self, api_path)
  return request(self, "GET", api_path).items or {}
end

local value = rest.value

--- Stage health: phase "Steady", else the last condition of type "Healthy" is "True".
local function stage_healthy(stage)
  local status = stage.status or {}
  if status.phase == "Steady" then return true end
  local conditions = status.conditions or {}
  for i = #conditions, 1, -1 do
    if conditions[i].type == "Healthy" then return conditions[i].status == "True" end
  end
  return false
end

--- The current freight's name (newer `currentFreight.name`, older `currentFreightId`).
local function current_freight(status)
  return status.currentFreight and status.currentFreight.name or status.currentFreightId
end

--- Creates a client.
-- @param url string the Kubernetes API server URL (trailing slashes are stripped)
-- @param token string bearer token
-- @return client with public fields `url`, `token`
function M.client(url, token)
  return (kube.client(Client, "kargo", url, token, 2))
end

--- Lists the stages of a project namespace.
-- @param ns string namespace
-- @return list of Stage objects
function Client:stages(ns)
  return items(self, path(ns, "stages"))
end

--- Gets a stage.
-- @param ns string namespace
-- @param name string stage name
-- @return the Stage object
function Client:stage(ns, name)
  return request(self, "GET", path(ns, "stages", name))
end

--- A stage's status summary.
-- @param ns string namespace
-- @param name string stage name
-- @return `{phase, current_freight_id, health, conditions}` (conditions `{}` when absent)
function Client:stage_status(ns, name)
  local status = self:stage(ns, name).status or {}
  return {
    phase = status.phase,
    current_freight_id = current_freight(status),
    health = status.health,
    conditions = status.conditions or {},
  }
end

--- Whether a stage is healthy: phase "Steady", else its last "Healthy" condition is "True".
-- @param ns string namespace
-- @param name string stage name
-- @return boolean
function Client:is_stage_healthy(ns, name)
  return stage_healthy(self:stage(ns, name))
end

--- Waits until a stage is healthy. Errors while polling (HTTP statuses, transport failures)
-- count as "not yet". The last poll is made at the deadline.
-- @param ns string namespace
-- @param name string stage name
-- @param timeout_secs number|nil how long to wait (default 60)
-- @param opts table|nil `interval`: seconds between polls (default 5)
-- @return true; raises `kargo: stage <ns>/<name> not healthy after <timeout>s`
function Client:wait_stage_healthy(ns, name, timeout_secs, opts)
  timeout_secs = timeout_secs or 60
  local function healthy()
    local ok, yes = pcall(self.is_stage_healthy, self, ns, name)
    return ok and yes
  end
  if not rest.poll(healthy, timeout_secs, opts and opts.interval or 5) then
    error("kargo: stage " .. ns .. "/" .. name .. " not healthy after " .. timeout_secs .. "s")
  end
  return true
end

--- Lists freight, optionally by stage and/or warehouse label.
-- @param ns string namespace
-- @param opts table|nil `stage`, `warehouse` (each adds a `labelSelector` parameter)
-- @return list of Freight objects
function Client:freight_list(ns, opts)
  opts = opts or {}
  local params = {}
  if opts.stage then params[#params + 1] = "labelSelector=kargo.akuity.io/stage=" .. value(opts.stage) end
  if opts.warehouse then params[#params + 1] = "labelSelector=kargo.akuity.io/warehouse=" .. value(opts.warehouse) end
  return items(self, path(ns, "freight") .. rest.query_string(params))
end

--- Gets a freight.
-- @param ns string namespace
-- @param name string freight name
-- @return the Freight object
function Client:freight(ns, name)
  return request(self, "GET", path(ns, "freight", name))
end

--- A freight's status.
-- @param ns string namespace
-- @param name string freight name
-- @return the `status` table (`{}` when absent)
function Client:freight_status(ns, name)
  return self:freight(ns, name).status or {}
end

--- Lists promotions, optionally of one stage.
-- @param ns string namespace
-- @param opts table|nil `stage` (adds `labelSelector=kargo.akuity.io/stage=<stage>`)
-- @return list of Promotion objects
function Client:promotions(ns, opts)
  local stage = (opts or {}).stage
  local qs = stage and "?labelSelector=kargo.akuity.io/stage=" .. value(stage) or ""
  return items(self, path(ns, "promotions") .. qs)
end

--- Gets a promotion.
-- @param ns string namespace
-- @param name string promotion name
-- @return the Promotion object
function Client:promotion(ns, name)
  return request(self, "GET", path(ns, "promotions", name))
end

--- A promotion's status summary.
-- @param ns string namespace
-- @param name string promotion name
-- @return `{phase, message, freight_id}`
function Client:promotion_status(ns, name)
  local status = self:promotion(ns, name).status or {}
  return {
    phase = status.phase,
    message = status.message,
    freight_id = status.freight and status.freight.name or status.freightId,
  }
end

--- Promotes freight to a stage by creating a Promotion (name generated from `<stage>-`).
-- @param ns string namespace
-- @param stage string stage name
-- @param freight string freight name
-- @return the created Promotion object
function Client:promote(ns, stage, freight)
  return request(self, "POST", path(ns, "promotions"), {
    apiVersion = "kargo.akuity.io/v1alpha1",
    kind = "Promotion",
    metadata = { namespace = ns, generateName = stage .. "-" },
    spec = { stage = stage, freight = freight },
  })
end

--- Lists warehouses.
-- @param ns string namespace
-- @return list of Warehouse objects
function Client:warehouses(ns)
  return items(self, path(ns, "warehouses"))
end

--- Gets a warehouse.
-- @param ns string namespace
-- @param name string warehouse name
-- @return the Warehouse object
function Client:warehouse(ns, name)
  return request(self, "GET", path(ns, "warehouses", name))
end

--- Lists Kargo projects (cluster-scoped).
-- @return list of Project objects
function Client:projects()
  return items(self, API .. "/projects")
end

--- Gets a Kargo project.
-- @param name string project name
-- @return the Project object
function Client:project(name)
  return request(self, "GET", API .. "/projects/" .. name)
end

--- An overview of every stage of a namespace.
-- @param ns string namespace
-- @return list of `{name, phase, freight, healthy}`, in the API's order
function Client:pipeline_status(ns)
  local out = {}
  for _, s in ipairs(self:stages(ns)) do
    local status = s.status or {}
    out[#out + 1] = {
      name = (s.metadata or {}).name,
      phase = status.phase,
      freight = current_freight(status),
      healthy = stage_healthy(s),
    }
  end
  return out
end

return M
