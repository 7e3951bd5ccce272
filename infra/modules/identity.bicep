// The one identity the function app uses for storage, Language, Key Vault references and telemetry.
@description('Azure region.')
param location string

@description('Name of the user-assigned managed identity.')
param name string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
