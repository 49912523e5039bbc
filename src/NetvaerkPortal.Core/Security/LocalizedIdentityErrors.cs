using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace NetvaerkPortal.Security;

/// <summary>Identity's messages for the errors a person filling in a user form can cause, in the reader's
/// language (English keys, Danish in da.json); the rest keep Identity's own text.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizerFactory localizers) : IdentityErrorDescriber
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(LocalizedIdentityErrors));

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "The user name '{0}' is already taken.", userName);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "The user name '{0}' may only contain letters, digits and - . _ @ +.", userName ?? "");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "'{0}' is not a valid e-mail address.", email ?? "");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "The password must be at least {0} characters long.", length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "The password must contain a digit (0-9).");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "The password must contain a lowercase letter (a-z).");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "The password must contain an uppercase letter (A-Z).");

    private IdentityError Error(string code, string template, params object[] arguments) =>
        new() { Code = code, Description = _text[template, arguments] };
}
