local t = {}
t.x 5
