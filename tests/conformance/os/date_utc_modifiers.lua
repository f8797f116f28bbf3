local t = 1700000000
for _, c in ipairs{"Ec","EC","Ex","EX","Ey","EY","Od","Oe","OH","OI","Om","OM","OS","Ou","OU","OV","Ow","OW","Oy"} do
  print(c, "[" .. os.date("!%" .. c, t) .. "]")
end
