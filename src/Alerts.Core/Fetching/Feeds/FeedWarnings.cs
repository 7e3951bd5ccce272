namespace Alerts.Fetching;

/// <summary>Collects what a parse skipped or guessed, with a cap so a broken 10,000-item feed stays readable.</summary>
internal sealed class FeedWarnings
{
    private const int MaxDetailed = 20;

    private readonly List<string> warnings = [];
    private int dropped;

    public int ItemsWithoutLink { get; set; }

    public void Add(string warning)
    {
        if (warnings.Count < MaxDetailed)
        {
            warnings.Add(warning);
        }
        else
        {
            dropped++;
        }
    }

    public IReadOnlyList<string> ToList()
    {
        var all = new List<string>(warnings);
        if (dropped > 0)
        {
            all.Add($"{dropped} more warnings not shown");
        }
        if (ItemsWithoutLink > 0)
        {
            all.Add($"skipped {ItemsWithoutLink} item(s) without a usable link");
        }
        return all;
    }
}
