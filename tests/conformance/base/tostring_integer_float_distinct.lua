print(tostring(10), tostring(10.0), tostring(-0.0), tostring(1e16))
