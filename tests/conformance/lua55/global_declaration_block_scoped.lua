-- lua5.5: a 'global' declaration only affects its own block.
do
  global print
  print("inside block")
end
undeclared_ok = 1
print(undeclared_ok)
