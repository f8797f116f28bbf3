local function process(data)
  return data.items[1]
end
process({})
