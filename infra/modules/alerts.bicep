// Alerts an operator must see: a blob quarantined after failing every retry, an event Event Grid gave up on, a message
// in the blob trigger's poison queue. Each is work the pipeline will not finish alone (./run.sh poison list|retry).
param location string
param tags object
param namePrefix string
param workspaceName string
param eventGridTopicName string
param deadLetterContainer string
param poisonQueue string

@description('Email address the alerts go to; empty for none (the alerts still show in the portal).')
param alertEmail string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: eventGridTopicName
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(namePrefix, 12)
    enabled: true
    emailReceivers: [{ name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

var actions = empty(alertEmail) ? [] : [operators.id]

// Quarantine (event 5006, "Quarantined articles/… after 3 failed attempt(s)") from the app's traces, dead letters
// from the blob log of the dead-letter container, poison messages from the queue log.
var stuckWork = '''
let quarantined = AppTraces | where Message startswith "Quarantined " | project TimeGenerated, Kind = "quarantined";
let deadLettered = StorageBlobLogs | where OperationName in ("PutBlob", "PutBlockList") and Uri has "/{0}/" | project TimeGenerated, Kind = "dead-lettered";
let poisoned = StorageQueueLogs | where OperationName == "PutMessage" and Uri has "/{1}/" | project TimeGenerated, Kind = "poison queue";
union quarantined, deadLettered, poisoned
| summarize Count = count() by Kind
'''

resource stuckWorkAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-stuck-work'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Alerts: work quarantined, dead-lettered or poisoned'
    description: 'A blob failed every retry and was quarantined, Event Grid dead-lettered a blob event, or the blob trigger poisoned a message. See ./run.sh poison list and docs/RELIABILITY.md.'
    severity: 2
    enabled: true
    scopes: [workspace.id]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: format(stuckWork, deadLetterContainer, poisonQueue)
          timeAggregation: 'Total'
          metricMeasureColumn: 'Count'
          dimensions: [{ name: 'Kind', operator: 'Include', values: ['*'] }]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: actions }
  }
}

// The same dead letters seen from Event Grid's side, within minutes and without waiting for the logs.
resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${namePrefix}-dead-letters'
  location: 'global'
  tags: tags
  properties: {
    description: 'Event Grid dead-lettered a blob event: the Reconcile timer hands its blob on; check why delivery failed.'
    severity: 2
    enabled: true
    scopes: [topic.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricName: 'DeadLetteredCount'
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
        }
      ]
    }
    autoMitigate: true
    actions: [for group in actions: { actionGroupId: group }]
  }
}
