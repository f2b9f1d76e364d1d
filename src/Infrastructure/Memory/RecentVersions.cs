using System.Diagnostics.CodeAnalysis;

namespace Lifestyle.Infrastructure.Memory;

/// <summary>
/// The latest known version of recently used aggregates, in process memory and bounded: two
/// generations, where a full young generation becomes the old one and the previous old one is dropped
/// (an approximate LRU without per-hit bookkeeping). A value never replaces a newer one, so racing
/// writers leave the highest version. Callers treat an entry as a hint that a conditional write checks.
/// </summary>
public sealed class RecentVersions<TKey, TValue>(int capacity, Func<TValue, long> versionOf)
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly int generationSize = Math.Max(1, capacity / 2);
    private Dictionary<TKey, TValue> young = [];
    private Dictionary<TKey, TValue> old = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return young.Count + old.Count;
            }
        }
    }

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (gate)
        {
            if (young.TryGetValue(key, out value))
            {
                return true;
            }

            if (old.Remove(key, out value))
            {
                Add(key, value);
                return true;
            }

            return false;
        }
    }

    /// <summary>Remembers <paramref name="value"/> unless a newer version of the key is already known.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            if ((young.TryGetValue(key, out var known) || old.Remove(key, out known)) && versionOf(known) > versionOf(value))
            {
                value = known;
            }

            Add(key, value);
        }
    }

    public void Remove(TKey key)
    {
        lock (gate)
        {
            young.Remove(key);
            old.Remove(key);
        }
    }

    /// <summary>Forgets every key that matches (e.g. all of one user's).</summary>
    public void RemoveWhere(Func<TKey, bool> match)
    {
        lock (gate)
        {
            foreach (var key in young.Keys.Where(match).ToList())
            {
                young.Remove(key);
            }

            foreach (var key in old.Keys.Where(match).ToList())
            {
                old.Remove(key);
            }
        }
    }

    private void Add(TKey key, TValue value)
    {
        young[key] = value;
        if (young.Count >= generationSize)
        {
            old = young;
            young = [];
        }
    }
}
