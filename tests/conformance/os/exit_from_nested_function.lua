local function deep(n)
  if n == 0 then io.write("bottom\n") os.exit(5) end
  deep(n - 1)
end
deep(10)
