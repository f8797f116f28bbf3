--- @module assay.k8s.wait
-- Readiness rules and polling for assay.k8s: when an object counts as ready (per kind), and
-- a loop that repeats a check until it passes or a deadline passes. `k8s.is_ready` and
-- `k8s.wait_ready` are built on these.

local M = {}

--- The interval, in seconds, between two checks of `k8s.wait_ready`.
M.INTERVAL = 2

-- A phase that means "ready" for kinds judged by status.phase (namespace, pod, pvc, ...).
local READY_PHASES = { Active = true, Running = true, Bound = true, Ready = true }

-- The status of the first condition of type Ready: true/false, or nil when there is none.
local function ready_condition(status)
  for _, cond in ipairs(status.conditions or {}) do
    if cond.type == "Ready" then return cond.status == "True" end
  end
  return nil
end

local function replicas_ready(status)
  local desired = status.replicas or 0
  return (status.readyReplicas or 0) >= desired and desired > 0
end

-- Kinds with their own rule; every other kind uses the Ready condition, then the phase.
local RULES = {
  deployment = replicas_ready,
  statefulset = replicas_ready,
  daemonset = function(status)
    local desired = status.desiredNumberScheduled or 0
    return (status.numberReady or 0) >= desired and desired > 0
  end,
  job = function(status)
    return (status.succeeded or 0) >= 1
  end,
  node = function(status)
    return ready_condition(status) == true
  end,
}

--- Whether an object, as the API returned it, is ready.
-- Deployments and statefulsets: `readyReplicas >= replicas > 0`; daemonsets:
-- `numberReady >= desiredNumberScheduled > 0`; jobs: `succeeded >= 1`; nodes: the Ready
-- condition is "True"; any other kind: the Ready condition when it has one, else
-- `status.phase` is Active, Running, Bound or Ready.
-- @param kind string the object's kind, any case
-- @param object table the object (its `status` is read)
-- @return boolean
function M.object_ready(kind, object)
  local status = object.status or {}
  local rule = RULES[kind:lower()]
  if rule then return rule(status) end
  local cond = ready_condition(status)
  if cond ~= nil then return cond end
  return READY_PHASES[status.phase] == true
end

--- Calls `check` until it returns a true value, sleeping `interval` seconds after each
-- failed attempt; an error raised by `check` counts as a failed attempt. Stops once
-- `timeout` seconds have passed since the start (measured with `time()`).
-- @param check function called with no arguments
-- @param timeout number seconds
-- @param interval number seconds between attempts
-- @return boolean true when `check` passed, false when the time ran out
function M.poll(check, timeout, interval)
  local start = time()
  while time() - start < timeout do
    local ok, done = pcall(check)
    if ok and done then return true end
    sleep(interval)
  end
  return false
end

return M
