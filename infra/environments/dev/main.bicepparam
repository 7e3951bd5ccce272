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

// Public endpoints that accept Entra ID only; true adds private endpoints and a VNet (about $39 a month, docs/DEPLOY.md).
param privateNetworking = false

// Where the stuck-work alerts (quarantine, dead letters, poison queue) are mailed; empty shows them in the portal only.
param alertEmail = readEnvironmentVariable('ALERTS_ALERT_EMAIL', '')

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
  Fetch__RunTimeout: '00:08:00'
  Fetch__MaxRetries: '3'
  Fetch__RetryDelay: '00:00:01'
  Fetch__MaxRetryAfter: '00:01:00'
  Fetch__BreakDuration: '00:02:00'
  Fetch__WarnAfterFailures: '3'
  Fetch__MaxItemsPerSource: '500'
  Fetch__SyndicationWindow: '7.00:00:00'
  Analysis__Threshold: '0.5'
  Analysis__Analyzer: 'AzureLanguage'
  // Novelty
  Novelty__Window: '30.00:00:00'
  Novelty__ClaimMatchThreshold: '0.75'
  Novelty__AnonymousContextThreshold: '0.3'
  Novelty__LshBands: '8'
  Novelty__LshRows: '1'
  Novelty__RecentCandidates: '32'
  Novelty__MaxCandidates: '256'
  Novelty__MaxStatementsPerSpeaker: '2000'
  Novelty__MaxSpeakerDocumentBytes: '1048576'
  // Delivery (issue 7). Subscribers: upload config/subscriptions.json to the storage account (see docs/DEPLOY.md).
  Smtp__Host: 'smtp.example.com'
  Smtp__Port: '587'
  Smtp__Security: 'StartTls'
  Smtp__UserName: 'alerts@example.com'
  Smtp__From: 'alerts@example.com'
  Smtp__FromName: 'Alerts'
  Smtp__UnsubscribeAddress: 'alerts-unsubscribe@example.com'
  Smtp__Timeout: '00:00:30'
  Notify__SubscriptionsFile: ''
  Notify__SubscriptionsRefresh: '00:00:30'
  Notify__RedriveSchedule: '0 */1 * * * *'
  Notify__DigestSchedule: '0 */5 * * * *'
  Notify__MaxAttempts: '10'
  Notify__RetryDelay: '00:00:30'
  Notify__MaxRetryDelay: '01:00:00'
  Notify__SendLease: '00:02:00'
  Notify__ResumeAfter: '00:15:00'
  Teams__Timeout: '00:00:30'
  // Feedback links (issue 20): the app's own URL is added by the template (Feedback__BaseUrl); the key is in Key Vault.
  Feedback__LinkLifetime: '60.00:00:00'
  Feedback__MaxEditAttempts: '20'
  // Recovery (issue 16): the reconciler catches up lost BlobCreated events and drains eventgrid-deadletter.
  Reconcile__Schedule: '0 */10 * * * *'
  Reconcile__GracePeriod: '00:10:00'
  Reconcile__MaxPerRun: '100'
  Poison__MaxAttempts: '3'
}

// Settings whose values live in Key Vault: setting name to secret name.
param keyVaultReferences = {
  Smtp__Password: 'smtp-password'
  Teams__Webhooks__Analysts: 'teams-webhook-0'
  Feedback__SigningKey: 'feedback-signing-key'
}

// Secret values, from the environment only. An unset variable leaves the secret in Key Vault as it is.
// The Teams webhook URLs are stored as teams-webhook-0, -1, …; map each to its setting in keyVaultReferences.
param secretValues = {
  'smtp-password': readEnvironmentVariable('SMTP_PASSWORD', '')
  'teams-webhook-0': readEnvironmentVariable('TEAMS_WEBHOOK_URL_0', '')
  // At least 32 random characters, e.g. openssl rand -base64 48.
  'feedback-signing-key': readEnvironmentVariable('FEEDBACK_SIGNING_KEY', '')
}
