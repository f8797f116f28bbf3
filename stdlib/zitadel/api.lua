--- @module assay.zitadel.api
-- The request helpers shared by the parts of assay.zitadel: one API call with the client's
-- headers (Bearer token, JSON content type, the `Host: auth.<domain>` override), the first
-- element of a search answer, and searches by exact name.

local M = {}

--- Sends one API request and returns the raw response (no status check).
function M.request(self, method, path, body)
  local opts = { headers = {
    ["Authorization"] = "Bearer " .. self.access_token,
    ["Content-Type"] = "application/json",
    ["Host"] = self.host_header,
  } }
  if method == "GET" then return http.get(self.url .. path, opts) end
  if body == nil then body = "{}" end
  if method == "POST" then return http.post(self.url .. path, body, opts) end
  return http.put(self.url .. path, body, opts)
end

--- The first element of a search answer's `result`, or nil (also for a failed search).
function M.first_result(resp)
  if resp.status ~= 200 then return nil end
  local result = json.parse(resp.body).result
  return result and result[1] or nil
end

--- One query of a search body matching a name exactly: `{[key] = {name, method}}`.
function M.name_query(key, name)
  return { [key] = { name = name, method = "TEXT_QUERY_METHOD_EQUALS" } }
end

--- The first result of a search (POST `path`) by exact name with query `key`, or nil.
function M.find_by_name(self, path, key, name)
  return M.first_result(M.request(self, "POST", path, { queries = { M.name_query(key, name) } }))
end

return M
