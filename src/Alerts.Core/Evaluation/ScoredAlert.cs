namespace Alerts.Evaluation;

/// <summary>What the scorer reads of an alert: who said it and the statement.</summary>
public sealed record ScoredAlert(string Speaker, string Text);
