--- @module assay.harbor
-- Harbor container registry (API v2.0), v0.4-compatible: health, system information,
-- projects, repositories, artifacts and their tags, vulnerability scans and their summaries,
-- replication policies and executions.
--
--   local harbor = require("assay.harbor")
--   local c = harbor.client("https://harbor.example.com", { username = "admin", password = pw })
--   if not c:image_exists("library", "nginx", "1.27") then error("image missing") end
--   c:scan_artifact("library", "nginx", "1.27")
--
-- Every request sends `Content-Type: application/json` and an `Authorization` header: Bearer
-- `api_key`, else Basic `username:password`, else none. Any GET answered with another status
-- than 200 raises `harbor: GET <path> HTTP <status>: <body>`. Names, references and query
-- values are sent as given (not URL-encoded): a nested repository name `a/b` must be passed
-- as `a%252Fb`, as Harbor requires.

local rest = require("assay.internal.rest")

local M = {}

local Client = {}
Client.__index = Client

local API = "/api/v2.0"

local function headers(self)
  return rest.json_headers(self.api_key, self.username, self.password)
end

--- GET returning the decoded JSON; anything but 200 raises.
local function get(self, path)
  return rest.request(self.url, "GET", path, nil, { name = "harbor", headers = headers(self) })
end

--- "?k=v&..." from a list of {key, value} pairs, nil values left out, values not encoded.
local function query(params)
  return rest.query(params, tostring)
end

--- The path of a repository: /api/v2.0/projects/<project>/repositories/<repo>.
local function repo_path(project, repo)
  return API .. "/projects/" .. project .. "/repositories/" .. repo
end

--- Creates a client.
-- @param url string the Harbor URL (trailing slashes are stripped)
-- @param opts table|nil `api_key` (Bearer), or `username` and `password` (Basic)
-- @return client with public fields `url`, `api_key`, `username`, `password`
function M.client(url, opts)
  if type(url) ~= "string" then error("harbor.client: url must be a string") end
  opts = opts or {}
  return setmetatable({
    url = rest.base(url), api_key = opts.api_key, username = opts.username, password = opts.password,
  }, Client)
end

-- System ----------------------------------------------------------------------------------

--- The health of Harbor's components (`GET /api/v2.0/health`).
-- @return table `{status, components = {{name, status}, ...}}`
function Client:health()
  return get(self, API .. "/health")
end

--- System information (`GET /api/v2.0/systeminfo`).
-- @return table `{harbor_version, auth_mode, ...}`
function Client:system_info()
  return get(self, API .. "/systeminfo")
end

--- Registry statistics (`GET /api/v2.0/statistics`).
-- @return table `{private_project_count, public_repo_count, total_storage_consumption, ...}`
function Client:statistics()
  return get(self, API .. "/statistics")
end

--- Whether every component reports "healthy" (false when there are none).
-- @return boolean
function Client:is_healthy()
  local components = self:health().components
  if not components or #components == 0 then return false end
  for _, comp in ipairs(components) do
    if comp.status ~= "healthy" then return false end
  end
  return true
end

-- Projects and repositories ---------------------------------------------------------------

--- Lists projects.
-- @param opts table|nil `name`, `public` (boolean), `page`, `page_size`
-- @return table the list of projects
function Client:projects(opts)
  opts = opts or {}
  return get(self, API .. "/projects" .. query({
    { "name", opts.name }, { "public", opts.public }, { "page", opts.page }, { "page_size", opts.page_size },
  }))
end

--- Reads one project.
-- @param name_or_id string|number the project's name or id
-- @return table the project
function Client:project(name_or_id)
  return get(self, API .. "/projects/" .. name_or_id)
end

--- Lists the repositories of a project.
-- @param project string the project's name
-- @param opts table|nil `page`, `page_size`, `q` (Harbor's query syntax, e.g. "name=~nginx")
-- @return table the list of repositories
function Client:repositories(project, opts)
  opts = opts or {}
  return get(self, API .. "/projects/" .. project .. "/repositories" .. query({
    { "page", opts.page }, { "page_size", opts.page_size }, { "q", opts.q },
  }))
end

--- Reads one repository.
-- @param project string the project's name
-- @param repo string the repository's name (nested names as `a%252Fb`)
-- @return table the repository
function Client:repository(project, repo)
  return get(self, repo_path(project, repo))
end

-- Artifacts -------------------------------------------------------------------------------

--- Lists the artifacts of a repository.
-- @param project string the project's name
-- @param repo string the repository's name
-- @param opts table|nil `page`, `page_size`, `with_tag`, `with_scan_overview` (booleans)
-- @return table the list of artifacts
function Client:artifacts(project, repo, opts)
  opts = opts or {}
  return get(self, repo_path(project, repo) .. "/artifacts" .. query({
    { "page", opts.page }, { "page_size", opts.page_size },
    { "with_tag", opts.with_tag }, { "with_scan_overview", opts.with_scan_overview },
  }))
end

--- Reads one artifact.
-- @param project string the project's name
-- @param repo string the repository's name
-- @param ref string a tag or a digest
-- @return table the artifact
function Client:artifact(project, repo, ref)
  return get(self, repo_path(project, repo) .. "/artifacts/" .. ref)
end

--- Lists the tags of an artifact.
-- @param project string the project's name
-- @param repo string the repository's name
-- @param ref string a tag or a digest
-- @return table the list of tags
function Client:artifact_tags(project, repo, ref)
  return get(self, repo_path(project, repo) .. "/artifacts/" .. ref .. "/tags")
end

--- Whether an artifact exists (its GET answers 200; no error otherwise).
-- @param project string the project's name
-- @param repo string the repository's name
-- @param tag string a tag or a digest
-- @return boolean
function Client:image_exists(project, repo, tag)
  local path = repo_path(project, repo) .. "/artifacts/" .. tag
  return http.get(self.url .. path, { headers = headers(self) }).status == 200
end

--- The most recent artifact of a repository (the first of a page of one).
-- @param project string the project's name
-- @param repo string the repository's name
-- @return table|nil the artifact, nil when the repository has none
function Client:latest_artifact(project, repo)
  return self:artifacts(project, repo, { page_size = 1 })[1]
end

-- Scans -----------------------------------------------------------------------------------

--- Starts a vulnerability scan of an artifact (POST `.../scan` with body `{}`); Harbor
-- answers 202. Any other status raises `harbor: POST scan HTTP <status>: <body>`.
-- @param project string the project's name
-- @param repo string the repository's name
-- @param ref string a tag or a digest
-- @return boolean true
function Client:scan_artifact(project, repo, ref)
  local path = repo_path(project, repo) .. "/artifacts/" .. ref .. "/scan"
  local resp = http.post(self.url .. path, json.object({}), { headers = headers(self) })
  if resp.status ~= 202 then
    error("harbor: POST scan HTTP " .. resp.status .. ": " .. resp.body)
  end
  return true
end

--- The vulnerability summary of an artifact's scan report. Any status but 200 raises
-- `harbor: GET artifact vulnerabilities HTTP <status>: <body>`.
-- @param project string the project's name
-- @param repo string the repository's name
-- @param ref string a tag or a digest
-- @return table|nil `{total, fixable, critical, high, medium, low, negligible}` (0 when
--   absent), nil when the artifact has no scan report or the report has no summary
function Client:artifact_vulnerabilities(project, repo, ref)
  local path = repo_path(project, repo) .. "/artifacts/" .. ref .. "?with_scan_overview=true"
  local resp = http.get(self.url .. path, { headers = headers(self) })
  if resp.status ~= 200 then
    error("harbor: GET artifact vulnerabilities HTTP " .. resp.status .. ": " .. resp.body)
  end
  local overview = json.parse(resp.body).scan_overview
  if not overview then return nil end
  -- scan_overview is keyed by the report's MIME type; take the first report
  local _, report = next(overview)
  if not report or not report.summary then return nil end
  local sum = report.summary
  local by = sum.summary or {}
  return {
    total = sum.total or 0, fixable = sum.fixable or 0,
    critical = by.Critical or 0, high = by.High or 0, medium = by.Medium or 0,
    low = by.Low or 0, negligible = by.Negligible or 0,
  }
end

-- Replication -----------------------------------------------------------------------------

--- Lists the replication policies.
-- @return table the list of policies
function Client:replication_policies()
  return get(self, API .. "/replication/policies")
end

--- Lists replication executions.
-- @param opts table|nil `policy_id`
-- @return table the list of executions
function Client:replication_executions(opts)
  opts = opts or {}
  return get(self, API .. "/replication/executions" .. query({ { "policy_id", opts.policy_id } }))
end

return M
