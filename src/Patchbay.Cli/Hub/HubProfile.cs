using System.Text.Json;
using System.Text.Json.Serialization;

namespace Patchbay.Cli.Hub;

/// <summary>
/// Where the CLI finds a hub and its API key: <c>--hub</c>, then <c>PATCHBAY_HUB</c> / <c>PATCHBAY_API_KEY</c>,
/// then a profile of the profile file (<c>PATCHBAY_PROFILES</c>, default <c>~/.config/patchbay/profiles.json</c>):
/// <c>{"profiles": {"default": {"hub": "http://127.0.0.1:5080", "apiKey": "pb_…"}}}</c>. A key is never taken from
/// the command line, where other users of the machine could read it.
/// </summary>
internal sealed record HubProfile(Uri Hub, string? ApiKey)
{
    public const string DefaultProfile = "default";

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static string ProfileFile() => ProfileFile(Environment.GetEnvironmentVariable);

    public static string ProfileFile(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment("PATCHBAY_PROFILES") is { Length: > 0 } file
            ? file
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "patchbay", "profiles.json");
    }

    /// <exception cref="UserErrorException">The hub URL is not an absolute http(s) URL, or the profile file is unreadable or lacks the profile asked for.</exception>
    public static HubProfile Resolve(string? hubOption, string? profileName) => Resolve(hubOption, profileName, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Resolve(string?, string?)"/>, reading environment variables through <paramref name="environment"/>.</summary>
    public static HubProfile Resolve(string? hubOption, string? profileName, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        var stored = ReadProfile(profileName, ProfileFile(environment));
        var hub = hubOption ?? Env("PATCHBAY_HUB") ?? stored?.Hub ?? Patchbay.Hub.HubOptions.DefaultUrls;
        if (!Uri.TryCreate(hub, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UserErrorException($"The hub address '{hub}' is not an absolute http(s) URL.");
        }

        return new HubProfile(uri, Env("PATCHBAY_API_KEY") ?? stored?.ApiKey);
    }

    private static StoredProfile? ReadProfile(string? profileName, string file)
    {
        if (!File.Exists(file))
        {
            return profileName is null ? null : throw new UserErrorException($"There is no profile file {file} to take profile '{profileName}' from.");
        }

        ProfileFileContent? content;
        try
        {
            content = JsonSerializer.Deserialize<ProfileFileContent>(File.ReadAllText(file), WebJson);
        }
        catch (JsonException e)
        {
            throw new UserErrorException($"{file}: not valid JSON ({e.Message}).");
        }

        var name = profileName ?? DefaultProfile;
        if (content?.Profiles is not null && content.Profiles.TryGetValue(name, out var profile))
        {
            return profile;
        }

        return profileName is null ? null : throw new UserErrorException($"{file} has no profile '{profileName}' ($.profiles.{profileName}).");
    }

    private sealed record ProfileFileContent([property: JsonPropertyName("profiles")] Dictionary<string, StoredProfile>? Profiles);

    private sealed record StoredProfile(string? Hub, string? ApiKey);
}
