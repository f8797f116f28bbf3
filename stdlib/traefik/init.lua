--- @module assay.traefik
-- Traefik API (the dashboard API on the `traefik` entrypoint), v0.4-compatible: overview,
-- version, entrypoints, HTTP routers/services/middlewares, TCP routers/services, raw data,
-- and router/service checks. Module functions taking the API URL first, no client object.
--
--   local traefik = require("assay.traefik")
--   local url = "http://traefik.kube-system:8080"
--   assert(traefik.is_router_enabled(url, "web@kubernetes"))
--   local enabled, errored = traefik.healthy_routers(url)
--
-- Requests carry no authentication. Any status but 200 raises
-- `traefik: GET <path> HTTP <status>: <body>`. Names are sent as given (not URL-encoded).

local rest = require("assay.internal.rest")

local M = {}

--- GETs a path of the API and decodes the JSON answer; anything but 200 is an error.
local function get(url, path)
  return rest.request(rest.base(url), "GET", path, nil, { name = "traefik" })
end

--- The dashboard overview (counts of routers, services, middlewares; features; providers).
-- @param url string the Traefik API URL (trailing slashes are stripped)
-- @return the overview object
function M.overview(url) return get(url, "/api/overview") end

--- The Traefik version.
-- @param url string the Traefik API URL
-- @return `{Version, Codename, startDate}`
function M.version(url) return get(url, "/api/version") end

--- Lists entrypoints.
-- @param url string the Traefik API URL
-- @return list of entrypoint objects (`name`, `address`, ...)
function M.entrypoints(url) return get(url, "/api/entrypoints") end

--- Gets an entrypoint.
-- @param url string the Traefik API URL
-- @param name string entrypoint name
-- @return the entrypoint object
function M.entrypoint(url, name) return get(url, "/api/entrypoints/" .. name) end

--- Lists HTTP routers.
-- @param url string the Traefik API URL
-- @return list of router objects (`name`, `rule`, `service`, `status`, `tls`, ...)
function M.http_routers(url) return get(url, "/api/http/routers") end

--- Gets an HTTP router.
-- @param url string the Traefik API URL
-- @param name string router name (e.g. "web@kubernetes")
-- @return the router object
function M.http_router(url, name) return get(url, "/api/http/routers/" .. name) end

--- Lists HTTP services.
-- @param url string the Traefik API URL
-- @return list of service objects
function M.http_services(url) return get(url, "/api/http/services") end

--- Gets an HTTP service.
-- @param url string the Traefik API URL
-- @param name string service name
-- @return the service object (`loadBalancer.servers`, `serverStatus`, ...)
function M.http_service(url, name) return get(url, "/api/http/services/" .. name) end

--- Lists HTTP middlewares.
-- @param url string the Traefik API URL
-- @return list of middleware objects
function M.http_middlewares(url) return get(url, "/api/http/middlewares") end

--- Gets an HTTP middleware.
-- @param url string the Traefik API URL
-- @param name string middleware name
-- @return the middleware object
function M.http_middleware(url, name) return get(url, "/api/http/middlewares/" .. name) end

--- Lists TCP routers.
-- @param url string the Traefik API URL
-- @return list of TCP router objects
function M.tcp_routers(url) return get(url, "/api/tcp/routers") end

--- Lists TCP services.
-- @param url string the Traefik API URL
-- @return list of TCP service objects
function M.tcp_services(url) return get(url, "/api/tcp/services") end

--- The whole dynamic configuration as Traefik sees it.
-- @param url string the Traefik API URL
-- @return `{routers, services, middlewares, ...}`
function M.rawdata(url) return get(url, "/api/rawdata") end

--- Whether an HTTP router's status is "enabled".
-- @param url string the Traefik API URL
-- @param name string router name
-- @return boolean
function M.is_router_enabled(url, name)
  return M.http_router(url, name).status == "enabled"
end

--- Whether an HTTP router has a `tls` section.
-- @param url string the Traefik API URL
-- @param name string router name
-- @return boolean
function M.router_has_tls(url, name)
  return M.http_router(url, name).tls ~= nil
end

--- The number of load-balancer servers of an HTTP service (0 when it has none).
-- @param url string the Traefik API URL
-- @param name string service name
-- @return integer
function M.service_server_count(url, name)
  local lb = M.http_service(url, name).loadBalancer
  return lb and lb.servers and #lb.servers or 0
end

--- Counts HTTP routers by status.
-- @param url string the Traefik API URL
-- @return two integers: enabled routers, and all others (errored, warning, disabled)
function M.healthy_routers(url)
  local enabled, errored = 0, 0
  for _, router in ipairs(M.http_routers(url)) do
    if router.status == "enabled" then
      enabled = enabled + 1
    else
      errored = errored + 1
    end
  end
  return enabled, errored
end

return M
