print(tonumber(true), tonumber({}), tonumber(print))
