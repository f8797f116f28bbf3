print(select('#', print()))
