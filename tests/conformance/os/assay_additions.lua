-- os.hostname/os.arch/os.platform are assay additions: absent from lua5.4, strings in assay
for _, n in ipairs{"hostname", "arch", "platform"} do
  print(n, os[n] == nil or type(os[n]()) == "string")
end
