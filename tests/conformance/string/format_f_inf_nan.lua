print(string.format("%f %f", 1/0, -1/0))
-- the sign of a NaN is platform detail: strip it
print((string.format("%f|%.1e|%g|%.1f|%G|", 0/0, 0/0, 0/0, 0/0, 0/0):gsub("%-", "")))
print(string.format("[%10f] [%-10f] [%010f] [%+f]", 1/0, 1/0, -1/0, 1/0))
print(pcall(string.format, "%F", 1))
