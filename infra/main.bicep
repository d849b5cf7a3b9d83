// ServerlessComplaints on Azure: Functions (Flex Consumption) with Durable Functions, storage, Key Vault and monitoring.
// azd provisions this file at subscription scope; every resource lives in one resource group.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for all resources (Flex Consumption must be available there).')
param location string

@description('Object id of the user or service principal running azd; gets Key Vault Secrets Officer to set the secrets. Empty to skip.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal'])
@description('Kind of principalId: User for a developer, ServicePrincipal for the deploy workflow.')
param principalType string = 'User'

@minValue(1)
@description('Days an archived case is kept (Workflow:RetentionDays); the app sweep deletes on time, the lifecycle rule is a backstop.')
param retentionDays int = 365

@minValue(1)
@description('Days added to retentionDays before the lifecycle backstop deletes evidence not under legal hold; must exceed the longest case duration.')
param evidenceLifecycleMarginDays int = 30

@description('Client id of the Entra ID app registration for staff sign-in. Empty: staff routes stay closed (503) until it is set and provisioned again.')
param authClientId string = ''

@description('Tenant of the staff app registration; defaults to the deployment tenant.')
param authTenantId string = tenant().tenantId

@description('Key id of the active action-token key (ActionTokens:ActiveKeyId).')
param actionTokenKeyId string = 'k1'

@description('True (default): storage and Key Vault have no public endpoint; the app reaches them through private endpoints in a VNet it is integrated with (needs the Microsoft.App resource provider and a Flex Consumption region with VNet support). Secrets then go in through provisioning (the *Key parameters below, from azd env) rather than `az keyvault secret set` from a workstation. False: public endpoints stay open (Entra ID and RBAC only; a firewall default of Deny would lock out the app, which is not a trusted Azure service for storage or Key Vault without a VNet).')
param networkIsolation bool = true

@secure()
@description('Initial SendGrid API key; empty leaves the Key Vault secret as it is (set it after deployment).')
param sendGridApiKey string = ''

@secure()
@description('Initial action-token HMAC key (at least 32 characters); empty leaves the Key Vault secret as it is.')
param actionTokenKey string = ''

@secure()
@description('Initial status-link HMAC key (at least 32 characters); empty leaves the Key Vault secret as it is.')
param statusLinkKey string = ''

@secure()
@description('Initial Inbound Parse webhook secret; empty leaves the Key Vault secret as it is.')
param inboundEmailSecret string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'

// The Functions host's and Durable Functions' blob containers. Durable names its containers after the task hub in
// host.json (durableTask.hubName "ServerlessComplaints"), lowercased. 'dataprotection' holds the app's data-protection
// key ring (staff sessions, antiforgery tokens), shared by every instance.
var durableTaskHub = 'serverlesscomplaints'
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
  '${durableTaskHub}-leases'
  '${durableTaskHub}-applease'
  '${durableTaskHub}-largemessages'
  'dataprotection'
]
var storagePrivateLinks = ['blob', 'queue', 'table']

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

// Used only by the platform to read and write the deployment package: the app's own identity cannot change its code.
module deploymentIdentity 'core/identity/user-assigned-identity.bicep' = {
  name: 'deployment-identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}deploy-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${functionAppName}'
    evidenceDeleteAfterDays: retentionDays + evidenceLifecycleMarginDays
    hostContainerNames: hostContainerNames
    networkIsolation: networkIsolation
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    networkIsolation: networkIsolation
  }
}

module network 'core/network/virtual-network.bicep' = if (networkIsolation) {
  name: 'network'
  scope: rg
  params: {
    name: '${abbrs.networkVirtualNetworks}${resourceToken}'
    location: location
    tags: tags
  }
}

module storageEndpoints 'core/network/private-endpoint.bicep' = [for service in storagePrivateLinks: if (networkIsolation) {
  name: 'storage-${service}-endpoint'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}${service}-${resourceToken}'
    location: location
    tags: tags
    targetId: storage.outputs.id
    groupId: service
    dnsZoneName: 'privatelink.${service}.${environment().suffixes.storage}'
    subnetId: network.?outputs.privateEndpointSubnetId ?? ''
    virtualNetworkId: network.?outputs.id ?? ''
  }
}]

module vaultEndpoint 'core/network/private-endpoint.bicep' = if (networkIsolation) {
  name: 'key-vault-endpoint'
  scope: rg
  params: {
    name: '${abbrs.networkPrivateEndpoints}vault-${resourceToken}'
    location: location
    tags: tags
    targetId: keyVault.outputs.id
    groupId: 'vault'
    // privatelink.vaultcore.azure.net in the public cloud, derived so sovereign clouds get theirs.
    dnsZoneName: replace(environment().suffixes.keyvaultDns, '.vault.', 'privatelink.vaultcore.')
    subnetId: network.?outputs.privateEndpointSubnetId ?? ''
    virtualNetworkId: network.?outputs.id ?? ''
  }
}

module secrets 'app/secrets.bicep' = {
  name: 'secrets'
  scope: rg
  params: {
    keyVaultName: keyVault.outputs.name
    actionTokenKeyId: actionTokenKeyId
    sendGridApiKey: sendGridApiKey
    actionTokenKey: actionTokenKey
    statusLinkKey: statusLinkKey
    inboundEmailSecret: inboundEmailSecret
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    deploymentPrincipalId: deploymentIdentity.outputs.principalId
    storageAccountName: storage.outputs.name
    evidenceContainerName: storage.outputs.evidenceContainerName
    hostContainerNames: storage.outputs.hostContainerNames
    deploymentContainerName: storage.outputs.deploymentContainerName
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: principalId
    principalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    deploymentIdentityId: deploymentIdentity.outputs.id
    virtualNetworkSubnetId: network.?outputs.appSubnetId ?? ''
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    actionTokenKeyId: actionTokenKeyId
    retentionDays: retentionDays
    authClientId: authClientId
    authTenantId: authTenantId
  }
  // The app resolves Key Vault references and storage with its identity at start: grant the roles first, and with
  // network isolation let the private endpoints (and their DNS records) exist before it starts.
  dependsOn: [rbac, secrets, storageEndpoints, vaultEndpoint]
}

// Names and endpoints only: nothing here is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_URI string = api.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_EVIDENCE_CONTAINER_NAME string = storage.outputs.evidenceContainerName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
