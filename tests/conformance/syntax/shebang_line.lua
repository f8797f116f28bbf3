#!/usr/bin/lua
print("shebang skipped")
