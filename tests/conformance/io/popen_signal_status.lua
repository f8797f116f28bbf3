print(io.popen("kill -9 $$"):close())
