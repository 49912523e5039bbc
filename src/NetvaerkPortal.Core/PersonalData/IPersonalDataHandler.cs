using System.Text.Json.Nodes;

namespace NetvaerkPortal.PersonalData;

/// <summary>The member whose personal data is exported or deleted. Content written before may name them by
/// id or by user name (Owner, Author), so both are given.</summary>
public sealed record PersonalDataSubject(string UserId, string UserName);

/// <summary>A module's share of a member's personal data (the platform exports and deletes its own: profile,
/// content, tokens). Modules keep their own tables, so each says what it holds about a member.</summary>
public interface IPersonalDataHandler
{
    /// <summary>Adds the module's sections to the member's export: this member's data only, nothing of other members.</summary>
    Task ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken);

    /// <summary>Removes or anonymises what the module holds about the member. Runs inside the deletion's
    /// transaction on the tenant's connection: a throw undoes the whole deletion.</summary>
    Task DeleteAsync(PersonalDataSubject subject, CancellationToken cancellationToken);
}
