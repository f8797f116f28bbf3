tonumber()
