namespace Patchbay.Runtime.Node;

/// <summary>The last lines a worker wrote to stderr: what explains its death.</summary>
internal sealed class StderrTail
{
    private const int MaxLines = 40;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>A one-line reason: out of memory, the uncaught error, or the exit code.</summary>
    public string DescribeExit(int exitCode)
    {
        string[] lines;
        lock (_gate)
        {
            lines = [.. _lines];
        }

        if (lines.Any(l => l.Contains("heap out of memory", StringComparison.OrdinalIgnoreCase)))
        {
            return "it ran out of memory";
        }

        var error = lines.FirstOrDefault(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\w*(Error|Exception)\b.*:"));
        return error is not null
            ? $"an uncaught exception ended it ({error.Trim()})"
            : $"it exited with code {exitCode}";
    }
}
