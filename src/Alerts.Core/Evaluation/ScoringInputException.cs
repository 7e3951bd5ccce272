namespace Alerts.Evaluation;

/// <summary>A gold file or alerts file the scorer cannot read; the message names the file and what is wrong.</summary>
public sealed class ScoringInputException(string message, Exception? inner = null) : Exception(message, inner);
