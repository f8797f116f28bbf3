-- Tests of assay.kargo against a mock Kubernetes API serving Kargo resources.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local kargo = require("assay.kargo")

local B = "/apis/kargo.akuity.io/v1alpha1"
local NS = B .. "/namespaces/proj"

local function object(kind, name, status)
  return {
    apiVersion = "kargo.akuity.io/v1alpha1",
    kind = kind,
    metadata = { name = name, namespace = "proj", uid = name .. "-uid" },
    status = status,
  }
end

local function list(kind, items)
  return { apiVersion = "kargo.akuity.io/v1alpha1", kind = kind .. "List", metadata = { resourceVersion = "7" }, items = items }
end

local function condition(type, status) return { type = type, status = status, reason = "R", message = "m" } end

local function stage(name, status) return object("Stage", name, status) end

local function setup(routes)
  local m = mock.server(routes)
  return m, kargo.client(m.url .. "/", "tok")
end

-- Checks the latest request's method, path, raw query and token.
local function expect(m, method, path, query)
  return support.expect_last(m, method, path, query, { authorization = "Bearer tok" })
end

-- A server whose stage "staging" is answered with the next of `answers` on each poll (the
-- last repeats); an answer is a response table.
local function polling(answers)
  local n = 0
  return setup({
    ["GET " .. NS .. "/stages/staging"] = function()
      n = n + 1
      return answers[math.min(n, #answers)]
    end,
  })
end

test("client strips trailing slashes; a client without a token cannot call", function()
  local c = kargo.client("http://k8s.local//", "t")
  assert.eq(c.url, "http://k8s.local")
  assert.eq(c.token, "t")
  local m = mock.server({ ["GET " .. B .. "/projects"] = { json = list("Project", {}) } })
  local ok, err = pcall(kargo.client(m.url).projects, kargo.client(m.url))
  assert.eq(ok, false)
  assert.contains(err, "kargo: the client has no token")
  assert.eq(m:count(), 0)
end)

test("stages lists items; stage gets one", function()
  local m, c = setup({
    ["GET " .. NS .. "/stages"] = { json = list("Stage", { stage("dev", { phase = "Steady" }), stage("prod", {}) }) },
    ["GET " .. NS .. "/stages/dev"] = { json = stage("dev", { phase = "Steady" }) },
  })
  local stages = c:stages("proj")
  expect(m, "GET", NS .. "/stages")
  assert.eq(#stages, 2)
  assert.eq(stages[2].metadata.name, "prod")
  assert.eq(c:stage("proj", "dev").status.phase, "Steady")
  expect(m, "GET", NS .. "/stages/dev")
  m:on("GET " .. NS .. "/stages", { json = { kind = "StageList" } })
  assert.same(c:stages("proj"), {})
end)

test("stage_status reads currentFreight.name, else currentFreightId", function()
  local conds = { condition("Healthy", "True") }
  local m, c = setup({
    ["GET " .. NS .. "/stages/dev"] = { json = stage("dev", { phase = "Steady", currentFreight = { name = "f1" }, health = { status = "Healthy" }, conditions = conds }) },
    ["GET " .. NS .. "/stages/old"] = { json = stage("old", { phase = "Promoting", currentFreightId = "f0" }) },
  })
  assert.same(c:stage_status("proj", "dev"), { phase = "Steady", current_freight_id = "f1", health = { status = "Healthy" }, conditions = conds })
  expect(m, "GET", NS .. "/stages/dev")
  assert.same(c:stage_status("proj", "old"), { phase = "Promoting", current_freight_id = "f0", conditions = {} })
end)

test("is_stage_healthy: Steady phase, else the last Healthy condition", function()
  local cases = {
    { { phase = "Steady" }, true },
    { { phase = "Promoting", conditions = { condition("Healthy", "False"), condition("Healthy", "True") } }, true },
    { { conditions = { condition("Healthy", "True"), condition("Ready", "True"), condition("Healthy", "False") } }, false },
    { { conditions = { condition("Ready", "True") } }, false },
    { nil, false },
  }
  local m, c = setup({})
  for i, case in ipairs(cases) do
    m:on("GET " .. NS .. "/stages/s", { json = stage("s", case[1]) })
    assert.eq(c:is_stage_healthy("proj", "s"), case[2], "case " .. i)
  end
  expect(m, "GET", NS .. "/stages/s")
end)

test("wait_stage_healthy polls through errors until healthy", function()
  local m, c = polling({
    { status = 503, body = "unavailable" },
    { json = stage("staging", { phase = "Promoting" }) },
    { json = stage("staging", { phase = "Steady" }) },
  })
  assert.eq(c:wait_stage_healthy("proj", "staging", 5, { interval = 0.01 }), true)
  assert.eq(m:count(), 3)
end)

test("wait_stage_healthy times out, polling errors included", function()
  local m, c = polling({ { json = stage("staging", { phase = "Promoting" }) }, { status = 500, body = "boom" } })
  local ok, err = pcall(c.wait_stage_healthy, c, "proj", "staging", 0.05, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "kargo: stage proj/staging not healthy after 0.05s")
  assert.gt(m:count(), 0)
end)

test("wait_stage_healthy counts the time polls take", function()
  local m, c = polling({ { delay = 0.1, json = stage("staging", { phase = "Promoting" }) } })
  local started = time()
  local ok, err = pcall(c.wait_stage_healthy, c, "proj", "staging", 0.15, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "not healthy after 0.15s")
  assert.lt(m:count(), 5, "15 polls of 0.1 s if only the intervals were counted")
  assert.lt(time() - started, 1.2)
end)

test("freight_list without and with stage/warehouse selectors", function()
  local f = object("Freight", "f1", { verifiedIn = {} })
  local m, c = setup({ ["GET " .. NS .. "/freight"] = { json = list("Freight", { f }) } })
  assert.eq(c:freight_list("proj")[1].metadata.name, "f1")
  expect(m, "GET", NS .. "/freight")
  c:freight_list("proj", { stage = "dev", warehouse = "main" })
  expect(m, "GET", NS .. "/freight", "labelSelector=kargo.akuity.io/stage=dev&labelSelector=kargo.akuity.io/warehouse=main")
  c:freight_list("proj", { warehouse = "main" })
  expect(m, "GET", NS .. "/freight", "labelSelector=kargo.akuity.io/warehouse=main")
end)

test("freight and freight_status", function()
  local m, c = setup({
    ["GET " .. NS .. "/freight/f1"] = { json = object("Freight", "f1", { verifiedIn = { dev = {} } }) },
    ["GET " .. NS .. "/freight/f2"] = { json = object("Freight", "f2") },
  })
  assert.eq(c:freight("proj", "f1").metadata.name, "f1")
  expect(m, "GET", NS .. "/freight/f1")
  assert.same(c:freight_status("proj", "f1"), { verifiedIn = { dev = {} } })
  assert.same(c:freight_status("proj", "f2"), {})
end)

test("promotions, by stage too", function()
  local p = object("Promotion", "dev-abc", { phase = "Succeeded" })
  local m, c = setup({ ["GET " .. NS .. "/promotions"] = { json = list("Promotion", { p }) } })
  assert.eq(c:promotions("proj")[1].status.phase, "Succeeded")
  expect(m, "GET", NS .. "/promotions")
  c:promotions("proj", { stage = "dev" })
  expect(m, "GET", NS .. "/promotions", "labelSelector=kargo.akuity.io/stage=dev")
  c:promotions("proj", { stage = "a+b" })
  expect(m, "GET", NS .. "/promotions", "labelSelector=kargo.akuity.io/stage=a%2Bb")
end)

test("promotion and promotion_status (freight.name, else freightId)", function()
  local m, c = setup({
    ["GET " .. NS .. "/promotions/p1"] = { json = object("Promotion", "p1", { phase = "Failed", message = "boom", freight = { name = "f1" } }) },
    ["GET " .. NS .. "/promotions/p0"] = { json = object("Promotion", "p0", { phase = "Running", freightId = "f0" }) },
  })
  assert.eq(c:promotion("proj", "p1").metadata.name, "p1")
  expect(m, "GET", NS .. "/promotions/p1")
  assert.same(c:promotion_status("proj", "p1"), { phase = "Failed", message = "boom", freight_id = "f1" })
  assert.same(c:promotion_status("proj", "p0"), { phase = "Running", freight_id = "f0" })
end)

test("promote creates a Promotion", function()
  local m, c = setup({
    ["POST " .. NS .. "/promotions"] = function(req)
      local p = req.json
      p.metadata.name = "staging-x1"
      return { status = 201, json = p }
    end,
  })
  local p = c:promote("proj", "staging", "f1")
  assert.eq(p.metadata.name, "staging-x1")
  local req = expect(m, "POST", NS .. "/promotions")
  assert.eq(req.headers["content-type"], "application/json")
  assert.eq(req.body, json.encode({
    apiVersion = "kargo.akuity.io/v1alpha1",
    kind = "Promotion",
    metadata = { namespace = "proj", generateName = "staging-" },
    spec = { stage = "staging", freight = "f1" },
  }))
end)

test("warehouses and warehouse", function()
  local w = object("Warehouse", "main", { lastFreightID = "f1" })
  local m, c = setup({
    ["GET " .. NS .. "/warehouses"] = { json = list("Warehouse", { w }) },
    ["GET " .. NS .. "/warehouses/main"] = { json = w },
  })
  assert.eq(c:warehouses("proj")[1].metadata.name, "main")
  expect(m, "GET", NS .. "/warehouses")
  assert.eq(c:warehouse("proj", "main").status.lastFreightID, "f1")
  expect(m, "GET", NS .. "/warehouses/main")
end)

test("projects and project", function()
  local p = object("Project", "proj", { phase = "Ready" })
  local m, c = setup({
    ["GET " .. B .. "/projects"] = { json = list("Project", { p }) },
    ["GET " .. B .. "/projects/proj"] = { json = p },
  })
  assert.eq(c:projects()[1].metadata.name, "proj")
  expect(m, "GET", B .. "/projects")
  assert.eq(c:project("proj").status.phase, "Ready")
  expect(m, "GET", B .. "/projects/proj")
end)

test("pipeline_status summarises every stage", function()
  local m, c = setup({
    ["GET " .. NS .. "/stages"] = { json = list("Stage", {
      stage("dev", { phase = "Steady", currentFreight = { name = "f2" } }),
      stage("prod", { phase = "Promoting", currentFreightId = "f1", conditions = { condition("Healthy", "False") } }),
    }) },
  })
  assert.same(c:pipeline_status("proj"), {
    { name = "dev", phase = "Steady", freight = "f2", healthy = true },
    { name = "prod", phase = "Promoting", freight = "f1", healthy = false },
  })
  expect(m, "GET", NS .. "/stages")
end)

test("GET answered other than 200 raises", function()
  local m, c = setup({
    ["GET " .. NS .. "/stages/gone"] = { status = 404, body = "not found" },
    ["GET " .. NS .. "/stages"] = { status = 204 },
  })
  local ok, err = pcall(c.stage, c, "proj", "gone")
  assert.eq(ok, false)
  assert.contains(err, "kargo: GET " .. NS .. "/stages/gone HTTP 404: not found")
  ok, err = pcall(c.stages, c, "proj")
  assert.eq(ok, false)
  assert.contains(err, "kargo: GET " .. NS .. "/stages HTTP 204: ")
end)

test("POST accepts any 2xx and raises otherwise", function()
  local m, c = setup({ ["POST " .. NS .. "/promotions"] = { status = 200, json = { kind = "Promotion" } } })
  assert.eq(c:promote("proj", "dev", "f1").kind, "Promotion")
  m:on("POST " .. NS .. "/promotions", { status = 403, body = "forbidden" })
  local ok, err = pcall(c.promote, c, "proj", "dev", "f1")
  assert.eq(ok, false)
  assert.contains(err, "kargo: POST " .. NS .. "/promotions HTTP 403: forbidden")
end)
