print(-1 & 0xff, -2 | 1, -8 ~ -1)
print(-16 >> 2)
print(-16 // 4)
