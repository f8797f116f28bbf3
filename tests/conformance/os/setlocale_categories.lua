for _, c in ipairs{"all", "collate", "ctype", "monetary", "numeric", "time"} do
  print(c, os.setlocale(nil, c), os.setlocale("C", c))
end
