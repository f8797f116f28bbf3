print(("...x"):match("%.+"), ("%%%"):match("%%*"))
