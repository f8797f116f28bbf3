-- Tests of assay.temporal against a mock Temporal HTTP API.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local temporal = require("assay.temporal")

local N = "/api/v1/namespaces/default"
local RUNNING, COMPLETED = "WORKFLOW_EXECUTION_STATUS_RUNNING", "WORKFLOW_EXECUTION_STATUS_COMPLETED"

local function describe(id, status)
  return {
    executionConfig = { taskQueue = { name = "orders" } },
    workflowExecutionInfo = {
      execution = { workflowId = id, runId = "run-1" },
      type = { name = "OrderWorkflow" },
      startTime = "2024-05-01T10:00:00Z",
      status = status,
      historyLength = "12",
    },
  }
end

local function executions(...)
  local out = {}
  for i, id in ipairs({ ... }) do out[i] = { execution = { workflowId = id, runId = "run-" .. i }, status = RUNNING } end
  return { executions = out, nextPageToken = "" }
end

local function setup(routes, opts)
  local m = mock.server(routes)
  return m, temporal.client(m.url .. "/", opts)
end

-- Checks the latest request: method, path, raw query, JSON content type, authorization.
local function expect(m, method, path, query, auth)
  local req = support.expect_last(m, method, path, query, { ["content-type"] = "application/json" })
  assert.eq(req.headers.authorization, auth)
  return req
end

-- A server answering the description of workflow "wf" with the next of `statuses` (the last
-- one repeats).
local function polling(statuses)
  local n = 0
  return setup({
    ["GET " .. N .. "/workflows/wf"] = function()
      n = n + 1
      return { json = describe("wf", statuses[math.min(n, #statuses)]) }
    end,
  })
end

test("client defaults: namespace default, no api key; fields are public", function()
  local c = temporal.client("http://temporal:8080//")
  assert.eq(c.url, "http://temporal:8080")
  assert.eq(c.default_ns, "default")
  assert.eq(c.api_key, nil)
  c = temporal.client("http://temporal:8080", { namespace = "prod", api_key = "k" })
  assert.eq(c.default_ns, "prod")
  assert.eq(c.api_key, "k")
end)

test("health is true on 200 and false otherwise, sending no headers", function()
  local m, c = setup({ ["GET /health"] = { body = "OK" } }, { api_key = "k" })
  assert.eq(c:health(), true)
  local req = m:last()
  assert.eq(req.path, "/health")
  assert.eq(req.headers.authorization, nil)
  assert.eq(req.headers["content-type"], nil)
  m:on("GET /health", { status = 503, body = "NOT_SERVING" })
  assert.eq(c:health(), false)
end)

test("system_info sends the api key as a Bearer token", function()
  local m, c = setup({ ["GET /api/v1/system-info"] = { json = { serverVersion = "1.24.2", capabilities = { signalAndQueryHeader = true } } } }, { api_key = "k" })
  assert.eq(c:system_info().serverVersion, "1.24.2")
  expect(m, "GET", "/api/v1/system-info", "", "Bearer k")
end)

test("namespaces and namespace", function()
  local ns = { namespaceInfo = { name = "default", state = "NAMESPACE_STATE_REGISTERED" }, config = { workflowExecutionRetentionTtl = "86400s" } }
  local m, c = setup({
    ["GET /api/v1/namespaces"] = { json = { namespaces = { ns } } },
    ["GET /api/v1/namespaces/default"] = { json = ns },
  })
  assert.eq(c:namespaces().namespaces[1].namespaceInfo.name, "default")
  expect(m, "GET", "/api/v1/namespaces")
  assert.eq(c:namespace("default").config.workflowExecutionRetentionTtl, "86400s")
  expect(m, "GET", "/api/v1/namespaces/default")
end)

test("workflows lists executions with query and pageSize", function()
  local m, c = setup({ ["GET " .. N .. "/workflows"] = { json = executions("a", "b") } })
  assert.eq(#c:workflows().executions, 2)
  expect(m, "GET", N .. "/workflows")
  c:workflows({ query = "WorkflowType='Order'", page_size = 10 })
  local req = expect(m, "GET", N .. "/workflows", "query=WorkflowType=%27Order%27&pageSize=10")
  assert.eq(req.args.pageSize, "10")
end)

test("a call's namespace overrides the client's", function()
  local m, c = setup({ ["GET /api/v1/namespaces/:ns/workflows"] = { json = executions() } }, { namespace = "prod" })
  c:workflows()
  expect(m, "GET", "/api/v1/namespaces/prod/workflows")
  c:workflows({ namespace = "staging" })
  expect(m, "GET", "/api/v1/namespaces/staging/workflows")
end)

test("workflow describes an execution, by run id too", function()
  local m, c = setup({ ["GET " .. N .. "/workflows/order-42"] = { json = describe("order-42", RUNNING) } })
  assert.eq(c:workflow("order-42").workflowExecutionInfo.type.name, "OrderWorkflow")
  expect(m, "GET", N .. "/workflows/order-42")
  c:workflow("order-42", "run-1", { namespace = "default" })
  expect(m, "GET", N .. "/workflows/order-42", "runId=run-1")
end)

test("workflow_history passes runId and maximumPageSize", function()
  local hist = { history = { events = { { eventId = "1", eventType = "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED" } } }, nextPageToken = "" }
  local m, c = setup({ ["GET " .. N .. "/workflows/order-42/history"] = { json = hist } })
  assert.eq(c:workflow_history("order-42").history.events[1].eventId, "1")
  expect(m, "GET", N .. "/workflows/order-42/history")
  c:workflow_history("order-42", "run-1", { maximum_page_size = 50 })
  expect(m, "GET", N .. "/workflows/order-42/history", "runId=run-1&maximumPageSize=50")
end)

test("signal_workflow posts signalName and input", function()
  local m, c = setup({ ["POST " .. N .. "/workflows/order-42/signal"] = { json = {} } })
  local payloads = { payloads = { { metadata = { encoding = "anNvbi9wbGFpbg==" }, data = "InllcyI=" } } }
  assert.same(c:signal_workflow("order-42", "approve", payloads, { run_id = "run-1" }), {})
  local req = expect(m, "POST", N .. "/workflows/order-42/signal", "runId=run-1")
  assert.eq(req.body, json.encode({ signalName = "approve", input = payloads }))
  c:signal_workflow("order-42", "ping")
  req = expect(m, "POST", N .. "/workflows/order-42/signal")
  assert.eq(req.body, '{"signalName":"ping"}')
end)

test("terminate_workflow posts the reason; without one an empty object", function()
  local m, c = setup({ ["POST " .. N .. "/workflows/order-42/terminate"] = { json = {} } })
  c:terminate_workflow("order-42", "stuck", { run_id = "run-1" })
  assert.eq(expect(m, "POST", N .. "/workflows/order-42/terminate", "runId=run-1").body, '{"reason":"stuck"}')
  c:terminate_workflow("order-42")
  assert.eq(expect(m, "POST", N .. "/workflows/order-42/terminate").body, "{}")
end)

test("cancel_workflow posts an empty object", function()
  local m, c = setup({ ["POST " .. N .. "/workflows/order-42/cancel"] = { json = {} } })
  assert.same(c:cancel_workflow("order-42"), {})
  assert.eq(expect(m, "POST", N .. "/workflows/order-42/cancel").body, "{}")
  c:cancel_workflow("order-42", { run_id = "run-2" })
  expect(m, "POST", N .. "/workflows/order-42/cancel", "runId=run-2")
end)

test("task_queue passes taskQueueType", function()
  local m, c = setup({ ["GET " .. N .. "/task-queues/orders"] = { json = { pollers = { { identity = "worker@host" } } } } })
  assert.eq(c:task_queue("orders").pollers[1].identity, "worker@host")
  expect(m, "GET", N .. "/task-queues/orders")
  c:task_queue("orders", { task_queue_type = "TASK_QUEUE_TYPE_ACTIVITY" })
  expect(m, "GET", N .. "/task-queues/orders", "taskQueueType=TASK_QUEUE_TYPE_ACTIVITY")
end)

test("schedules and schedule", function()
  local m, c = setup({
    ["GET " .. N .. "/schedules"] = { json = { schedules = { { scheduleId = "nightly" } } } },
    ["GET " .. N .. "/schedules/nightly"] = { json = { schedule = { spec = { cronString = { "0 2 * * *" } } } } },
  })
  assert.eq(c:schedules().schedules[1].scheduleId, "nightly")
  expect(m, "GET", N .. "/schedules")
  c:schedules({ maximum_page_size = 20 })
  expect(m, "GET", N .. "/schedules", "maximumPageSize=20")
  assert.eq(c:schedule("nightly").schedule.spec.cronString[1], "0 2 * * *")
  expect(m, "GET", N .. "/schedules/nightly")
end)

test("search sends the query as given (the HTTP layer encodes spaces and quotes)", function()
  local m, c = setup({ ["GET " .. N .. "/workflows"] = { json = executions("a") } })
  assert.eq(c:search("ExecutionStatus='Running' AND WorkflowType='Order'", { page_size = 5 }).executions[1].execution.workflowId, "a")
  local req = expect(m, "GET", N .. "/workflows", "query=ExecutionStatus=%27Running%27%20AND%20WorkflowType=%27Order%27&pageSize=5")
  assert.eq(req.args.query, "ExecutionStatus='Running' AND WorkflowType='Order'")
end)

test("+, & and # in query values are percent-encoded, so they arrive intact", function()
  local m, c = setup({ ["GET " .. N .. "/workflows"] = { json = executions() } })
  local q = "StartTime > '2024-01-01T00:00:00+01:00' AND WorkflowId = 'a&b#c'"
  c:search(q)
  local req = expect(m, "GET", N .. "/workflows", "query=StartTime%20%3E%20%272024-01-01T00:00:00%2B01:00%27%20AND%20WorkflowId%20=%20%27a%26b%23c%27")
  assert.eq(req.args.query, q)
end)

test("is_workflow_running", function()
  local m, c = setup({ ["GET " .. N .. "/workflows/wf"] = { json = describe("wf", RUNNING) } })
  assert.eq(c:is_workflow_running("wf"), true)
  expect(m, "GET", N .. "/workflows/wf")
  m:on("GET " .. N .. "/workflows/wf", { json = describe("wf", COMPLETED) })
  assert.eq(c:is_workflow_running("wf"), false)
  m:on("GET " .. N .. "/workflows/wf", { json = { executionConfig = {} } })
  assert.eq(c:is_workflow_running("wf"), false)
end)

test("wait_workflow_complete returns the description once not running", function()
  local m, c = polling({ RUNNING, RUNNING, COMPLETED })
  local wf = c:wait_workflow_complete("wf", 5, { interval = 0.01 })
  assert.eq(wf.workflowExecutionInfo.status, COMPLETED)
  assert.eq(m:count(), 3)
end)

test("wait_workflow_complete times out", function()
  local m, c = polling({ RUNNING })
  local ok, err = pcall(c.wait_workflow_complete, c, "wf", 0.05, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "temporal: timeout waiting for workflow wf to complete")
  assert.gt(m:count(), 0)
end)

test("wait_workflow_complete raises HTTP errors at once", function()
  local m, c = setup({ ["GET " .. N .. "/workflows/wf"] = { status = 404, json = { code = 5, message = "workflow not found" } } })
  local ok, err = pcall(c.wait_workflow_complete, c, "wf", 5, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, 'temporal: GET ' .. N .. '/workflows/wf HTTP 404: {"code":5,"message":"workflow not found"}')
  assert.eq(m:count(), 1)
end)

test("anything but 200 raises, for GET and POST", function()
  local m, c = setup({
    ["GET /api/v1/system-info"] = { status = 500, body = "boom" },
    ["POST " .. N .. "/workflows/wf/cancel"] = { status = 202, body = "accepted" },
  })
  local ok, err = pcall(c.system_info, c)
  assert.eq(ok, false)
  assert.contains(err, "temporal: GET /api/v1/system-info HTTP 500: boom")
  ok, err = pcall(c.cancel_workflow, c, "wf")
  assert.eq(ok, false)
  assert.contains(err, "temporal: POST " .. N .. "/workflows/wf/cancel HTTP 202: accepted")
end)
