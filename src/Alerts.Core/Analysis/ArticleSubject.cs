namespace Alerts.Analysis;

/// <summary>What an article is about, read once from its title and lead paragraphs (<see cref="TopicScorer.Subject"/>):
/// every statement in it is judged against this as well as against its own words and context.</summary>
public sealed class ArticleSubject
{
    internal ArticleSubject(string title, string lead, TopicEvidence evidence, bool excluded, bool elsewhere)
    {
        Title = title;
        Lead = lead;
        Evidence = evidence;
        Excluded = excluded;
        Elsewhere = elsewhere;
    }

    /// <summary>No title and no lead: nothing is known of the article, so nothing in it is held against a statement.</summary>
    public static ArticleSubject Unknown { get; } = new("", "", TopicEvidence.None, false, false);

    public string Title { get; }
    public string Lead { get; }

    /// <summary>Title or lead are about an excluded subject (tariffs, an extradition) rather than an action.</summary>
    public bool Excluded { get; }

    /// <summary>The headline (title and first lead paragraph) names places elsewhere (Venezuela, Ecuador, Chicago)
    /// more often than the watched one.</summary>
    public bool Elsewhere { get; }

    /// <summary>Title and lead tie an action to the watched place or adversary, with an outside actor, and are about
    /// neither an excluded subject nor somewhere else.</summary>
    public bool OnTopic => !Excluded && !Elsewhere && Evidence.HasAction && Evidence.Tie && Evidence.Agent;

    public bool IsKnown => Title.Length > 0 || Lead.Length > 0;

    internal TopicEvidence Evidence { get; }
}
