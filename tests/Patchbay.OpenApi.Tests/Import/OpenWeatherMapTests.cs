using Patchbay.Core.Model;
using Patchbay.OpenApi.Tests.Support;

namespace Patchbay.OpenApi.Tests.Import;

/// <summary>OpenWeatherMap: the API key in the query string.</summary>
public sealed class OpenWeatherMapTests
{
    private readonly OpenApiImportResult _result = Specs.Import(Specs.OpenWeatherMap);

    [Fact]
    public void ApiKey_InTheQuery()
    {
        var authentication = _result.Definition().Authentication;

        authentication.Method.ShouldBe(AuthenticationMethod.ApiKey);
        authentication.Name.ShouldBe("apikey");
        authentication.Parameters.Single(p => p.Name == "api_key_name").DefaultValue.ShouldBe("appid");
        authentication.Parameters.Single(p => p.Name == "api_key_in").ShouldBe(new ConnectorParameter { Name = "api_key_in", Required = true, DefaultValue = "query", AllowedValues = ["header", "query"] });
    }

    [Fact]
    public void CurrentWeather_QueryAndNestedOutputs()
    {
        var action = _result.Action("current-weather-data");

        action.Rest!.Url.ShouldBe("/weather");
        action.Rest.UseAuthentication.ShouldBeTrue();
        action.Rest.Query.Select(q => q.Name).ShouldBe(["q", "id", "lat", "lon", "zip", "units", "lang", "mode"]);
        action.Outputs.Single(o => o.Name == "main").Children.Single(c => c.Name == "temp").Type.ShouldBe(DataType.Decimal);
        action.Outputs.Single(o => o.Name == "weather").IsList.ShouldBeTrue();
        _result.Definition().BaseUri.ShouldBe("https://api.openweathermap.org/data/2.5");
    }

    [Fact]
    public void AppIdParameter_IsTheKey_NotAnInput()
    {
        _result.Action("forecast5days").Inputs.ShouldNotContain(i => i.Name == "appid");
        _result.ShouldReport(ImportItemKind.Approximate, "#/paths/~1forecast/get/parameters/5", "'appid' is the API key");
    }

    [Fact]
    public void ShortVersion_IsPadded()
    {
        _result.Definition().Version.ShouldBe("2.5.0");
        _result.ShouldReport(ImportItemKind.Approximate, "#/info/version", "'2.5'");
    }
}
