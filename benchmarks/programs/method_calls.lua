-- method_calls: class-style OOP through metatables.
-- Stresses: obj:method() calls resolved through __index chains (one level
-- of inheritance), field reads/writes on small tables, setmetatable.
local N = tonumber(arg and arg[1]) or 6000000

local Account = {}
Account.__index = Account

function Account.new(owner, balance)
  local self = setmetatable({}, Account)
  self.owner = owner
  self.balance = balance
  self.ops = 0
  return self
end

function Account:deposit(v)
  self.balance = self.balance + v
  self.ops = self.ops + 1
end

function Account:withdraw(v)
  if v <= self.balance then
    self.balance = self.balance - v
    self.ops = self.ops + 1
    return true
  end
  return false
end

function Account:getBalance()
  return self.balance
end

-- Savings inherits from Account and overrides deposit, adding interest.
local Savings = setmetatable({}, { __index = Account })
Savings.__index = Savings

function Savings.new(owner, balance, rate)
  local self = Account.new(owner, balance)
  setmetatable(self, Savings)
  self.rate = rate
  return self
end

function Savings:deposit(v)
  -- call the parent method explicitly
  Account.deposit(self, v + v % self.rate)
end

function Savings:interest()
  return self.balance % self.rate
end

local accounts = {
  Account.new("a", 100),
  Savings.new("b", 200, 7),
  Account.new("c", 300),
  Savings.new("d", 400, 11),
}

local total, failed = 0, 0
for i = 1, N do
  local acc = accounts[i % 4 + 1]
  acc:deposit(i % 10)           -- inherited or overridden
  if not acc:withdraw(i % 13) then -- always inherited (Savings -> Account)
    failed = failed + 1
  end
  total = (total + acc:getBalance()) % 1000000007
  if i % 4 == 1 then
    total = total + acc:interest()
  end
end

local ops = 0
for _, acc in ipairs(accounts) do
  ops = ops + acc.ops
end
print(string.format("%d %d %d", total, failed, ops))
