using System.CommandLine;

namespace Patchbay.Cli.Hub;

/// <summary>The <c>--hub</c> and <c>--profile</c> options of the commands that talk to a hub, and the client they make.</summary>
internal sealed class HubConnection
{
    public Option<string?> Hub { get; } = new("--hub") { Description = "The hub's URL (default: PATCHBAY_HUB, the profile, or http://127.0.0.1:5080). The API key comes from PATCHBAY_API_KEY or the profile." };

    public Option<string?> Profile { get; } = new("--profile") { Description = "A profile of ~/.config/patchbay/profiles.json (or PATCHBAY_PROFILES)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Hub);
        command.Options.Add(Profile);
    }

    public HubClient Connect(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new HubClient(HubProfile.Resolve(parse.GetValue(Hub), parse.GetValue(Profile)));
    }
}
