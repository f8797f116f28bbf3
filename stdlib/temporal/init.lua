--- @module assay.temporal
-- Temporal HTTP API client (the UI server / grpc-gateway `/api/v1` routes), v0.4-compatible:
-- health, system info, namespaces, workflows (list, describe, history, signal, terminate,
-- cancel, search), task queues, schedules, and a wait for a workflow to finish. It does not
-- start or run workflows.
--
--   local temporal = require("assay.temporal")
--   local c = temporal.client("http://temporal-ui:8080", { namespace = "prod" })
--   c:signal_workflow("order-42", "approve", { { data = "..." } })
--   local wf = c:wait_workflow_complete("order-42", 600)
--
-- Requests send `Content-Type: application/json` (and `Authorization: Bearer <api_key>` when
-- set); `health` sends no headers. Any status but 200 raises
-- `temporal: <METHOD> <path> HTTP <status>: <body>`. Each call's `opts.namespace` overrides
-- the client's namespace. Ids and query values are sent as given, as v0.4 did (the HTTP
-- layer percent-encodes spaces and quotes), except that `+`, `&` and `#` in query values are
-- encoded, so a visibility query such as `StartTime > '2024-01-01T00:00:00+01:00'` arrives
-- intact.

local rest = require("assay.internal.rest")

local M = {}

local Client = {}
Client.__index = Client

local RUNNING = "WORKFLOW_EXECUTION_STATUS_RUNNING"

--- Sends one request and decodes the JSON answer; anything but 200 is an error.
local function request(self, method, path, body)
  return rest.request(self.url, method, path, body, { name = "temporal", headers = rest.json_headers(self.api_key) })
end

--- "?k=v&..." from a list of {key, value}; nil/false values are left out.
local function query(params)
  for _, kv in ipairs(params) do
    if kv[2] == false then kv[2] = nil end
  end
  return rest.query(params)
end

--- /api/v1/namespaces/<ns> for a call's opts (its `namespace`, else the client's).
local function ns_path(self, opts)
  return "/api/v1/namespaces/" .. (opts and opts.namespace or self.default_ns)
end

--- The execution status of a describe-workflow answer, or nil.
local function execution_status(wf)
  return wf and wf.workflowExecutionInfo and wf.workflowExecutionInfo.status
end

--- Creates a client.
-- @param url string the Temporal HTTP API URL (trailing slashes are stripped)
-- @param opts table|nil `namespace` (default "default"), `api_key` (sent as a Bearer token)
-- @return client with public fields `url`, `default_ns`, `api_key`
function M.client(url, opts)
  if type(url) ~= "string" then error("temporal.client: url must be a string", 2) end
  opts = opts or {}
  return setmetatable({
    url = rest.base(url),
    default_ns = opts.namespace or "default",
    api_key = opts.api_key,
  }, Client)
end

--- Whether `/health` answers 200 (no headers sent; never raises on a status).
-- @return boolean
function Client:health()
  return http.get(self.url .. "/health").status == 200
end

--- Server and capability information.
-- @return the system-info object (`serverVersion`, `capabilities`, ...)
function Client:system_info()
  return request(self, "GET", "/api/v1/system-info")
end

--- Lists namespaces.
-- @return `{namespaces = {...}, nextPageToken}`
function Client:namespaces()
  return request(self, "GET", "/api/v1/namespaces")
end

--- Describes a namespace.
-- @param name string namespace name
-- @return the namespace object (`namespaceInfo`, `config`, ...)
function Client:namespace(name)
  return request(self, "GET", "/api/v1/namespaces/" .. name)
end

--- Lists workflow executions.
-- @param opts table|nil `query` (visibility query), `page_size`, `namespace`
-- @return `{executions = {...}, nextPageToken}`
function Client:workflows(opts)
  opts = opts or {}
  return request(self, "GET", ns_path(self, opts) .. "/workflows" .. query({ { "query", opts.query }, { "pageSize", opts.page_size } }))
end

--- Describes a workflow execution.
-- @param id string workflow id
-- @param run_id string|nil run id (latest run when nil)
-- @param opts table|nil `namespace`
-- @return the execution description (`workflowExecutionInfo.status`, ...)
function Client:workflow(id, run_id, opts)
  return request(self, "GET", ns_path(self, opts) .. "/workflows/" .. id .. query({ { "runId", run_id } }))
end

--- A workflow execution's event history.
-- @param id string workflow id
-- @param run_id string|nil run id
-- @param opts table|nil `maximum_page_size`, `namespace`
-- @return `{history = {events = {...}}, nextPageToken}`
function Client:workflow_history(id, run_id, opts)
  local qs = query({ { "runId", run_id }, { "maximumPageSize", (opts or {}).maximum_page_size } })
  return request(self, "GET", ns_path(self, opts) .. "/workflows/" .. id .. "/history" .. qs)
end

--- Signals a workflow.
-- @param id string workflow id
-- @param signal string signal name
-- @param input table|nil signal input (Temporal payloads), sent as `input`
-- @param opts table|nil `run_id`, `namespace`
-- @return the decoded answer
function Client:signal_workflow(id, signal, input, opts)
  local qs = query({ { "runId", (opts or {}).run_id } })
  return request(self, "POST", ns_path(self, opts) .. "/workflows/" .. id .. "/signal" .. qs, { signalName = signal, input = input or nil })
end

--- Terminates a workflow.
-- @param id string workflow id
-- @param reason string|nil sent as `reason`
-- @param opts table|nil `run_id`, `namespace`
-- @return the decoded answer
function Client:terminate_workflow(id, reason, opts)
  local qs = query({ { "runId", (opts or {}).run_id } })
  return request(self, "POST", ns_path(self, opts) .. "/workflows/" .. id .. "/terminate" .. qs, { reason = reason or nil })
end

--- Requests cancellation of a workflow (body `{}`).
-- @param id string workflow id
-- @param opts table|nil `run_id`, `namespace`
-- @return the decoded answer
function Client:cancel_workflow(id, opts)
  local qs = query({ { "runId", (opts or {}).run_id } })
  return request(self, "POST", ns_path(self, opts) .. "/workflows/" .. id .. "/cancel" .. qs, {})
end

--- Describes a task queue.
-- @param name string task queue name
-- @param opts table|nil `task_queue_type` (e.g. "TASK_QUEUE_TYPE_WORKFLOW"), `namespace`
-- @return the task-queue description (`pollers`, ...)
function Client:task_queue(name, opts)
  local qs = query({ { "taskQueueType", (opts or {}).task_queue_type } })
  return request(self, "GET", ns_path(self, opts) .. "/task-queues/" .. name .. qs)
end

--- Lists schedules.
-- @param opts table|nil `maximum_page_size`, `namespace`
-- @return `{schedules = {...}, nextPageToken}`
function Client:schedules(opts)
  local qs = query({ { "maximumPageSize", (opts or {}).maximum_page_size } })
  return request(self, "GET", ns_path(self, opts) .. "/schedules" .. qs)
end

--- Describes a schedule.
-- @param id string schedule id
-- @param opts table|nil `namespace`
-- @return the schedule description
function Client:schedule(id, opts)
  return request(self, "GET", ns_path(self, opts) .. "/schedules/" .. id)
end

--- Lists workflow executions matching a visibility query.
-- @param query_text string|nil the query (e.g. `WorkflowType='Order' AND ExecutionStatus='Running'`)
-- @param opts table|nil `page_size`, `namespace`
-- @return `{executions = {...}, nextPageToken}`
function Client:search(query_text, opts)
  local qs = query({ { "query", query_text }, { "pageSize", (opts or {}).page_size } })
  return request(self, "GET", ns_path(self, opts) .. "/workflows" .. qs)
end

--- Whether a workflow's latest run is running.
-- @param id string workflow id
-- @param opts table|nil `namespace`
-- @return boolean (false when the answer has no status)
function Client:is_workflow_running(id, opts)
  return execution_status(self:workflow(id, nil, opts)) == RUNNING
end

--- Waits until a workflow's latest run has a status other than running. HTTP errors are
-- raised at once; the last poll is made at the deadline.
-- @param id string workflow id
-- @param timeout_secs number how long to wait
-- @param opts table|nil `namespace`, `interval` (seconds between polls, default 5)
-- @return the workflow description; raises `temporal: timeout waiting for workflow <id> to complete`
function Client:wait_workflow_complete(id, timeout_secs, opts)
  local function finished()
    local wf = self:workflow(id, nil, opts)
    local status = execution_status(wf)
    if status and status ~= RUNNING then return wf end
  end
  local wf = rest.poll(finished, timeout_secs, opts and opts.interval or 5)
  if wf == nil then error("temporal: timeout waiting for workflow " .. id .. " to complete") end
  return wf
end

return M
