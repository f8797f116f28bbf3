print("ok") -- trailing comment
