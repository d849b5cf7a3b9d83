// The ServerlessComplaints Functions app: Flex Consumption, identity-based storage for the Functions host and
// Durable Functions, secrets as Key Vault references, Entra ID ingestion into Application Insights.
param name string
param planName string
param location string
param tags object = {}

param identityId string
param identityClientId string

@description('Identity the platform deploys the package with (Storage Blob Data Contributor on its container only).')
param deploymentIdentityId string

@description('Subnet for VNet integration when storage and Key Vault are private; empty: none.')
param virtualNetworkSubnetId string = ''
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultName string
param actionTokenKeyId string
param retentionDays int

@description('Public base URL in links sent to customers and staff; empty: the app\'s default host name.')
param publicBaseUrl string = ''

@description('Entra ID app registration for staff sign-in; empty: the app keeps staff routes closed (503) and App Service authentication is skipped.')
param authClientId string = ''

@description('Tenant whose tokens the app accepts for staff.')
param authTenantId string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var endpoints = storage.properties.primaryEndpoints

module host '../core/host/flex-function-app.bicep' = {
  name: 'api-host'
  params: {
    name: name
    planName: planName
    location: location
    tags: tags
    identityId: identityId
    deploymentIdentityId: deploymentIdentityId
    virtualNetworkSubnetId: virtualNetworkSubnetId
    deploymentContainerUrl: '${endpoints.blob}${deploymentContainerName}'
    appSettings: {
      // Functions host and Durable Functions storage with the managed identity: no connection string, no keys.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: endpoints.blob
      AzureWebJobsStorage__queueServiceUri: endpoints.queue
      AzureWebJobsStorage__tableServiceUri: endpoints.table
      // DefaultAzureCredential in the app picks the user-assigned identity from AZURE_CLIENT_ID.
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The worker's OpenTelemetry (traces, metrics, logs) goes to the same Application Insights under this service name.
      OTEL_SERVICE_NAME: 'serverless-complaints'
      // Secrets are Key Vault references resolved with the site's keyVaultReferenceIdentity ('-' for '__').
      SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=SendGrid-ApiKey)'
      Security__StatusLinkKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=Security-StatusLinkKey)'
      InboundEmail__Secret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=InboundEmail-Secret)'
      ActionTokens__ActiveKeyId: actionTokenKeyId
      'ActionTokens__Keys__${actionTokenKeyId}': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=ActionTokens-Keys-${actionTokenKeyId})'
      Workflow__RetentionDays: string(retentionDays)
      Notifications__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net' : publicBaseUrl
      // Staff identity: the app validates Entra ID tokens itself (tenant, audience, signature, lifetime); an empty
      // client id closes the staff routes. Nothing here trusts a principal header.
      StaffIdentity__Instance: environment().authentication.loginEndpoint
      StaffIdentity__TenantId: authTenantId
      StaffIdentity__ClientId: authClientId
    }
  }
}

// Browser sign-in for staff when an app registration exists; public routes stay anonymous either way.
module staffAuth '../core/host/app-service-auth.bicep' = if (!empty(authClientId)) {
  name: 'api-staff-auth'
  params: {
    siteName: host.outputs.name
    clientId: authClientId
    tenantId: authTenantId
  }
}

output name string = host.outputs.name
output uri string = 'https://${host.outputs.defaultHostName}'
