// Azure AI Language: Entra ID only (no keys), reached through its custom subdomain.
param location string
param name string
param tags object

@description('F0 (free, 5,000 text records a month) or S.')
@allowed(['F0', 'S'])
param sku string = 'S'

@description('Private endpoint only: only the app, through the virtual network, calls Language.')
param privateNetworking bool

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: { name: sku }
  identity: { type: 'None' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: { defaultAction: privateNetworking ? 'Deny' : 'Allow' }
  }
}

output id string = language.id
output name string = language.name
output endpoint string = language.properties.endpoint
