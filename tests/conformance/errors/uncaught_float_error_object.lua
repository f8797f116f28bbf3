-- found by tests/fuzz: an uncaught float error value is shown as a number
print("before")
error(0.0)
