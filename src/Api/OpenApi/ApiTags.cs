namespace Lifestyle.Api.OpenApi;

/// <summary>The document's tags: each operation has one.</summary>
public static class ApiTags
{
    public const string Goals = "Goals";
    public const string Activities = "Activities";
    public const string Progress = "Progress";
    public const string Dashboard = "Dashboard";
    public const string Export = "Export";
    public const string Insights = "Insights";
    public const string Templates = "Templates";
    public const string Health = "Health";
    public const string Account = "Account";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Goals] = "Create, change and list goals; pause, resume, complete and archive them.",
        [Activities] = "Log activities against a goal, list and remove them.",
        [Progress] = "A goal's daily and weekly figures.",
        [Dashboard] = "Every active goal with a summary.",
        [Export] = "All of the user's goals and activities, as JSON or CSV.",
        [Insights] = "What the daily close found in each goal's last 28 days, and templates to try next.",
        [Templates] = "The goal templates a goal can be created from (no token needed).",
        [Account] = "Erase the account and everything of the user, and follow the erasure.",
        [Health] = "Liveness and readiness of the process (no token needed).",
    };
}
