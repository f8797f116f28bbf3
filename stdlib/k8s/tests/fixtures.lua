-- Shared set-up of the assay.k8s tests (loaded with dofile, not a test file itself): objects
-- in the Kubernetes API's own shapes, and a mock API server with the options pointing at it.

local mock = require("assay.testing.mock")

local F = {}

F.TOKEN = "test-token"

-- A self-signed CA certificate (CN=kubernetes-test-ca), standing in for the pod's ca.crt.
F.CA_PEM = [[
-----BEGIN CERTIFICATE-----
MIIBkjCCATegAwIBAgIUOjc6ISeKrJsNjypxSn6BUq9L3SUwCgYIKoZIzj0EAwIw
HTEbMBkGA1UEAwwSa3ViZXJuZXRlcy10ZXN0LWNhMCAXDTI2MTEzMDE1NTgyM1oY
DzIxMjYxMTA2MTU1ODIzWjAdMRswGQYDVQQDDBJrdWJlcm5ldGVzLXRlc3QtY2Ew
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASfrF6EXLsahrlqJTnQCAddIF6RZoyv
ptrpQvTSziOqVnSexGb4UXbI/IpDOVcUVhMbWmd7Gu9AMnJ9SzsUklf2o1MwUTAd
BgNVHQ4EFgQUHwZRXyS9xat0Ea1TjkrTCj1ltTMwHwYDVR0jBBgwFoAUHwZRXyS9
xat0Ea1TjkrTCj1ltTMwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBG
AiEAuc8LLAmGXSzNdP4OvMfNrn8OIs1l072p7ZSfShTVfCgCIQDQfpF5TRMLyxTy
q+bF0CxZIpOzkOmpkClB9Pi/JEH/fQ==
-----END CERTIFICATE-----
]]

--- Starts a mock API server; returns it and the opts that point k8s at it.
function F.server(routes, extra)
  local m = mock.server(routes)
  local opts = { base_url = m.url, token = F.TOKEN }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return m, opts
end

--- An object: `F.object("apps/v1", "Deployment", "default", "web", {spec=..., status=...})`.
function F.object(api_version, kind, namespace, name, fields)
  local obj = {
    apiVersion = api_version,
    kind = kind,
    metadata = { name = name, namespace = namespace, uid = "uid-" .. name, resourceVersion = "4242" },
  }
  for k, v in pairs(fields or {}) do obj[k] = v end
  return obj
end

--- A list object: `{kind = "<Kind>List", apiVersion, metadata = {resourceVersion}, items}`.
function F.list(api_version, kind, items)
  return { apiVersion = api_version, kind = kind .. "List", metadata = { resourceVersion = "5000" }, items = items }
end

--- A response carrying a Kubernetes Status object, as the API server sends for errors.
function F.status(code, reason, message)
  return {
    status = code,
    json = {
      apiVersion = "v1", kind = "Status", metadata = {}, status = "Failure",
      message = message, reason = reason, code = code,
    },
  }
end

--- A pod in a phase, with a Ready condition matching it.
function F.pod(namespace, name, phase)
  return F.object("v1", "Pod", namespace, name, {
    spec = { containers = { { name = "app", image = "nginx:1.27" } } },
    status = {
      phase = phase,
      conditions = { { type = "Ready", status = phase == "Running" and "True" or "False" } },
    },
  })
end

--- A Deployment with `replicas` desired and the given status counts.
function F.deployment(namespace, name, replicas, status)
  return F.object("apps/v1", "Deployment", namespace, name, {
    spec = { replicas = replicas, selector = { matchLabels = { app = name } } },
    status = status,
  })
end

--- Calls fn and returns its error message (fails when fn does not raise).
function F.error_of(fn, ...)
  local ok, err = pcall(fn, ...)
  assert(not ok, "expected an error")
  return tostring(err)
end

local temp_dirs = {}

--- A path in a fresh temporary directory; `content` is written there when given.
function F.temp_file(name, content)
  local dir = fs.tempdir()
  temp_dirs[#temp_dirs + 1] = dir
  local path = dir .. "/" .. name
  if content ~= nil then fs.write(path, content) end
  return path
end

--- Removes the directories F.temp_file made.
function F.cleanup()
  for _, dir in ipairs(temp_dirs) do fs.remove(dir) end
  temp_dirs = {}
end

return F
