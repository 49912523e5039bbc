using System.Security.Cryptography;

namespace NetvaerkPortal.Security;

/// <summary>Passwords the portal makes up (a new tenant's administrator, <c>users reset-password</c>). They are
/// shown once to whoever ran the command and stored only as a hash; never written to a log.</summary>
public static class GeneratedPasswords
{
    // No look-alikes (0/O, 1/l/I), so a password read off a screen can be typed.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 20;

    /// <summary>20 random characters (about 116 bits) with a lowercase letter, an uppercase letter and a digit, as the password rules ask.</summary>
    public static string Create()
    {
        while (true)
        {
            var password = new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length));
            if (password.Any(char.IsLower) && password.Any(char.IsUpper) && password.Any(char.IsDigit))
            {
                return password;
            }
        }
    }
}
