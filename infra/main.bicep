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
var deploymentContainer = 'app-package'
var deadLetterContainer = 'eventgrid-deadletter'
var poisonQueue = 'webjobs-blobtrigger-poison'

// Names are computed here, not read from module outputs, so what-if can predict every resource.
var names = {
  identity: 'id-${baseName}'
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
    deploymentContainer: deploymentContainer
    deadLetterContainer: deadLetterContainer
    queues: [poisonQueue]
    tags: tags
  }
}

module language 'modules/language.bicep' = {
  name: 'language'
  params: {
    location: location
    name: names.language
    sku: languageSku
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: names.keyVault
    secretValues: secretValues
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [identity, storage, language, keyVault, monitoring]
  params: {
    identityName: names.identity
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
