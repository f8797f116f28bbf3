print(io.popen("exit 5"):close())
print(io.popen("true"):close())
print(io.popen("false"):close())
