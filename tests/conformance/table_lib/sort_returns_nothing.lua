print(select("#", table.sort({2, 1})))
