--- @module assay.s3.xml
-- A small XML reader, enough for S3's answers (ListAllMyBucketsResult, ListBucketResult,
-- CopyObjectResult, Error, ...): elements, attributes, text with the five named entities and
-- numeric character references, CDATA; the prolog, comments, processing instructions and a
-- DOCTYPE are skipped. Namespace prefixes are dropped from element names.
--
--   local xml = require("assay.s3.xml")
--   local root = xml.parse(body)              -- { name, attrs, children, text }
--   for _, c in ipairs(xml.all(root, "Contents")) do print(xml.text(c, "Key")) end

local M = {}

local ENTITIES = { lt = "<", gt = ">", amp = "&", quot = '"', apos = "'" }

--- Replaces entity and character references.
local function decode(s)
  return (s:gsub("&(#?[xX]?)(%w+);", function(kind, name)
    if kind == "" then return ENTITIES[name] end
    if kind:sub(1, 1) ~= "#" then return nil end
    local code = kind == "#" and tonumber(name) or tonumber(name, 16)
    if code and code >= 0 and code <= 0x10FFFF then return utf8.char(code) end
  end))
end

local function local_name(name)
  return name:match(":([^:]+)$") or name
end

local function fail(msg, s, pos)
  local line = select(2, s:sub(1, pos):gsub("\n", "")) + 1
  error("xml: " .. msg .. " at line " .. line, 0)
end

--- Reads a start tag at `pos` (just after "<"): its element and the position after it.
local function start_tag(s, pos)
  local name, p = s:match("^([%a_][%w_:%.%-]*)()", pos)
  if not name then fail("bad tag name", s, pos) end
  local node = { name = local_name(name), attrs = {}, children = {}, text = "" }
  while true do
    local attr, value, after = s:match('^%s+([%a_][%w_:%.%-]*)%s*=%s*"([^"]*)"()', p)
    if not attr then attr, value, after = s:match("^%s+([%a_][%w_:%.%-]*)%s*=%s*'([^']*)'()", p) end
    if not attr then break end
    node.attrs[attr] = decode(value)
    p = after
  end
  local close, after = s:match("^%s*(/?)>()", p)
  if not close then fail("unterminated tag <" .. name .. ">", s, p) end
  return node, after, close == "/"
end

--- Skips a construct starting at `pos` that ends with `stop`; returns the position after it.
local function skip(s, pos, stop, what)
  local _, e = s:find(stop, pos, true)
  if not e then fail("unterminated " .. what, s, pos) end
  return e + 1
end

--- Parses a document.
-- @param s string the XML text
-- @return table the root element `{name, attrs, children = {elements...}, text}`, where
--   `text` is the element's own character data (entities decoded, not trimmed); raises
--   `xml: <problem> at line <n>` on malformed input
function M.parse(s)
  local root, stack, pos = nil, {}, 1
  while true do
    local lt = s:find("<", pos, true)
    local top = stack[#stack]
    local chunk = s:sub(pos, (lt or #s + 1) - 1)
    if top then
      top.text = top.text .. decode(chunk)
    elseif chunk:find("%S") then
      fail("text outside the root element", s, pos)
    end
    if not lt then break end
    if s:sub(lt, lt + 3) == "<!--" then
      pos = skip(s, lt + 4, "-->", "comment")
    elseif s:sub(lt, lt + 8) == "<![CDATA[" then
      local e = s:find("]]>", lt + 9, true)
      if not e or not top then fail("misplaced or unterminated CDATA", s, lt) end
      top.text = top.text .. s:sub(lt + 9, e - 1)
      pos = e + 3
    elseif s:sub(lt, lt + 1) == "<?" then
      pos = skip(s, lt + 2, "?>", "processing instruction")
    elseif s:sub(lt, lt + 1) == "<!" then
      pos = skip(s, lt + 2, ">", "declaration")
    elseif s:sub(lt, lt + 1) == "</" then
      local name, after = s:match("^([^%s>]+)%s*>()", lt + 2)
      if not top or not name or local_name(name) ~= top.name then
        fail("unexpected end tag </" .. tostring(name) .. ">", s, lt)
      end
      stack[#stack] = nil
      pos = after
    else
      if root and not top then fail("a second root element", s, lt) end
      local node, after, empty = start_tag(s, lt + 1)
      if top then top.children[#top.children + 1] = node else root = node end
      if not empty then stack[#stack + 1] = node end
      pos = after
    end
  end
  if #stack > 0 then fail("unclosed element <" .. stack[#stack].name .. ">", s, #s) end
  if not root then fail("no root element", s, 1) end
  return root
end

--- The child elements of `node` named `name` (all children when name is nil).
-- @param node table an element
-- @param name string|nil the element name (without prefix)
-- @return table the list of elements
function M.all(node, name)
  local out = {}
  for _, child in ipairs(node.children) do
    if name == nil or child.name == name then out[#out + 1] = child end
  end
  return out
end

--- The first child element of `node` named `name`.
-- @param node table an element
-- @param name string the element name
-- @return table|nil the element
function M.child(node, name)
  for _, child in ipairs(node.children) do
    if child.name == name then return child end
  end
  return nil
end

--- The text of the first child element named `name`.
-- @param node table an element
-- @param name string the element name
-- @return string|nil its text, nil when there is no such child
function M.text(node, name)
  local child = M.child(node, name)
  return child and child.text or nil
end

return M
