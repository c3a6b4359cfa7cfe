using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Tests.Support;
using Patchbay.Core.Validation;

namespace Patchbay.Core.Tests.Validation;

public sealed class RestOptionsValidatorTests
{
    private static readonly ValueList<DataNode> Inputs =
    [
        DataNode.Leaf("id", DataType.String, isRequired: true),
        DataNode.Object("user", [DataNode.Leaf("id", DataType.Integer), DataNode.Object("address", [DataNode.Leaf("city", DataType.String)])]),
        DataNode.Object("items", [DataNode.Leaf("sku", DataType.String)], isList: true),
        DataNode.Leaf("tags", DataType.String, isList: true),
    ];

    /// <summary>The template Easy REST connector with a <c>tenant</c> parameter, the inputs above and an edited request.</summary>
    private static ConnectorPackage With(Func<RestRequest, RestRequest> edit) => Some.RestConnector().Edit(d => d with
    {
        Parameters = [new ConnectorParameter { Name = "tenant" }],
        Actions = [d.Actions[0] with { Inputs = Inputs, Rest = edit(d.Actions[0].Rest!) }],
    });

    private static IReadOnlyList<Diagnostic> Validate(ConnectorPackage package, DefinitionLocations? at = null) =>
        ConnectorValidator.Validate(package, at ?? DefinitionLocations.SourceFolder);

    private static Diagnostic Single(ConnectorPackage package, string code, DefinitionLocations? at = null)
    {
        var all = Validate(package, at);
        var matching = all.Where(d => d.Code == code).ToList();
        matching.Count.ShouldBe(1, $"expected one '{code}' in: {string.Join("; ", all)}");
        return matching[0];
    }

    [Fact]
    public void Validate_EveryOptionWithinLimits_IsClean()
    {
        var package = With(r => r with
        {
            Method = "POST",
            ContentType = "application/json",
            Url = "/users/{{user.id}}/cities/{{ user.address.city }}",
            Headers = [new("X-Tenant", "{{tenant}}"), new("Accept", "application/json"), new("X-Trace", "a\tb")],
            Query = [new("id", "{{id}}"), new("$top", "10")],
            SendTemplateInputs = false,
            BodyInput = "items",
            ResponseFormat = RestResponseFormat.Auto,
            ResultPath = "data[0].orders",
            Pagination = new RestPagination
            {
                Kind = PaginationKind.Cursor,
                Parameter = "after",
                NextPath = "meta.next",
                ItemsPath = "[0]",
                PageSize = 1,
                MaxPages = RestOptionsValidator.MaxPages,
                MaxItems = RestOptionsValidator.MaxItems,
            },
            Retry = new RestRetry { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMinutes(10) },
            Timeout = TimeSpan.FromHours(1),
        });

        Validate(package).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_InvalidHeaderName_NamesTheHeaderInBothForms()
    {
        var package = With(r => r with { Headers = [new("X Tenant", "eu")] });

        Single(package, "invalid-header-name").Location.ShouldBe(new Location("connector.json", "actions[0].rest.headers[\"X Tenant\"]"));
        Single(package, "invalid-header-name", DefinitionLocations.Bizc).Location.ShouldBe(new Location("def/connector.json", "actions[0].patchbay.headers[\"X Tenant\"]"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("X-Tenant:")]
    [InlineData("Ünicode")]
    [InlineData("(comment)")]
    public void Validate_HeaderNameThatIsNotAToken_IsAnError(string name) =>
        Single(With(r => r with { Headers = [new(name, "x")] }), "invalid-header-name").IsError.ShouldBeTrue();

    [Fact]
    public void Validate_HeaderSetTwiceInDifferentCase_IsReportedAtTheSecond()
    {
        var diagnostic = Single(With(r => r with { Headers = [new("Accept", "a"), new("accept", "b")] }), "duplicate-header");

        diagnostic.Location.Path.ShouldBe("actions[0].rest.headers[\"accept\"]");
    }

    [Fact]
    public void Validate_HeaderValueWithALineBreak_IsAnError() =>
        Single(With(r => r with { Headers = [new("X-A", "one\r\nX-Injected: two")] }), "invalid-header-value").IsError.ShouldBeTrue();

    [Theory]
    [InlineData("{{nope}}", "unknown-template-variable")]
    [InlineData("{{user.nope}}", "unknown-template-variable")]
    [InlineData("{{user}}", "invalid-template-variable")]
    [InlineData("{{tags}}", "invalid-template-variable")]
    [InlineData("{{items.sku}}", "invalid-template-variable")]
    [InlineData("{{id.length}}", "invalid-template-variable")]
    [InlineData("Bearer {{id", "malformed-template")]
    public void Validate_BadPlaceholderInAHeader_IsReportedAtTheHeader(string value, string code)
    {
        var diagnostic = Single(With(r => r with { Headers = [new("X-A", value)] }), code);

        diagnostic.Location.Path.ShouldBe("actions[0].rest.headers[\"X-A\"]");
        diagnostic.Message.ShouldContain("the header 'X-A'");
    }

    [Fact]
    public void Validate_BadPlaceholderInTheQuery_IsReportedAtTheParameter()
    {
        var diagnostic = Single(With(r => r with { Query = [new("q", "{{search}}")] }), "unknown-template-variable");

        diagnostic.Location.ShouldBe(new Location("connector.json", "actions[0].rest.query[\"q\"]"));
        diagnostic.Message.ShouldContain("known: id, user, items, tags, tenant");
    }

    [Fact]
    public void Validate_UrlWithDottedPlaceholders_FollowsObjectInputs()
    {
        Validate(With(r => r with { Url = "/users/{{user.id}}/{{user.address.city}}" })).ShouldBeEmpty();
        Single(With(r => r with { Url = "/users/{{user.name}}" }), "unknown-url-variable").Message.ShouldContain("the input object 'user' has no field 'name'");
        Single(With(r => r with { Url = "/users/{{user.address}}" }), "invalid-url-variable").Message.ShouldContain("an object");
        Single(With(r => r with { Url = "/items/{{items.sku}}" }), "invalid-url-variable").Message.ShouldContain("cannot reach into a list");
    }

    [Fact]
    public void Validate_QueryParameterWithoutName_IsAnError() =>
        Single(With(r => r with { Query = [new(" ", "x")] }), "missing-query-name").Location.Path.ShouldBe("actions[0].rest.query[\" \"]");

    [Fact]
    public void Validate_QueryParameterTwice_IsAnError() =>
        Single(With(r => r with { Query = [new("a", "1"), new("a", "2")] }), "duplicate-query-parameter").IsError.ShouldBeTrue();

    [Fact]
    public void Validate_BodyInputOnGet_IsAnError() =>
        Single(With(r => r with { BodyInput = "user" }), "body-input-without-body").Location.Path.ShouldBe("actions[0].rest.bodyInput");

    [Fact]
    public void Validate_BodyInputThatIsNotATopLevelInput_IsAnError()
    {
        var package = With(r => r with { Method = "PUT", ContentType = "application/json", BodyInput = "user.address" });

        Single(package, "unknown-body-input").Message.ShouldContain("'user.address' is not a top-level input");
        Single(package, "unknown-body-input", DefinitionLocations.Bizc).Location.Path.ShouldBe("actions[0].patchbay.bodyInput");
    }

    [Theory]
    [InlineData("data.items")]
    [InlineData("results[0].id")]
    [InlineData("[0]")]
    [InlineData("matrix[1][2]")]
    [InlineData("first name.x-y")]
    [InlineData("$.data.user.name")]
    public void Validate_ValidResultPath_IsAccepted(string path) =>
        Validate(With(r => r with { ResultPath = path })).ShouldBeEmpty();

    [Theory]
    [InlineData("data..items")]
    [InlineData(".data")]
    [InlineData("data.")]
    [InlineData("items[]")]
    [InlineData("items[x]")]
    [InlineData("items]")]
    [InlineData("a.[0]")]
    [InlineData("$..data")]
    public void Validate_InvalidResultPath_IsAnError(string path) =>
        Single(With(r => r with { ResultPath = path }), "invalid-path").Location.Path.ShouldBe("actions[0].rest.resultPath");

    [Fact]
    public void Validate_InvalidPaginationPaths_NameTheirFields()
    {
        var package = With(r => r with { Pagination = new RestPagination { Kind = PaginationKind.NextLink, ItemsPath = "a..b", NextPath = "next." } });

        var paths = Validate(package).Where(d => d.Code == "invalid-path").Select(d => d.Location.Path).ToList();

        paths.ShouldBe(["actions[0].rest.pagination.itemsPath", "actions[0].rest.pagination.nextPath"]);
    }

    [Fact]
    public void Validate_NextLinkPagination_NeedsNoParameter() =>
        Validate(With(r => r with { Pagination = new RestPagination { Kind = PaginationKind.NextLink } })).ShouldBeEmpty();

    [Theory]
    [InlineData(PaginationKind.Offset)]
    [InlineData(PaginationKind.PageNumber)]
    [InlineData(PaginationKind.Cursor)]
    public void Validate_PaginationWithoutParameter_IsAnError(PaginationKind kind) =>
        Single(With(r => r with { Pagination = new RestPagination { Kind = kind, NextPath = "next" } }), "missing-pagination-parameter")
            .Location.Path.ShouldBe("actions[0].rest.pagination.parameter");

    [Fact]
    public void Validate_CursorPaginationWithoutNextPath_IsAnError() =>
        Single(With(r => r with { Pagination = new RestPagination { Kind = PaginationKind.Cursor, Parameter = "after" } }), "missing-pagination-next-path", DefinitionLocations.Bizc)
            .Location.ShouldBe(new Location("def/connector.json", "actions[0].patchbay.pagination.nextPath"));

    [Fact]
    public void Validate_PaginationLimitsOutOfRange_AreEachReported()
    {
        var package = With(r => r with
        {
            Pagination = new RestPagination { Kind = PaginationKind.Offset, Parameter = "skip", PageSize = 0, Start = -1, MaxPages = 1001, MaxItems = 1_000_001 },
        });

        Validate(package).Where(d => d.Code == "pagination-out-of-range").Select(d => d.Location.Path!.Split('.')[^1]).ShouldBe(["pageSize", "start", "maxPages", "maxItems"]);
    }

    [Fact]
    public void Validate_RetryOutOfRange_IsReportedPerField()
    {
        var package = With(r => r with { Retry = new RestRetry { MaxAttempts = 11, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(601) } });

        Validate(package).Where(d => d.Code == "retry-out-of-range").Select(d => d.Location.Path).ShouldBe(
            ["actions[0].rest.retry.maxAttempts", "actions[0].rest.retry.initialDelaySeconds", "actions[0].rest.retry.maxDelaySeconds"]);
    }

    [Fact]
    public void Validate_RetryWithNoAttempts_IsAnError() =>
        Single(With(r => r with { Retry = new RestRetry { MaxAttempts = 0 } }), "retry-out-of-range").Message.ShouldContain("from 1 to 10");

    [Fact]
    public void Validate_InitialDelayAboveMaxDelay_IsAnError() =>
        Single(With(r => r with { Retry = new RestRetry { InitialDelay = TimeSpan.FromSeconds(45) } }), "retry-out-of-range")
            .Message.ShouldBe("initialDelaySeconds (45) is more than maxDelaySeconds (30).");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3600.001)]
    public void Validate_TimeoutOutOfRange_IsAnError(double seconds) =>
        Single(With(r => r with { Timeout = TimeSpan.FromSeconds(seconds) }), "timeout-out-of-range").Location.Path.ShouldBe("actions[0].rest.timeoutSeconds");

    [Fact]
    public void Validate_RestOptionsOnACustomAction_AreAnError()
    {
        var package = Some.CustomConnector().Edit(d => d with
        {
            Actions = [d.Actions[0] with { Rest = new RestRequest { Method = "", Url = "", Timeout = TimeSpan.FromSeconds(5), ResultPath = "data" } }],
        });

        var diagnostic = Single(package, "rest-options-on-custom-action");

        diagnostic.Location.Path.ShouldBe("actions[0].rest");
        diagnostic.Message.ShouldContain("(resultPath, timeoutSeconds)");
        Single(package, "rest-options-on-custom-action", DefinitionLocations.Bizc).Location.Path.ShouldBe("actions[0].patchbay");
    }

    [Fact]
    public void Validate_BizagisFieldsOnlyOnACustomAction_AreNotReported() =>
        Validate(Some.CustomConnector().Edit(d => d with { Actions = [d.Actions[0] with { Rest = new RestRequest { Method = "GET", Url = "/x" } }] })).ShouldBeEmpty();
}
