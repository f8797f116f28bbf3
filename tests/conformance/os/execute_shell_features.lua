io.stdout:flush()
print(os.execute("x=5; test $x -eq 5 && echo ok"))
