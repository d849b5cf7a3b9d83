// The storage account: Durable Functions task hub, the app's tables, evidence blobs and the Flex deployment package.
// Entra ID only (no shared keys), TLS 1.2, HTTPS only, no anonymous blob access; with network isolation, reachable
// through private endpoints only. Every blob container anyone uses is created here, so roles can be scoped to each.
param name string
param location string
param tags object = {}

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string = 'Standard_LRS'

@description('Container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@minValue(1)
@description('Days after last modification when the lifecycle backstop deletes evidence not under legal hold.')
param evidenceDeleteAfterDays int

@minValue(1)
param softDeleteDays int = 7

@description('Containers the Functions host and Durable Functions use (host locks, keys, task hub leases and large messages).')
param hostContainerNames array

@description('True: no public endpoint (private endpoints only). False: public endpoint, Entra ID only.')
param networkIsolation bool

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    allowCrossTenantReplication: false
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource evidenceContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  // The app's EvidenceStore writes here; the app creates its tables itself.
  name: 'evidence'
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Created up front (the host would create them on first start, which needs a role on the whole account).
resource hostContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for containerName in hostContainerNames: {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}]

// Backstop only: the app's retention sweep deletes on time. Evidence is uploaded tagged legalhold=false and
// retagged true under legal hold; lifecycle filters support only ==, so the rule matches 'false' exactly.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-evidence-after-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              // A prefix is container/blob-prefix: every blob of the evidence container.
              prefixMatch: ['evidence/']
              blobIndexMatch: [
                {
                  name: 'legalhold'
                  op: '=='
                  value: 'false'
                }
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: evidenceDeleteAfterDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output evidenceContainerName string = evidenceContainer.name
output deploymentContainerName string = deploymentContainer.name
output hostContainerNames array = [for (containerName, i) in hostContainerNames: hostContainers[i].name]
