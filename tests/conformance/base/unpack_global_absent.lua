print(unpack, table.unpack ~= nil, setfenv, loadstring, getfenv)
