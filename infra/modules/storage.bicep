// The pipeline's storage account: its containers, the deployment package container, the Event Grid dead-letter
// container and the blob trigger's poison queue. Entra ID only: no shared keys, no anonymous reads, HTTPS and TLS 1.2.
param location string
param name string
param tags object

@description('Blob containers the pipeline reads and writes (PipelineNames.Containers, plus config).')
param containers array

@description('Containers the Functions host keeps its locks, blob receipts and keys in; created here so the app needs no account-wide role.')
param hostContainers array

@description('Container Flex Consumption deploys the app package from.')
param deploymentContainer string

@description('Container Event Grid writes undeliverable blob events to.')
param deadLetterContainer string

@description('Queues created up front so operators can watch them.')
param queues array

@description('Private endpoints only: the public endpoint refuses every network but the trusted Azure services and allowedIpRanges.')
param privateNetworking bool

@description('Public addresses or CIDR ranges (an operator\'s machine) let through when privateNetworking is on.')
param allowedIpRanges array

@description('Lifecycle rules: name, prefix (container/path), days, and whether the days count from creation or from the last write.')
param lifecycleRules array

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    // Enabled with Deny, not Disabled: Disabled would also shut out the trusted services (Event Grid's dead letters).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
      ipRules: privateNetworking ? map(allowedIpRanges, range => { value: range, action: 'Allow' }) : []
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in union(containers, hostContainers, [deploymentContainer, deadLetterContainer]): {
    parent: blobService
    name: container
    properties: { publicAccess: 'None' }
  }
]

// What the pipeline keeps only for a while; the rules and why each lasts as long as it does are in main.bicep.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        for rule in lifecycleRules: {
          name: rule.name
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [rule.prefix]
            }
            actions: {
              baseBlob: {
                delete: rule.fromCreation
                  ? { daysAfterCreationGreaterThan: rule.days }
                  : { daysAfterModificationGreaterThan: rule.days }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [blobContainers]
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
