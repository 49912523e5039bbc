using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NetvaerkPortal.Data;

/// <summary>Gives every SQLite connection the portal opens a <c>DANISH</c> collation (æ, ø, å after z, case ignored),
/// so an ORDER BY sorts as PostgreSQL's ICU collation does (<see cref="DatabaseProviders.DanishCollation"/>).</summary>
public sealed class SqliteDanishCollation : DbConnectionInterceptor
{
    public const string Name = "DANISH";

    public static readonly SqliteDanishCollation Instance = new();

    /// <summary>Danish letters first, case only to break ties, as ICU's da-DK does.</summary>
    public static readonly StringComparer Comparer = new DanishComparer();

    private SqliteDanishCollation()
    {
    }

    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        // Microsoft.Data.Sqlite keeps the collation with the connection object and registers it again on every open.
        (result as SqliteConnection)?.CreateCollation(Name, (left, right) => Comparer.Compare(left, right));
        return result;
    }

    private sealed class DanishComparer : StringComparer
    {
        private static readonly CompareInfo Danish = CultureInfo.GetCultureInfo("da-DK").CompareInfo;

        public override int Compare(string? x, string? y)
        {
            var letters = Danish.Compare(x, y, CompareOptions.IgnoreCase);
            return letters != 0 ? letters : Danish.Compare(x, y, CompareOptions.None);
        }

        public override bool Equals(string? x, string? y) => Compare(x, y) == 0;

        public override int GetHashCode(string obj) => Danish.GetHashCode(obj, CompareOptions.None);
    }
}
