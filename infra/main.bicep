// Alerts on Azure: storage, the Flex Consumption function app, Application Insights, Azure AI Language, Key Vault and
// the app's managed identity; then, once the code runs, the Event Grid subscriptions that feed the blob triggers.
// Deploy in three steps (scripts/deploy.sh): infrastructure, code, subscriptions (subscribeEvents = true).
targetScope = 'resourceGroup'

@description('Environment name, part of every resource name (dev, test, prod).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Short lowercase prefix for resource names (letters and digits).')
@minLength(2)
@maxLength(8)
param namePrefix string = 'alerts'

@description('Azure region; Flex Consumption must be offered there.')
param location string = resourceGroup().location

@description('Maximum instances Flex Consumption may scale to (40 to 1000).')
param maximumInstanceCount int = 40

@description('Memory per instance in MB (512, 2048 or 4096).')
param instanceMemoryMB int = 2048

@description('Azure AI Language pricing tier: F0 (free, one per subscription) or S.')
@allowed(['F0', 'S'])
param languageSku string = 'S'

@description('Daily Log Analytics ingestion cap in GB (-1 for none).')
param logDailyQuotaGb int = 1

@description('Pipeline settings as in local.settings.sample.json (A__B names). Never secrets: see keyVaultReferences.')
param appSettings object

@description('Setting name to Key Vault secret name; the app reads these through Key Vault references.')
param keyVaultReferences object

@description('Secret name to value, written to Key Vault when not empty. Fill from the environment, never a file.')
@secure()
param secretValues object = {}

@description('App setting that receives the Azure AI Language endpoint; empty for none.')
param languageEndpointSetting string = ''

@description('Private endpoints for storage, Key Vault and Language, and the app in a virtual network (about $40 a month more; docs/DEPLOY.md). Off: public endpoints that accept Entra ID only.')
param privateNetworking bool = false

@description('With privateNetworking: public addresses or CIDR ranges (an operator\'s machine) storage and Key Vault still accept.')
param allowedIpRanges array = []

@description('Email address for the stuck-work alerts (quarantine, dead letters, poison queue); empty for none.')
param alertEmail string = ''

@description('Days articles are kept; analyses, delivery summaries and fingerprints are kept a little longer (see lifecycleRules).')
@minValue(31)
@maxValue(3650)
param articleRetentionDays int = 90

@description('Step 3: subscribe the blob triggers to Event Grid. Needs the code deployed and its host started.')
param subscribeEvents bool = false

var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var baseName = '${namePrefix}-${environmentName}-${suffix}'
var tags = {
  application: 'alerts'
  environment: environmentName
}

// PipelineNames.Containers, plus config for configuration documents.
var pipelineContainers = ['articles', 'analyses', 'statements', 'deliveries', 'sources', 'fingerprints', 'config', 'poison']
// The blob-triggered functions and the containers they watch (PipelineNames).
var blobTriggers = {
  AnalyzeArticle: 'articles'
  NotifySubscribers: 'analyses'
}
// The Functions host's own containers, created up front so its roles can be scoped to them.
var hostContainers = ['azure-webjobs-hosts', 'azure-webjobs-secrets']
var deploymentContainer = 'app-package'
var deadLetterContainer = 'eventgrid-deadletter'
var poisonQueue = 'webjobs-blobtrigger-poison'

// Lifecycle: each step's output outlives its input, so the reconciler never finds an article without its analysis
// (nor an analysis without its delivery summary) and runs it again; URL aliases outlive articles, so an old item still
// in a feed is not stored anew. Novelty's window (30 days) is well inside articleRetentionDays. Blobs written once
// count from creation; rewritten ones (SimHash buckets, delivery records) from their last write. Pending deliveries,
// digests, notifying markers, source state, statements, config and poison are never expired.
var lifecycleRules = [
  { name: 'articles', prefix: 'articles/', days: articleRetentionDays, fromCreation: true }
  { name: 'analyses', prefix: 'analyses/', days: articleRetentionDays + 7, fromCreation: true }
  { name: 'delivery-summaries', prefix: 'deliveries/analyses/', days: articleRetentionDays + 14, fromCreation: true }
  { name: 'delivery-records', prefix: 'deliveries/records/', days: articleRetentionDays + 14, fromCreation: false }
  { name: 'fingerprints', prefix: 'fingerprints/', days: articleRetentionDays * 2, fromCreation: false }
]

// Names are computed here, not read from module outputs, so what-if can predict every resource.
var names = {
  identity: 'id-${baseName}'
  deploymentIdentity: 'id-${baseName}-deploy'
  network: 'vnet-${baseName}'
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  storage: take(toLower('st${namePrefix}${environmentName}${suffix}'), 24)
  language: 'lang-${baseName}'
  keyVault: take(toLower('kv${namePrefix}${environmentName}${suffix}'), 24)
  plan: 'plan-${baseName}'
  app: 'func-${baseName}'
  eventGridTopic: 'evgt-${baseName}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: names.identity
    tags: tags
  }
}

// Only the platform's deployment uses this identity: it alone may write the app package.
module deploymentIdentity 'modules/identity.bicep' = {
  name: 'deployment-identity'
  params: {
    location: location
    name: names.deploymentIdentity
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    dailyQuotaGb: logDailyQuotaGb
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: names.storage
    containers: pipelineContainers
    hostContainers: hostContainers
    deploymentContainer: deploymentContainer
    deadLetterContainer: deadLetterContainer
    queues: [poisonQueue]
    privateNetworking: privateNetworking
    allowedIpRanges: allowedIpRanges
    lifecycleRules: lifecycleRules
    tags: tags
  }
}

module language 'modules/language.bicep' = {
  name: 'language'
  params: {
    location: location
    name: names.language
    sku: languageSku
    privateNetworking: privateNetworking
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: names.keyVault
    secretValues: secretValues
    privateNetworking: privateNetworking
    allowedIpRanges: allowedIpRanges
    tags: tags
  }
}

module network 'modules/network.bicep' = if (privateNetworking) {
  name: 'network'
  dependsOn: [storage, keyVault, language]
  params: {
    location: location
    name: names.network
    tags: tags
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    languageAccountName: names.language
  }
}

module diagnostics 'modules/diagnostics.bicep' = {
  name: 'diagnostics'
  dependsOn: [storage, keyVault, monitoring]
  params: {
    workspaceName: names.workspace
    storageAccountName: names.storage
    keyVaultName: names.keyVault
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [identity, deploymentIdentity, storage, language, keyVault, monitoring]
  params: {
    identityName: names.identity
    deploymentIdentityName: names.deploymentIdentity
    dataContainers: union(pipelineContainers, [deadLetterContainer])
    hostContainers: hostContainers
    deploymentContainer: deploymentContainer
    storageAccountName: names.storage
    languageAccountName: names.language
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [roles]
  params: {
    location: location
    planName: names.plan
    appName: names.app
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    deploymentIdentityId: deploymentIdentity.outputs.id
    subnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainer: deploymentContainer
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: names.keyVault
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: empty(languageEndpointSetting)
      ? appSettings
      : union(appSettings, { '${languageEndpointSetting}': language.outputs.endpoint })
    keyVaultReferences: keyVaultReferences
    tags: tags
  }
}

module eventGridTopic 'modules/eventgrid-topic.bicep' = {
  name: 'eventgrid-topic'
  dependsOn: [storage]
  params: {
    location: location
    name: names.eventGridTopic
    storageAccountName: names.storage
    deadLetterContainer: deadLetterContainer
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  dependsOn: [monitoring, eventGridTopic]
  params: {
    location: location
    tags: tags
    namePrefix: '${namePrefix}-${environmentName}'
    workspaceName: names.workspace
    eventGridTopicName: names.eventGridTopic
    deadLetterContainer: deadLetterContainer
    poisonQueue: poisonQueue
    alertEmail: alertEmail
  }
}

module eventGridSubscriptions 'modules/eventgrid-subscriptions.bicep' = if (subscribeEvents) {
  name: 'eventgrid-subscriptions'
  dependsOn: [eventGridTopic, functionApp]
  params: {
    topicName: names.eventGridTopic
    appName: names.app
    storageAccountName: names.storage
    deadLetterContainer: deadLetterContainer
    triggers: blobTriggers
  }
}

output appName string = functionApp.outputs.name
output appHostName string = functionApp.outputs.defaultHostName
output storageAccountName string = storage.outputs.name
output languageEndpoint string = language.outputs.endpoint
output keyVaultName string = keyVault.outputs.name
output appInsightsName string = monitoring.outputs.appInsightsName
output eventGridTopicName string = eventGridTopic.outputs.name
