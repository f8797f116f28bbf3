--- @module assay.velero
-- Velero through the Kubernetes API, v0.4-compatible: backups, restores, schedules, backup
-- storage locations, volume snapshot locations and backup repositories of one namespace, their
-- phases, and summaries over all schedules and storage locations.
--
--   local velero = require("assay.velero")
--   local c = velero.client("https://kubernetes.default.svc", env.get("K8S_TOKEN"))
--   local b = c:latest_backup("daily")
--   assert(b and b.status.phase == "Completed", "no good daily backup")
--
-- Every request sends `Authorization: Bearer <token>`. Paths are
-- `/apis/velero.io/v1/namespaces/<namespace>/<plural>[/<name>]`. Reading one object: 404 gives
-- nil, any other status but 200 raises `velero: GET <path> HTTP <status>: <body>`. Lists
-- return the `items` array (`{}` on 404).

local kube = require("assay.internal.kube")

local M = {}

local Client = {}
Client.__index = Client

local BASE = "/apis/velero.io/v1"

local function path(self, plural, name) return kube.namespaced(BASE, self.namespace, plural, name) end

local get = kube.api("velero").get

--- GET a collection's items: {} on 404.
local function items(self, plural)
  local l = get(self, path(self, plural))
  return l and l.items or {}
end

local function phase(obj)
  return ((obj or {}).status or {}).phase
end

--- Creates a client.
-- @param url string the Kubernetes API server URL (trailing slashes are stripped)
-- @param token string a bearer token
-- @param namespace string|nil Velero's namespace (default "velero")
-- @return client with public fields `url`, `token` and `namespace`
function M.client(url, token, namespace)
  local c = kube.client(Client, "velero", url, token, 1)
  c.namespace = namespace or "velero"
  return c
end

-- Backups ---------------------------------------------------------------------------------

--- Lists the backups.
-- @return table the items (`{}` when none)
function Client:backups()
  return items(self, "backups")
end

--- Reads one backup.
-- @param name string its name
-- @return table|nil the Backup, nil when it does not exist
function Client:backup(name)
  return get(self, path(self, "backups", name))
end

--- A backup's progress; raises `velero: backup <name> not found`.
-- @param name string its name
-- @return table `{phase, started, completed, expiration, errors, warnings, items_backed_up,
--   items_total}` (counts default to 0)
function Client:backup_status(name)
  local b = self:backup(name)
  if not b then error("velero: backup " .. name .. " not found") end
  local s = b.status or {}
  return {
    phase = s.phase, started = s.startTimestamp, completed = s.completionTimestamp,
    expiration = s.expiration, errors = s.errors or 0, warnings = s.warnings or 0,
    items_backed_up = s.itemsBackedUp or 0, items_total = s.totalItems or 0,
  }
end

--- Whether a backup's phase is Completed (false when it does not exist).
-- @param name string its name
-- @return boolean
function Client:is_backup_completed(name)
  return phase(self:backup(name)) == "Completed"
end

--- Whether a backup's phase is Failed or PartiallyFailed (false when it does not exist).
-- @param name string its name
-- @return boolean
function Client:is_backup_failed(name)
  local p = phase(self:backup(name))
  return p == "Failed" or p == "PartiallyFailed"
end

--- The newest backup (by `metadata.creationTimestamp`) labelled
-- `velero.io/schedule-name=<schedule>`.
-- @param schedule string the schedule's name
-- @return table|nil the Backup, nil when the schedule has none
function Client:latest_backup(schedule)
  local newest, newest_ts
  for _, b in ipairs(self:backups()) do
    local meta = b.metadata or {}
    if (meta.labels or {})["velero.io/schedule-name"] == schedule then
      local ts = meta.creationTimestamp or ""
      if newest == nil or ts > newest_ts then newest, newest_ts = b, ts end
    end
  end
  return newest
end

-- Restores --------------------------------------------------------------------------------

--- Lists the restores.
-- @return table the items
function Client:restores()
  return items(self, "restores")
end

--- Reads one restore.
-- @param name string its name
-- @return table|nil the Restore, nil when it does not exist
function Client:restore(name)
  return get(self, path(self, "restores", name))
end

--- A restore's progress; raises `velero: restore <name> not found`.
-- @param name string its name
-- @return table `{phase, started, completed, errors, warnings}` (counts default to 0)
function Client:restore_status(name)
  local r = self:restore(name)
  if not r then error("velero: restore " .. name .. " not found") end
  local s = r.status or {}
  return {
    phase = s.phase, started = s.startTimestamp, completed = s.completionTimestamp,
    errors = s.errors or 0, warnings = s.warnings or 0,
  }
end

--- Whether a restore's phase is Completed (false when it does not exist).
-- @param name string its name
-- @return boolean
function Client:is_restore_completed(name)
  return phase(self:restore(name)) == "Completed"
end

-- Schedules -------------------------------------------------------------------------------

--- Lists the schedules.
-- @return table the items
function Client:schedules()
  return items(self, "schedules")
end

--- Reads one schedule.
-- @param name string its name
-- @return table|nil the Schedule, nil when it does not exist
function Client:schedule(name)
  return get(self, path(self, "schedules", name))
end

--- A schedule's state; raises `velero: schedule <name> not found`.
-- @param name string its name
-- @return table `{phase, last_backup, validation_errors}` (validation_errors default `{}`)
function Client:schedule_status(name)
  local sch = self:schedule(name)
  if not sch then error("velero: schedule " .. name .. " not found") end
  local s = sch.status or {}
  return { phase = s.phase, last_backup = s.lastBackup, validation_errors = s.validationErrors or {} }
end

--- Whether a schedule's phase is Enabled (false when it does not exist).
-- @param name string its name
-- @return boolean
function Client:is_schedule_enabled(name)
  return phase(self:schedule(name)) == "Enabled"
end

-- Storage ---------------------------------------------------------------------------------

--- Lists the backup storage locations.
-- @return table the items
function Client:backup_storage_locations()
  return items(self, "backupstoragelocations")
end

--- Reads one backup storage location.
-- @param name string its name
-- @return table|nil the BackupStorageLocation, nil when it does not exist
function Client:backup_storage_location(name)
  return get(self, path(self, "backupstoragelocations", name))
end

--- Whether a backup storage location's phase is Available (false when it does not exist).
-- @param name string its name
-- @return boolean
function Client:is_bsl_available(name)
  return phase(self:backup_storage_location(name)) == "Available"
end

--- Lists the volume snapshot locations.
-- @return table the items
function Client:volume_snapshot_locations()
  return items(self, "volumesnapshotlocations")
end

--- Reads one volume snapshot location.
-- @param name string its name
-- @return table|nil the VolumeSnapshotLocation, nil when it does not exist
function Client:volume_snapshot_location(name)
  return get(self, path(self, "volumesnapshotlocations", name))
end

--- Lists the backup repositories.
-- @return table the items
function Client:backup_repositories()
  return items(self, "backuprepositories")
end

--- Reads one backup repository.
-- @param name string its name
-- @return table|nil the BackupRepository, nil when it does not exist
function Client:backup_repository(name)
  return get(self, path(self, "backuprepositories", name))
end

-- Summaries -------------------------------------------------------------------------------

--- Splits a list by whether each item's phase is `want`: count, names of the others.
local function split(list, want)
  local good, _, bad = kube.tally(list, function(obj) return phase(obj) == want end, "unknown")
  return good, bad
end

--- The state of every schedule.
-- @return table `{enabled, disabled, total, disabled_names}`
function Client:all_schedules_enabled()
  local enabled, disabled = split(self:schedules(), "Enabled")
  return { enabled = enabled, disabled = #disabled, total = enabled + #disabled, disabled_names = disabled }
end

--- The state of every backup storage location.
-- @return table `{available, unavailable, total, unavailable_names}`
function Client:all_bsl_available()
  local available, unavailable = split(self:backup_storage_locations(), "Available")
  return {
    available = available, unavailable = #unavailable,
    total = available + #unavailable, unavailable_names = unavailable,
  }
end

return M
