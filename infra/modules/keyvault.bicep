// Key Vault in RBAC mode for the SMTP password and the Teams webhook URLs. A secret is written only when a value is
// given, so re-running the deployment without the values keeps the secrets already there.
param location string
param name string
param tags object

@description('Secret name to value; empty values are skipped. Values come from the deployer\'s environment.')
@secure()
param secretValues object

@description('Private endpoint only: the public endpoint refuses every network but the trusted Azure services and allowedIpRanges.')
param privateNetworking bool

@description('Public addresses or CIDR ranges (an operator\'s machine) let through when privateNetworking is on.')
param allowedIpRanges array

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
    // Enabled with Deny, not Disabled, so that an operator's allowed address and the trusted services still work.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
      ipRules: privateNetworking ? map(allowedIpRanges, range => { value: range }) : []
    }
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in items(secretValues): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
