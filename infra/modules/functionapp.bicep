// The isolated-worker function app on Flex Consumption (FC1, Linux), running as the user-assigned identity.
param location string
param planName string
param appName string
param tags object

@description('Resource id and client id of the user-assigned identity.')
param identityId string
param identityClientId string

@description('Resource id of the identity the platform writes and reads the app package with; the app\'s own identity only reads it.')
param deploymentIdentityId string

@description('Subnet (delegated to Microsoft.App/environments) the app joins when private networking is on; empty for none.')
param subnetId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainer string

param appInsightsConnectionString string
param keyVaultName string

@description('Maximum instances Flex Consumption may scale to (40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Pipeline settings (Fetch__*, Smtp__*, Notify__*, …), as in local.settings.sample.json. No secrets here.')
param appSettings object

@description('Setting name to Key Vault secret name: these settings become Key Vault references.')
param keyVaultReferences object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {}, '${deploymentIdentityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: deploymentIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// Basic-auth publishing off: deployments go through Entra ID.
resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

// What the platform and the host need: identity-based storage, telemetry with Entra ID, the identity for SDK clients.
var platformSettings = {
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
}

// The feedback links in alerts point at this app's HTTP function (/api/feedback); an environment with its own domain
// sets Feedback__BaseUrl in appSettings, which wins.
var feedbackSettings = {
  Feedback__BaseUrl: 'https://${appName}.azurewebsites.net'
}

var secretReferences = toObject(
  items(keyVaultReferences),
  setting => setting.key,
  setting => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${setting.value})'
)

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(feedbackSettings, appSettings, secretReferences, platformSettings)
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
