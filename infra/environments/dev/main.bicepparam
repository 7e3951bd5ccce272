// The dev environment. Secrets are read from the deployer's environment at deploy time and written to Key Vault;
// the app sees them only as Key Vault references. Replace the example feeds, SMTP relay and subscribers.
using '../../main.bicep'

param environmentName = 'dev'
param languageSku = 'S'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param logDailyQuotaGb = 1

// Step 3 of scripts/deploy.sh sets ALERTS_SUBSCRIBE_EVENTS=true once the code runs.
// AnalyzeArticle signs in to Azure AI Language with the app's managed identity (the resource allows no keys); the
// template writes the resource's endpoint into this setting.
param languageEndpointSetting = 'Analysis__Language__Endpoint'

param subscribeEvents = bool(readEnvironmentVariable('ALERTS_SUBSCRIBE_EVENTS', 'false'))

// Every pipeline setting of local.settings.sample.json has its Azure value here (or in main.bicep); a test checks it.
param appSettings = {
  Fetch__Schedule: '0 */5 * * * *'
  Fetch__Sources__0__Name: 'Example Wire'
  Fetch__Sources__0__Url: 'https://news.example.org/world/rss.xml'
  Fetch__Sources__1__Name: 'Example Daily'
  Fetch__Sources__1__Url: 'https://daily.example.net/feeds/americas.atom'
  Fetch__RequestTimeout: '00:00:20'
  Fetch__MaxResponseBytes: '5242880'
  Fetch__MaxConcurrentSources: '4'
  Fetch__FullTextBelowChars: '600'
  Fetch__SourceTimeout: '00:03:00'
  Fetch__MaxRetries: '3'
  Fetch__RetryDelay: '00:00:01'
  Fetch__MaxRetryAfter: '00:01:00'
  Fetch__BreakDuration: '00:02:00'
  Fetch__MaxItemsPerSource: '500'
  Fetch__SyndicationWindow: '7.00:00:00'
  Analysis__Threshold: '0.5'
  Analysis__Analyzer: 'AzureLanguage'
  Smtp__Host: 'smtp.example.com'
  Smtp__Port: '587'
  Smtp__Security: 'StartTls'
  Smtp__UserName: 'alerts@example.com'
  Smtp__From: 'alerts@example.com'
  Smtp__FromName: 'Alerts'
  Notify__Subscribers__0__Id: 'desk'
  Notify__Subscribers__0__Name: 'News desk'
  Notify__Subscribers__0__Email: 'desk@example.com'
  Notify__Subscribers__0__MinRelevance: '0'
}

// Settings whose values live in Key Vault: setting name to secret name.
param keyVaultReferences = {
  Smtp__Password: 'smtp-password'
}

// Secret values, from the environment only. An unset variable leaves the secret in Key Vault as it is.
// The Teams webhook URLs are stored as teams-webhook-0, -1, …; map each to its setting in keyVaultReferences.
param secretValues = {
  'smtp-password': readEnvironmentVariable('SMTP_PASSWORD', '')
  'teams-webhook-0': readEnvironmentVariable('TEAMS_WEBHOOK_URL_0', '')
}
