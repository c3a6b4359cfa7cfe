namespace Patchbay.Bench.Load;

/// <summary>
/// The invocations of the load, by sequence number, ten at a time: four custom JavaScript actions and four Easy
/// REST actions that GET an item, then one of each that GETs an item the server answers 500 for (the designed
/// failures: the JavaScript action calls back an error with a negative status, the Easy REST action reports the
/// remote status).
/// </summary>
internal static class LoadMix
{
    public const string JavaScript = "JavaScript";
    public const string Rest = "Easy REST";

    public static (string Connector, int Id, bool FailsByDesign) Of(long sequence) => (sequence % 10) switch
    {
        < 4 => (JavaScript, (int)(sequence % 100_000), false),
        < 8 => (Rest, (int)(sequence % 100_000), false),
        8 => (JavaScript, -1 - (int)(sequence % 100_000), true),
        _ => (Rest, -1 - (int)(sequence % 100_000), true),
    };
}
