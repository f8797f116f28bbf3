print("\u{48}\u{49}", "\u{E9}", "\u{20AC}")
print(#"\u{7FF}", #"\u{FFFF}", #"\u{10FFFF}")
print(#"\u{7FFFFFFF}")
