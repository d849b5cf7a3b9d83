// App Service authentication (Easy Auth v2) with Entra ID: browser sign-in for staff (/.auth/login/aad) and a token
// store, from which the platform forwards the signed-in user's ID token (X-MS-TOKEN-AAD-ID-TOKEN) to the app.
// Unauthenticated requests pass (public form, status, action links, webhook). The app itself validates that ID token
// or an API client's bearer token on its staff routes; it never trusts X-MS-CLIENT-PRINCIPAL.
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
      // The forwarded ID token is what the app validates for browser sessions.
      tokenStore: {
        enabled: true
      }
    }
  }
}
