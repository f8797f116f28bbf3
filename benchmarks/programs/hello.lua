-- hello: start-up cost only (process launch, runtime init, compile of a
-- one-line chunk). The checksum is the greeting itself.
print("hello")
