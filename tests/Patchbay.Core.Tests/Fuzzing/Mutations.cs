using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Patchbay.Core.Tests.Fuzzing;

/// <summary>
/// Inputs for the readers' fuzz properties: a valid document or zip, damaged the ways real files are damaged —
/// bytes flipped, cut short, spliced with junk — and, inside a zip, one entry's text damaged while the zip stays
/// well formed, so the JSON and model readers behind the zip layer are reached too.
/// </summary>
internal static class Mutations
{
    private static readonly string[] Junk = ["{", "}", "[", "]", "\"", ":", ",", "null", "-1", "1e309", "\u0000", "é", "\\u00", "true", "\"\":", "{{x}}", "../", "9999999999999999999999"];

    /// <summary>The bytes with 1 to 8 damages: a byte changed, a range cut out, the end cut off, or junk inserted.</summary>
    public static Gen<byte[]> Bytes(byte[] seed) =>
        from count in Gen.Choose(1, 8)
        from damages in Gen.ArrayOf(Damage(seed.Length), count)
        select damages.Aggregate(seed.ToList(), (bytes, damage) => { damage(bytes); return bytes; }).ToArray();

    /// <summary>The text with byte damages (so also broken UTF-8) and up to 3 pieces of JSON-shaped junk inserted.</summary>
    public static Gen<string> Text(string seed) =>
        from bytes in Bytes(Encoding.UTF8.GetBytes(seed))
        from count in Gen.Choose(0, 3)
        from inserts in Gen.ArrayOf(Gen.Choose(0, seed.Length).Zip(Gen.Elements(Junk)), count)
        select inserts.Aggregate(Encoding.UTF8.GetString(bytes), (text, insert) => text.Insert(Math.Min(insert.Item1, text.Length), insert.Item2));

    /// <summary>The zip rewritten with one entry's text damaged (every other entry as it was).</summary>
    public static Gen<byte[]> ZipEntry(byte[] zip, string entry) =>
        Text(Encoding.UTF8.GetString(Entries(zip)[entry])).Select(text =>
        {
            var entries = Entries(zip);
            entries[entry] = Encoding.UTF8.GetBytes(text);
            return Zip(entries);
        });

    public static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    private static Gen<Action<List<byte>>> Damage(int length) =>
        Gen.OneOf(
            from at in Gen.Choose(0, Math.Max(length - 1, 0))
            from value in Gen.Choose(0, 255)
            select (Action<List<byte>>)(bytes => { if (at < bytes.Count) { bytes[at] = (byte)value; } }),
            from at in Gen.Choose(0, Math.Max(length - 1, 0))
            from count in Gen.Choose(1, 64)
            select (Action<List<byte>>)(bytes => { if (at < bytes.Count) { bytes.RemoveRange(at, Math.Min(count, bytes.Count - at)); } }),
            from keep in Gen.Choose(0, Math.Max(length - 1, 0))
            select (Action<List<byte>>)(bytes => { if (keep < bytes.Count) { bytes.RemoveRange(keep, bytes.Count - keep); } }),
            from at in Gen.Choose(0, length)
            from junk in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
            select (Action<List<byte>>)(bytes => bytes.InsertRange(Math.Min(at, bytes.Count), junk)));
}
