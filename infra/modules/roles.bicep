// Role assignments for the app's identity: the narrowest built-in roles that work, each scoped to one resource. Blob
// roles are scoped to containers: the app writes its data and the host's containers, and only reads its own package,
// which the separate deployment identity alone may write.
@description('Name of the user-assigned identity that receives the roles.')
param identityName string

@description('Name of the identity Flex Consumption uploads and reads the app package with.')
param deploymentIdentityName string
param storageAccountName string
param languageAccountName string
param keyVaultName string
param appInsightsName string

@description('Containers the pipeline reads and writes, the dead-letter container included.')
param dataContainers array

@description('Containers of the Functions host (locks, blob receipts, keys).')
param hostContainers array
param deploymentContainer string

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource deploymentIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: deploymentIdentityName
}

var principalId = identity.properties.principalId

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource package 'containers' existing = {
      name: deploymentContainer
    }
  }
}

resource data 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for container in dataContainers: {
    parent: storage::blobService
    name: container
  }
]

resource hosts 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for container in hostContainers: {
    parent: storage::blobService
    name: container
  }
]

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: languageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Reason: the pipeline reads, writes and deletes its own blobs; one assignment per data container, none account-wide.
resource dataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in dataContainers: {
    name: guid(data[i].id, identity.id, roles.storageBlobDataContributor)
    scope: data[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Reason: the host's AzureWebJobsStorage (leases, timer locks, blob receipts, keys); the Functions docs ask for Owner, given on the host's containers only.
resource hostOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in hostContainers: {
    name: guid(hosts[i].id, identity.id, roles.storageBlobDataOwner)
    scope: hosts[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Reason: the app may read its own deployment package, never rewrite it.
resource packageReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::package.id, identity.id, roles.storageBlobDataReader)
  scope: storage::blobService::package
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Reason: Flex Consumption uploads a new package with the deployment identity; it may write that container and nothing else.
resource packageWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::package.id, deploymentIdentity.id, roles.storageBlobDataContributor)
  scope: storage::blobService::package
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: deploymentIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Reason: blob triggers queue their work (and poison messages) in the storage account's queues.
resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalType: 'ServicePrincipal'
    principalId: principalId
  }
}

// Reason: the host writes diagnostic events to Table storage through AzureWebJobsStorage__tableServiceUri.
resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalType: 'ServicePrincipal'
    principalId: principalId
  }
}

// Reason: Application Insights has local auth off; publishing telemetry with Entra ID needs this role on the component.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalType: 'ServicePrincipal'
    principalId: principalId
  }
}

// Reason: calling analyze-text with an Entra token (keys are disabled); data actions only, no management rights.
resource languageUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(language.id, identity.id, roles.cognitiveServicesUser)
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser)
    principalType: 'ServicePrincipal'
    principalId: principalId
  }
}

// Reason: resolving the app's Key Vault references; reads secrets, cannot create, change or delete them.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalType: 'ServicePrincipal'
    principalId: principalId
  }
}
