print(("  123  "):match("%s*(%d+)%s*"))
print(("abc123"):match("[%a]+"), ("abc123"):match("%d+$"))
