local config
print(config.name)
