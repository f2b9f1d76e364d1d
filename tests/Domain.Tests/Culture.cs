using System.Globalization;

namespace Lifestyle.Domain.Tests;

internal static class Culture
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, Invariant);
}
