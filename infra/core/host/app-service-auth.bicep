// App Service authentication (Easy Auth v2) with Entra ID as a bearer-token validator for an existing app.
// Unauthenticated requests pass (public form, status, action links, webhook); the app requires the validated
// principal (X-MS-CLIENT-PRINCIPAL, which the platform strips from incoming requests) on its staff routes.
param siteName string

@description('Client id of the Entra ID app registration (Application ID URI api://<clientId>).')
param clientId string

param tenantId string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
            clientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
