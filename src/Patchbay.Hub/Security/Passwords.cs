using Microsoft.AspNetCore.Identity;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>
/// User passwords: at least <see cref="MinLength"/> characters (length beats composition rules), hashed with
/// ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a salt; old hashes are re-hashed
/// on sign-in when its defaults grow).
/// </summary>
public static class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 200;

    private static readonly PasswordHasher<UserRecord> Hasher = new();

    /// <summary>A hash that matches no password: verified against for unknown names, so timing does not tell names apart.</summary>
    private static readonly string Decoy = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public static IReadOnlyList<ProblemError> Check(string? password, string path = "$.password") =>
        password is { Length: >= MinLength and <= MaxLength } && !string.IsNullOrWhiteSpace(password)
            ? []
            : [ProblemError.Field(path, $"Required: {MinLength} to {MaxLength} characters; a few unrelated words make a good one.")];

    public static string Hash(UserRecord user, string password) => Hasher.HashPassword(user, password);

    /// <summary>Whether the password matches; <paramref name="rehash"/> is set when the stored hash should be renewed.</summary>
    public static bool Matches(UserRecord? user, string password, out bool rehash)
    {
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? Decoy, password);
        rehash = user is not null && result == PasswordVerificationResult.SuccessRehashNeeded;
        return user is not null && result != PasswordVerificationResult.Failed;
    }
}
