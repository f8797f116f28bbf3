-- nbody: gravitational N-body simulation with a leapfrog-style
-- (kick/drift) integrator over a small, deterministic star system.
-- Stresses: float arithmetic, math.sqrt, field reads/writes on tables
-- with string keys (x, y, z, vx, ...), nested loops over an array of
-- tables.
local STEPS = tonumber(arg and arg[1]) or 400000
local G = 1.0
local DT = 0.001

-- A deterministic pseudo-random setup (Park-Miller generator: every
-- intermediate stays below 2^53, so integers and doubles agree).
-- Only +, -, *, / and sqrt are used (all correctly rounded in IEEE 754),
-- never sin/cos, so every runtime computes bit-identical results.
local seed = 12345
local function rnd()
  seed = (seed * 16807) % 2147483647
  return seed / 2147483647
end

local bodies = {}
-- a heavy central body
bodies[1] = { x = 0.0, y = 0.0, z = 0.0, vx = 0.0, vy = 0.0, vz = 0.0, m = 50.0 }
for i = 2, 6 do
  local r = 2.0 + 3.0 * rnd()
  -- a random direction in the plane, normalised
  local ux, uy = rnd() - 0.5, rnd() - 0.5
  local ul = math.sqrt(ux * ux + uy * uy)
  ux, uy = ux / ul, uy / ul
  local z = (rnd() - 0.5) * 0.2
  local speed = math.sqrt(G * 50.0 / r)    -- roughly circular orbit
  bodies[i] = {
    x = r * ux, y = r * uy, z = z,
    vx = -speed * uy, vy = speed * ux, vz = 0.0,
    m = 0.05 + rnd() * 0.5,
  }
end
local n = #bodies

-- remove net momentum so the system's centre of mass stays put
do
  local px, py, pz, mt = 0.0, 0.0, 0.0, 0.0
  for i = 1, n do
    local b = bodies[i]
    px = px + b.vx * b.m; py = py + b.vy * b.m; pz = pz + b.vz * b.m
    mt = mt + b.m
  end
  for i = 1, n do
    local b = bodies[i]
    b.vx = b.vx - px / mt; b.vy = b.vy - py / mt; b.vz = b.vz - pz / mt
  end
end

local function energy()
  local e = 0.0
  for i = 1, n do
    local b = bodies[i]
    e = e + 0.5 * b.m * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for j = i + 1, n do
      local c = bodies[j]
      local dx, dy, dz = b.x - c.x, b.y - c.y, b.z - c.z
      e = e - G * b.m * c.m / math.sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local function step(dt)
  -- kick: pairwise accelerations update velocities
  for i = 1, n do
    local b = bodies[i]
    local bx, by, bz, bm = b.x, b.y, b.z, b.m
    for j = i + 1, n do
      local c = bodies[j]
      local dx, dy, dz = bx - c.x, by - c.y, bz - c.z
      local d2 = dx * dx + dy * dy + dz * dz + 1e-9
      local mag = G * dt / (d2 * math.sqrt(d2))
      local cm = c.m * mag
      b.vx = b.vx - dx * cm; b.vy = b.vy - dy * cm; b.vz = b.vz - dz * cm
      local bmm = bm * mag
      c.vx = c.vx + dx * bmm; c.vy = c.vy + dy * bmm; c.vz = c.vz + dz * bmm
    end
  end
  -- drift: velocities update positions
  for i = 1, n do
    local b = bodies[i]
    b.x = b.x + dt * b.vx
    b.y = b.y + dt * b.vy
    b.z = b.z + dt * b.vz
  end
end

local e0 = energy()
for _ = 1, STEPS do
  step(DT)
end
local e1 = energy()

print(string.format("%.9f %.9f", e0, e1))
