namespace Alerts.Fetching;

/// <param name="Text">Main text as plain paragraphs separated by a blank line; empty when the page has none.</param>
/// <param name="Canonical">The URL the page declares as canonical (rel=canonical, then og:url), absolute, not normalised.</param>
/// <param name="Published">UTC.</param>
public sealed record ExtractedPage(string Title, string Text, Uri? Canonical, string? Author, DateTimeOffset? Published, string? Language);
