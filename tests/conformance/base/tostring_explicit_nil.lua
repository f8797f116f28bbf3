print(tostring(nil), select('#', tostring(nil)))
