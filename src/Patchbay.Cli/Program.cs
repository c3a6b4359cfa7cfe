using Patchbay.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await PatchbayCli.RunAsync(args, Console.Out, Console.Error, Environment.CurrentDirectory, cancellation.Token);
