print(("color"):match("colou?r"), ("colour"):match("colou?r"))
print(("-12"):match("^[+-]?%d+$"), ("12"):match("^[+-]?%d+$"), ("+-12"):match("^[+-]?%d+$"))
