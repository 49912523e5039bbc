namespace NetvaerkPortal.Security;

/// <summary>The <c>Portal:SignIn</c> section: how sign-in attempts are slowed down. The numbers are per tenant
/// and per web node (the counts live in memory).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Portal:SignIn";

    /// <summary>Sign-in posts one client address may make per <see cref="AddressWindowSeconds"/>, right or wrong:
    /// a flood guard, generous because an office or a municipality signs in from one address.</summary>
    public int AddressPermitLimit { get; set; } = 100;

    public int AddressWindowSeconds { get; set; } = 60;

    /// <summary>Wrong passwords for one account name from one address before the delays start.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>Wrong passwords from one address, whichever account names, before the delays start.</summary>
    public int FreeAddressFailures { get; set; } = 20;

    /// <summary>The first delay; each further wrong password doubles it, up to <see cref="MaxDelaySeconds"/>.</summary>
    public int FirstDelaySeconds { get; set; } = 2;

    public int MaxDelaySeconds { get; set; } = 900;
}
