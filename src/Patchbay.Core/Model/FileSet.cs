using System.Collections;
using System.Text;

namespace Patchbay.Core.Model;

/// <summary>
/// The files of a connector that are not derived from its definition (action code, <c>auth/auth.js</c>,
/// libraries under <c>node_modules/</c>, ...), keyed by '/'-separated relative path, with value equality.
/// </summary>
public sealed class FileSet : IReadOnlyCollection<KeyValuePair<string, byte[]>>, IEquatable<FileSet>
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, byte[]> _files;

    public static FileSet Empty { get; } = new(new SortedDictionary<string, byte[]>(StringComparer.Ordinal));

    private FileSet(SortedDictionary<string, byte[]> files) => _files = files;

    public int Count => _files.Count;

    public IEnumerable<string> Paths => _files.Keys;

    public static FileSet From(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var sorted = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            sorted[path] = content;
        }

        return new FileSet(sorted);
    }

    public bool Contains(string path) => _files.ContainsKey(path);

    public byte[]? Get(string path) => _files.GetValueOrDefault(path);

    public string? GetText(string path) => _files.TryGetValue(path, out var bytes) ? DecodeText(bytes) : null;

    public FileSet With(string path, byte[] content)
    {
        var copy = new SortedDictionary<string, byte[]>(_files, StringComparer.Ordinal) { [path] = content };
        return new FileSet(copy);
    }

    public FileSet WithText(string path, string text) => With(path, Utf8NoBom.GetBytes(text));

    public FileSet Without(Func<string, bool> predicate) =>
        From(_files.Where(f => !predicate(f.Key)));

    /// <summary>The files under <paramref name="folder"/> (which ends with '/'), with that prefix removed.</summary>
    public IEnumerable<KeyValuePair<string, byte[]>> Under(string folder) =>
        _files.Where(f => f.Key.StartsWith(folder, StringComparison.Ordinal))
              .Select(f => KeyValuePair.Create(f.Key[folder.Length..], f.Value));

    public static string DecodeText(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes);

    public static byte[] EncodeText(string text) => Utf8NoBom.GetBytes(text);

    public bool Equals(FileSet? other) =>
        other is not null
        && _files.Count == other._files.Count
        && _files.All(f => other._files.TryGetValue(f.Key, out var bytes) && bytes.AsSpan().SequenceEqual(f.Value));

    public override bool Equals(object? obj) => Equals(obj as FileSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (path, content) in _files)
        {
            hash.Add(path, StringComparer.Ordinal);
            hash.Add(content.Length);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() => _files.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
