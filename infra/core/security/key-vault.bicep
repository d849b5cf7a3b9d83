// Key Vault for the app's secrets: Azure RBAC only (no access policies), soft delete and purge protection on; with
// network isolation, reachable through its private endpoint only (secrets are still set through ARM by provisioning).
param name string
param location string
param tags object = {}

@description('True: no public endpoint (private endpoint only). False: public endpoint, Entra ID and RBAC only.')
param networkIsolation bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be turned off again: a deleted vault stays recoverable for 90 days.
    enablePurgeProtection: true
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
    }
    accessPolicies: []
  }
}

output name string = vault.name
output id string = vault.id
output endpoint string = vault.properties.vaultUri
