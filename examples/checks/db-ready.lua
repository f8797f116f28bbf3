-- A script check for examples/checks.yaml: passes when it returns, fails with the message
-- of any error it raises. The check's `env` entries are read with env.get (the process
-- environment is not changed). Every builtin is available, async ones included.
local api = env.get("API_URL") or "http://localhost:8080"
local max_lag = tonumber(env.get("MAX_LAG_SECONDS") or "30")

local res = http.get(api .. "/api/replication", { timeout = 5 })
assert.eq(res.status, 200, "replication endpoint")

local status = json.parse(res.body)
assert.not_nil(status.replicas, "no replicas in the answer")
for _, r in ipairs(status.replicas) do
  if r.lag_seconds > max_lag then
    error(string.format("replica %s lags %ds (at most %ds)", r.name, r.lag_seconds, max_lag))
  end
end
log.info("replication ok", { replicas = #status.replicas })
