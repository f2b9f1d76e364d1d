namespace Lifestyle.Benchmarks.Phases;

/// <summary>Uniformly random goals and users, thread-safe.</summary>
internal sealed class Picker(int goals, int users)
{
    private readonly Random random = new(11);

    public int Goal()
    {
        lock (random)
        {
            return random.Next(goals);
        }
    }

    public int User()
    {
        lock (random)
        {
            return random.Next(users);
        }
    }
}
