// The app's secrets in Key Vault. A value is written only when one is passed: a later provision without it leaves
// the secret alone (secrets are normally set once with `az keyvault secret set`, see the README).
param keyVaultName string
param actionTokenKeyId string

@secure()
param sendGridApiKey string = ''

@secure()
param actionTokenKey string = ''

@secure()
param statusLinkKey string = ''

@secure()
param inboundEmailSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'SendGrid-ApiKey'
  properties: {
    value: sendGridApiKey
  }
}

resource actionToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(actionTokenKey)) {
  parent: vault
  name: 'ActionTokens-Keys-${actionTokenKeyId}'
  properties: {
    value: actionTokenKey
  }
}

resource statusLink 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(statusLinkKey)) {
  parent: vault
  name: 'Security-StatusLinkKey'
  properties: {
    value: statusLinkKey
  }
}

resource inboundEmail 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(inboundEmailSecret)) {
  parent: vault
  name: 'InboundEmail-Secret'
  properties: {
    value: inboundEmailSecret
  }
}
