local t = {[true] = "yes", [false] = "no"}
print(t[true], t[false])
