using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Node;

/// <summary>
/// The last lines a worker wrote to stderr: what explains its death. Lines are masked with the secrets of the
/// invocations the worker ran, since a stack trace or a stray print of connector code can carry one.
/// </summary>
internal sealed class StderrTail
{
    private const int MaxLines = 40;
    private const int MaxSecrets = 1000;
    private readonly Queue<string> _lines = new();
    private readonly List<string> _secrets = [];
    private readonly Lock _gate = new();

    /// <summary>Adds values to mask from now on (the oldest are forgotten past a thousand).</summary>
    public void Remember(IEnumerable<string> secrets)
    {
        lock (_gate)
        {
            foreach (var secret in secrets.Where(s => s.Length > 0 && !_secrets.Contains(s)))
            {
                _secrets.Add(secret);
            }

            if (_secrets.Count > MaxSecrets)
            {
                _secrets.RemoveRange(0, _secrets.Count - MaxSecrets);
            }

            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length)); // a secret that contains another is masked whole
        }
    }

    /// <summary>Keeps the line, masked, and returns it masked for the diagnostic log.</summary>
    public string Add(string line)
    {
        lock (_gate)
        {
            foreach (var secret in _secrets)
            {
                line = line.Replace(secret, SecretRedactor.Mask, StringComparison.Ordinal);
            }

            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }

            return line;
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
