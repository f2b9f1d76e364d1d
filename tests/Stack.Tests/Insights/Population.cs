using System.Text.RegularExpressions;
using Bogus;
using Lifestyle.Stack.Tests.Fixtures;

namespace Lifestyle.Stack.Tests.Insights;

/// <summary>Users made with Bogus who adopt the given templates, each logging a few plausible values.</summary>
public static class Population
{
    private static readonly Faker Fake = new() { Random = new Randomizer(20261202) };

    public static async Task<List<string>> AdoptAsync(StackFixture stack, int users, params string[] templates)
    {
        var ids = new List<string>();
        for (var u = 0; u < users; u++)
        {
            var name = Regex.Replace(Fake.Internet.UserName(), "[^A-Za-z0-9_-]", "_");
            var userId = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 33, 64)];
            using var client = stack.ClientFor(userId);
            foreach (var template in templates)
            {
                var goal = await client.CreateGoalAsync(new { templateId = template });
                await client.LogAsync(goal, Fake.Random.Int(1, 12));
            }

            ids.Add(userId);
        }

        return ids;
    }
}
