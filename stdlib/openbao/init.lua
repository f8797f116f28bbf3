--- @module assay.openbao
-- OpenBao, the open-source fork of HashiCorp Vault with the same HTTP API: this module is
-- `assay.vault` itself (`require("assay.openbao") == require("assay.vault")`), so a client,
-- its methods and the helpers are those documented there.

return require("assay.vault")
