using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Packaging;

/// <summary>
/// Random Easy REST requests and parameters for round-trip properties: every Patchbay option, each often at
/// its default (so leaving defaults out is exercised) and otherwise anywhere in its type's range.
/// </summary>
internal static class RestGenerator
{
    private static readonly string[] Texts =
        ["", "x", "data.items", "results[0].id", "Bearer {{token}}", "{{user.id}}", "é ñ \"quoted\" \\ /", "line\nbreak", "日本", " spaced "];

    private static readonly string[] Names = ["Accept", "X-Api-Key", "", "q", "page size", "ü", "a.b", "$top"];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static Arbitrary<RestRequest> Requests { get; } = Request().ToArbitrary();

    public static Arbitrary<ConnectorParameter[]> Parameters { get; } = Gen.ArrayOf(Parameter()).ToArbitrary();

    private static Gen<string> Text => Gen.Elements(Texts);

    private static Gen<RestRequest> Request() =>
        from method in Gen.Elements(Methods)
        from url in Text
        from contentType in Gen.Elements("", "application/json", "text/plain")
        from useAuthentication in Gen.Elements(true, false)
        from headers in NameValues()
        from query in NameValues()
        from sendTemplateInputs in Gen.Elements(true, false)
        from bodyInput in Text
        from responseFormat in Gen.Elements(RestResponseFormat.Json, RestResponseFormat.Xml, RestResponseFormat.Auto)
        from resultPath in Text
        from pagination in Gen.OrNull(Pagination())
        from retry in Gen.OrNull(Retry())
        from timeout in Gen.Frequency((1, Gen.Constant<TimeSpan?>(null)), (1, Duration().Select(d => (TimeSpan?)d)))
        select new RestRequest
        {
            Method = method,
            Url = url,
            ContentType = contentType,
            UseAuthentication = useAuthentication,
            Headers = headers,
            Query = query,
            SendTemplateInputs = sendTemplateInputs,
            BodyInput = bodyInput,
            ResponseFormat = responseFormat,
            ResultPath = resultPath,
            Pagination = pagination,
            Retry = retry,
            Timeout = timeout,
        };

    /// <summary>Unique names (a JSON object holds each once) in any order, with any values.</summary>
    private static Gen<ValueList<RestParameter>> NameValues() =>
        from names in Gen.SubListOf(Names)
        from shuffled in Gen.Shuffle(names.ToArray())
        from values in Gen.ArrayOf(Text, shuffled.Length)
        select shuffled.Zip(values, (name, value) => new RestParameter(name, value)).ToValueList();

    private static Gen<RestPagination> Pagination() =>
        from kind in Gen.Elements(PaginationKind.NextLink, PaginationKind.Cursor, PaginationKind.Offset, PaginationKind.PageNumber)
        from itemsPath in Text
        from nextPath in Text
        from parameter in Text
        from sizeParameter in Text
        from pageSize in Number(100)
        from start in Number(0)
        from maxPages in Number(10)
        from maxItems in Number(1000)
        select new RestPagination
        {
            Kind = kind,
            ItemsPath = itemsPath,
            NextPath = nextPath,
            Parameter = parameter,
            SizeParameter = sizeParameter,
            PageSize = pageSize,
            Start = start,
            MaxPages = maxPages,
            MaxItems = maxItems,
        };

    private static Gen<RestRetry> Retry() =>
        from maxAttempts in Number(3)
        from initialDelay in Gen.OneOf(Gen.Constant(TimeSpan.FromSeconds(1)), Duration())
        from maxDelay in Gen.OneOf(Gen.Constant(TimeSpan.FromSeconds(30)), Duration())
        select new RestRetry { MaxAttempts = maxAttempts, InitialDelay = initialDelay, MaxDelay = maxDelay };

    private static Gen<ConnectorParameter> Parameter() =>
        from name in Gen.Elements(Names)
        from required in Gen.Elements(true, false)
        from password in Gen.Elements(true, false)
        from allowed in Gen.SubListOf(Texts)
        from defaultValue in Text
        select new ConnectorParameter
        {
            Name = name,
            Required = required,
            PasswordMode = password,
            AllowedValues = allowed.ToValueList(),
            DefaultValue = defaultValue,
        };

    /// <summary>The default half the time, otherwise any int (the extremes included).</summary>
    private static Gen<int> Number(int fallback) =>
        Gen.Frequency((2, Gen.Constant(fallback)), (1, Gen.Choose(-5, 2000)), (1, Gen.Elements(int.MinValue, int.MaxValue, 0, 1)));

    /// <summary>Any duration to the tick within a day either way: whole seconds, fractions and negatives.</summary>
    private static Gen<TimeSpan> Duration() =>
        from seconds in Gen.Choose(-86_400, 86_400)
        from ticks in Gen.Elements(0, 1, 2_500_000, 5_000_000, 9_999_999, 1_234_567)
        select TimeSpan.FromTicks((seconds * TimeSpan.TicksPerSecond) + ticks);
}
