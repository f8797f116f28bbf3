-- assay.velero against a mock Kubernetes API answering in velero.io/v1 shapes.
local support = require("assay.testing.support")
local velero = require("assay.velero")

local TOKEN = "k8s-t0ken"
local B = "/apis/velero.io/v1/namespaces/velero/"

--- Runs fn(c, m) against a mock answering `routes` with a client for namespace `ns`; checks
-- every request had a route, was a GET without body or query and carried the bearer token.
local function with_velero(routes, fn, ns)
  support.with_mock(routes, function(m) return velero.client(m.url .. "/", TOKEN, ns) end, fn, function(r)
    assert.eq(r.method, "GET")
    assert.eq(r.headers.authorization, "Bearer " .. TOKEN)
    assert.eq(r.query, "")
    assert.eq(r.body, "")
  end)
end

local fails = support.fails

local function obj(kind, name, status, labels, created)
  return {
    apiVersion = "velero.io/v1", kind = kind,
    metadata = { name = name, namespace = "velero", labels = labels, creationTimestamp = created },
    status = status,
  }
end

local function list(kind, items)
  return { apiVersion = "velero.io/v1", kind = kind .. "List", metadata = {}, items = items }
end

test("client defaults the namespace to velero and strips slashes", function()
  local c = velero.client("http://k8s///", "t")
  assert.eq(c.url, "http://k8s")
  assert.eq(c.token, "t")
  assert.eq(c.namespace, "velero")
  assert.eq(velero.client("http://k8s", "t", "backup-system").namespace, "backup-system")
  fails("velero.client: url must be a string", velero.client, 42, "t")
end)

test("a custom namespace goes into every path", function()
  with_velero({ ["GET /apis/velero.io/v1/namespaces/dr/backups"] = { json = list("Backup", { obj("Backup", "b1") }) } }, function(c)
    assert.eq(c:backups()[1].metadata.name, "b1")
  end, "dr")
end)

test("backups returns items; {} on 404 and on a list without items", function()
  with_velero({ ["GET " .. B .. "backups"] = { json = list("Backup", { obj("Backup", "a"), obj("Backup", "b") }) } }, function(c)
    local l = c:backups()
    assert.eq(#l, 2)
    assert.eq(l[2].metadata.name, "b")
  end)
  with_velero({ ["GET " .. B .. "backups"] = { status = 404 } }, function(c)
    assert.same(c:backups(), {})
  end)
  with_velero({ ["GET " .. B .. "backups"] = { json = { kind = "BackupList" } } }, function(c)
    assert.same(c:backups(), {})
  end)
end)

test("lists and reads raise velero: GET <path> HTTP <s>: <body>", function()
  with_velero({
    ["GET " .. B .. "backups"] = { status = 403, body = "forbidden" },
    ["GET " .. B .. "backups/x"] = { status = 500, body = "boom" },
  }, function(c)
    fails("velero: GET " .. B .. "backups HTTP 403: forbidden", c.backups, c)
    fails("velero: GET " .. B .. "backups/x HTTP 500: boom", c.backup, c, "x")
    fails("velero: GET " .. B .. "backups/x HTTP 500: boom", c.backup_status, c, "x")
    fails("velero: GET " .. B .. "backups/x HTTP 500: boom", c.is_backup_completed, c, "x")
  end)
end)

test("backup reads one; nil on 404", function()
  with_velero({
    ["GET " .. B .. "backups/daily-1"] = { json = obj("Backup", "daily-1", { phase = "Completed" }) },
    ["GET " .. B .. "backups/gone"] = { status = 404, json = { kind = "Status", code = 404 } },
  }, function(c)
    assert.eq(c:backup("daily-1").status.phase, "Completed")
    assert.eq(c:backup("gone"), nil)
  end)
end)

test("backup_status maps status fields with 0 defaults; raises for a missing backup", function()
  local full = obj("Backup", "full", {
    phase = "PartiallyFailed", startTimestamp = "2026-02-13T01:00:00Z", completionTimestamp = "2026-02-13T01:05:00Z",
    expiration = "2026-03-15T01:00:00Z", errors = 2, warnings = 5, itemsBackedUp = 120, totalItems = 130,
  })
  with_velero({
    ["GET " .. B .. "backups/full"] = { json = full },
    ["GET " .. B .. "backups/new"] = { json = obj("Backup", "new") },
    ["GET " .. B .. "backups/gone"] = { status = 404 },
  }, function(c)
    assert.same(c:backup_status("full"), {
      phase = "PartiallyFailed", started = "2026-02-13T01:00:00Z", completed = "2026-02-13T01:05:00Z",
      expiration = "2026-03-15T01:00:00Z", errors = 2, warnings = 5, items_backed_up = 120, items_total = 130,
    })
    assert.same(c:backup_status("new"), { errors = 0, warnings = 0, items_backed_up = 0, items_total = 0 })
    fails("velero: backup gone not found", c.backup_status, c, "gone")
  end)
end)

test("is_backup_completed / is_backup_failed by phase", function()
  local phases = { ok = "Completed", bad = "Failed", partial = "PartiallyFailed", running = "InProgress" }
  local routes = { ["GET " .. B .. "backups/gone"] = { status = 404 } }
  for name, p in pairs(phases) do routes["GET " .. B .. "backups/" .. name] = { json = obj("Backup", name, { phase = p }) } end
  with_velero(routes, function(c)
    assert.eq(c:is_backup_completed("ok"), true)
    assert.eq(c:is_backup_completed("running"), false)
    assert.eq(c:is_backup_completed("gone"), false)
    assert.eq(c:is_backup_failed("bad"), true)
    assert.eq(c:is_backup_failed("partial"), true)
    assert.eq(c:is_backup_failed("ok"), false)
    assert.eq(c:is_backup_failed("gone"), false)
  end)
end)

test("latest_backup picks the newest backup of the schedule", function()
  local S = "velero.io/schedule-name"
  local items = {
    obj("Backup", "daily-1", nil, { [S] = "daily" }, "2026-02-11T01:00:00Z"),
    obj("Backup", "daily-3", nil, { [S] = "daily" }, "2026-02-13T01:00:00Z"),
    obj("Backup", "weekly-1", nil, { [S] = "weekly" }, "2026-02-14T01:00:00Z"),
    obj("Backup", "daily-2", nil, { [S] = "daily" }, "2026-02-12T01:00:00Z"),
    obj("Backup", "manual", nil, nil, "2026-02-15T01:00:00Z"),
  }
  with_velero({ ["GET " .. B .. "backups"] = { json = list("Backup", items) } }, function(c)
    assert.eq(c:latest_backup("daily").metadata.name, "daily-3")
    assert.eq(c:latest_backup("weekly").metadata.name, "weekly-1")
    assert.eq(c:latest_backup("hourly"), nil)
  end)
end)

test("restores / restore / restore_status / is_restore_completed", function()
  local done = obj("Restore", "r1", { phase = "Completed", startTimestamp = "s", completionTimestamp = "e", errors = 0, warnings = 3 })
  with_velero({
    ["GET " .. B .. "restores"] = { json = list("Restore", { done }) },
    ["GET " .. B .. "restores/r1"] = { json = done },
    ["GET " .. B .. "restores/r2"] = { json = obj("Restore", "r2", { phase = "InProgress" }) },
    ["GET " .. B .. "restores/gone"] = { status = 404 },
    ["GET " .. B .. "restores/err"] = { status = 500, body = "e" },
  }, function(c)
    assert.eq(c:restores()[1].metadata.name, "r1")
    assert.eq(c:restore("r1").kind, "Restore")
    assert.eq(c:restore("gone"), nil)
    fails("velero: GET " .. B .. "restores/err HTTP 500: e", c.restore, c, "err")
    assert.same(c:restore_status("r1"), { phase = "Completed", started = "s", completed = "e", errors = 0, warnings = 3 })
    assert.same(c:restore_status("r2"), { phase = "InProgress", errors = 0, warnings = 0 })
    fails("velero: restore gone not found", c.restore_status, c, "gone")
    assert.eq(c:is_restore_completed("r1"), true)
    assert.eq(c:is_restore_completed("r2"), false)
    assert.eq(c:is_restore_completed("gone"), false)
  end)
end)

test("schedules / schedule / schedule_status / is_schedule_enabled", function()
  local daily = obj("Schedule", "daily", { phase = "Enabled", lastBackup = "2026-02-13T01:00:00Z" })
  local broken = obj("Schedule", "broken", { phase = "FailedValidation", validationErrors = { "invalid schedule" } })
  with_velero({
    ["GET " .. B .. "schedules"] = { json = list("Schedule", { daily, broken }) },
    ["GET " .. B .. "schedules/daily"] = { json = daily },
    ["GET " .. B .. "schedules/broken"] = { json = broken },
    ["GET " .. B .. "schedules/gone"] = { status = 404 },
  }, function(c)
    assert.eq(#c:schedules(), 2)
    assert.eq(c:schedule("daily").status.phase, "Enabled")
    assert.eq(c:schedule("gone"), nil)
    assert.same(c:schedule_status("daily"), { phase = "Enabled", last_backup = "2026-02-13T01:00:00Z", validation_errors = {} })
    assert.same(c:schedule_status("broken"), { phase = "FailedValidation", validation_errors = { "invalid schedule" } })
    fails("velero: schedule gone not found", c.schedule_status, c, "gone")
    assert.eq(c:is_schedule_enabled("daily"), true)
    assert.eq(c:is_schedule_enabled("broken"), false)
    assert.eq(c:is_schedule_enabled("gone"), false)
  end)
end)

test("backup storage locations: list, get, availability", function()
  local def = obj("BackupStorageLocation", "default", { phase = "Available", lastValidationTime = "t" })
  with_velero({
    ["GET " .. B .. "backupstoragelocations"] = { json = list("BackupStorageLocation", { def }) },
    ["GET " .. B .. "backupstoragelocations/default"] = { json = def },
    ["GET " .. B .. "backupstoragelocations/s3"] = { json = obj("BackupStorageLocation", "s3", { phase = "Unavailable" }) },
    ["GET " .. B .. "backupstoragelocations/gone"] = { status = 404 },
  }, function(c)
    assert.eq(c:backup_storage_locations()[1].metadata.name, "default")
    assert.eq(c:backup_storage_location("default").status.lastValidationTime, "t")
    assert.eq(c:backup_storage_location("gone"), nil)
    assert.eq(c:is_bsl_available("default"), true)
    assert.eq(c:is_bsl_available("s3"), false)
    assert.eq(c:is_bsl_available("gone"), false)
  end)
end)

test("volume snapshot locations and backup repositories: list and get", function()
  local vsl = obj("VolumeSnapshotLocation", "aws", nil)
  local repo = obj("BackupRepository", "apps-default-kopia", { phase = "Ready" })
  with_velero({
    ["GET " .. B .. "volumesnapshotlocations"] = { json = list("VolumeSnapshotLocation", { vsl }) },
    ["GET " .. B .. "volumesnapshotlocations/aws"] = { json = vsl },
    ["GET " .. B .. "volumesnapshotlocations/gone"] = { status = 404 },
    ["GET " .. B .. "backuprepositories"] = { json = list("BackupRepository", { repo }) },
    ["GET " .. B .. "backuprepositories/apps-default-kopia"] = { json = repo },
    ["GET " .. B .. "backuprepositories/gone"] = { status = 404 },
    ["GET " .. B .. "backuprepositories/err"] = { status = 401, body = "Unauthorized" },
  }, function(c)
    assert.eq(c:volume_snapshot_locations()[1].kind, "VolumeSnapshotLocation")
    assert.eq(c:volume_snapshot_location("aws").metadata.name, "aws")
    assert.eq(c:volume_snapshot_location("gone"), nil)
    assert.eq(c:backup_repositories()[1].status.phase, "Ready")
    assert.eq(c:backup_repository("apps-default-kopia").kind, "BackupRepository")
    assert.eq(c:backup_repository("gone"), nil)
    fails("velero: GET " .. B .. "backuprepositories/err HTTP 401: Unauthorized", c.backup_repository, c, "err")
  end)
end)

test("all_schedules_enabled counts and names the others", function()
  local items = {
    obj("Schedule", "daily", { phase = "Enabled" }), obj("Schedule", "weekly", { phase = "FailedValidation" }),
    { kind = "Schedule" }, obj("Schedule", "hourly", { phase = "Enabled" }),
  }
  with_velero({ ["GET " .. B .. "schedules"] = { json = list("Schedule", items) } }, function(c)
    assert.same(c:all_schedules_enabled(), { enabled = 2, disabled = 2, total = 4, disabled_names = { "weekly", "unknown" } })
  end)
end)

test("all_bsl_available counts and names the others; empty and 404 lists", function()
  local items = { obj("BackupStorageLocation", "a", { phase = "Available" }), obj("BackupStorageLocation", "b", { phase = "Unavailable" }) }
  with_velero({ ["GET " .. B .. "backupstoragelocations"] = { json = list("BackupStorageLocation", items) } }, function(c)
    assert.same(c:all_bsl_available(), { available = 1, unavailable = 1, total = 2, unavailable_names = { "b" } })
  end)
  with_velero({
    ["GET " .. B .. "backupstoragelocations"] = { status = 404 },
    ["GET " .. B .. "schedules"] = { json = list("Schedule", json.array({})) },
  }, function(c)
    assert.same(c:all_bsl_available(), { available = 0, unavailable = 0, total = 0, unavailable_names = {} })
    assert.same(c:all_schedules_enabled(), { enabled = 0, disabled = 0, total = 0, disabled_names = {} })
  end)
end)

test("summaries raise the GET error", function()
  with_velero({
    ["GET " .. B .. "schedules"] = { status = 500, body = "x" },
    ["GET " .. B .. "backupstoragelocations"] = { status = 500, body = "y" },
    ["GET " .. B .. "backups"] = { status = 500, body = "z" },
  }, function(c)
    fails("velero: GET " .. B .. "schedules HTTP 500: x", c.all_schedules_enabled, c)
    fails("velero: GET " .. B .. "backupstoragelocations HTTP 500: y", c.all_bsl_available, c)
    fails("velero: GET " .. B .. "backups HTTP 500: z", c.latest_backup, c, "daily")
  end)
end)
