print([[\n\t\\]])
print(#[[\n]])
