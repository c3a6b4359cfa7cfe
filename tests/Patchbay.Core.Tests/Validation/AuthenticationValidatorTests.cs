using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Tests.Support;
using Patchbay.Core.Validation;

namespace Patchbay.Core.Tests.Validation;

public sealed class AuthenticationValidatorTests
{
    private static ConnectorPackage WithAuthentication(AuthenticationMethod method, OAuth2Grant? grant, params ConnectorParameter[] parameters) =>
        Some.RestConnector().Edit(d => d with
        {
            Authentication = new AuthenticationSettings { Method = method, Name = method.ToString().ToLowerInvariant(), Grant = grant, Parameters = parameters.ToValueList() },
        });

    private static ConnectorParameter[] Declared(params string[] names) => names.Select(n => new ConnectorParameter { Name = n }).ToArray();

    private static IReadOnlyList<Diagnostic> Validate(ConnectorPackage package, DefinitionLocations? at = null) =>
        ConnectorValidator.Validate(package, at ?? DefinitionLocations.SourceFolder);

    public static TheoryData<AuthenticationMethod, OAuth2Grant?, string[]> Requirements => new()
    {
        { AuthenticationMethod.Basic, null, ["username", "password"] },
        { AuthenticationMethod.Digest, null, ["username", "password"] },
        { AuthenticationMethod.Bearer, null, ["token"] },
        { AuthenticationMethod.ApiKey, null, ["api_key"] },
        { AuthenticationMethod.OAuth1, null, ["consumer_key", "consumer_secret"] },
        { AuthenticationMethod.OAuth2, OAuth2Grant.ClientCredentials, ["token_url", "client_id", "client_secret"] },
        { AuthenticationMethod.OAuth2, OAuth2Grant.Password, ["token_url", "username", "password"] },
        { AuthenticationMethod.OAuth2, OAuth2Grant.AuthorizationCode, ["authorize_url", "token_url", "client_id"] },
    };

    [Theory]
    [MemberData(nameof(Requirements))]
    public void Validate_BuiltInMethodWithoutItsParameters_WarnsForEachOne(AuthenticationMethod method, OAuth2Grant? grant, string[] required)
    {
        var warnings = Validate(WithAuthentication(method, grant)).Where(d => d.Code == "missing-auth-parameter").ToList();

        warnings.ShouldAllBe(d => !d.IsError && d.Location == new Location("connector.json", "authentication.parameters"));
        warnings.Count.ShouldBe(required.Length);
        for (var i = 0; i < required.Length; i++)
        {
            warnings[i].Message.ShouldContain($"'{required[i]}' (globals.authdata.{required[i]})");
            warnings[i].Message.ShouldContain($"The {method.ToString().ToLowerInvariant()} method");
        }
    }

    [Theory]
    [MemberData(nameof(Requirements))]
    public void Validate_BuiltInMethodWithItsParameters_IsClean(AuthenticationMethod method, OAuth2Grant? grant, string[] required) =>
        Validate(WithAuthentication(method, grant, Declared(required))).ShouldBeEmpty();

    [Fact]
    public void Validate_MissingOAuth2Parameter_NamesTheGrant() =>
        Validate(WithAuthentication(AuthenticationMethod.OAuth2, OAuth2Grant.Password, Declared("token_url", "username")))
            .ShouldHaveSingleItem().Message.ShouldStartWith("The oauth2 method with the password grant reads the Authentication parameter 'password'");

    [Fact]
    public void Validate_OptionalParameters_AreNotRequired() =>
        Validate(WithAuthentication(AuthenticationMethod.OAuth2, OAuth2Grant.Password, Declared("token_url", "username", "password"))).ShouldBeEmpty();

    [Fact]
    public void Validate_ParameterDifferingInCase_SaysSo() =>
        Validate(WithAuthentication(AuthenticationMethod.Bearer, null, Declared("Token"))).ShouldHaveSingleItem().Message.ShouldContain("'Token' differs in case");

    [Fact]
    public void Validate_MissingParameter_InABizc_NamesTheProperties() =>
        Validate(WithAuthentication(AuthenticationMethod.Bearer, null), DefinitionLocations.Bizc).ShouldHaveSingleItem()
            .Location.ShouldBe(new Location("def/connector.json", "systemdefinition.authentications[0].properties"));

    [Fact]
    public void Validate_OAuth2WithoutGrant_WarnsUnlessAParameterCarriesIt()
    {
        var diagnostic = Validate(WithAuthentication(AuthenticationMethod.OAuth2, null, Declared("client_id"))).ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("missing-oauth2-grant");
        diagnostic.IsError.ShouldBeFalse();

        Validate(WithAuthentication(AuthenticationMethod.OAuth2, null, Declared("grant_type", "client_id"))).ShouldBeEmpty();
        Validate(WithAuthentication(AuthenticationMethod.OAuth2, null, Declared("access_token"))).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_GrantTypeParameterDefault_SelectsTheGrant()
    {
        var grantType = new ConnectorParameter { Name = "grant_type", DefaultValue = "client_credentials" };

        var diagnostic = Validate(WithAuthentication(AuthenticationMethod.OAuth2, null, [grantType, .. Declared("token_url", "client_id")])).ShouldHaveSingleItem();

        diagnostic.Message.ShouldContain("client_credentials grant");
        diagnostic.Message.ShouldContain("'client_secret'");
    }

    [Fact]
    public void Validate_NoneAndCustom_NeedNoParameters()
    {
        Validate(WithAuthentication(AuthenticationMethod.None, null)).ShouldBeEmpty();
        Validate(Some.CustomConnector()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_DefaultOfAPasswordModeParameter_IsAnErrorThatNeverShowsTheValue()
    {
        const string secret = "s3cr3t-sentinel-4711";
        var package = WithAuthentication(AuthenticationMethod.Bearer, null, new ConnectorParameter { Name = "token", PasswordMode = true, DefaultValue = secret, AllowedValues = ["other"] });

        var diagnostic = Validate(package).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("secret-parameter-default");
        diagnostic.IsError.ShouldBeTrue();
        diagnostic.Location.ShouldBe(new Location("connector.json", "authentication.parameters[0].default"));
        diagnostic.ToString().ShouldNotContain(secret);
        Validate(package, DefinitionLocations.Bizc).ShouldHaveSingleItem().Location.Path.ShouldBe("systemdefinition.authentications[0].properties[0].defaultvalue");
    }

    [Fact]
    public void Validate_SecretDefaultOfAConnectorParameter_IsAnErrorToo() =>
        Validate(Some.RestConnector().Edit(d => d with { Parameters = [new() { Name = "client_secret", PasswordMode = true, DefaultValue = "x" }] }))
            .ShouldHaveSingleItem().Code.ShouldBe("secret-parameter-default");

    [Fact]
    public void Validate_DefaultOutsideAllowedValues_IsAnError()
    {
        var package = Some.RestConnector().Edit(d => d with { Parameters = [new() { Name = "region", AllowedValues = ["eu", "us"], DefaultValue = "asia" }] });

        var diagnostic = Validate(package).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("default-not-allowed");
        diagnostic.Location.Path.ShouldBe("parameters[0].default");
        diagnostic.Message.ShouldContain("(eu, us)");
        Validate(package, DefinitionLocations.Bizc).ShouldHaveSingleItem().Location.Path.ShouldBe("systemdefinition.properties[0].defaultvalue");
    }

    [Fact]
    public void Validate_DefaultWithinAllowedValues_IsAccepted() =>
        Validate(Some.RestConnector().Edit(d => d with { Parameters = [new() { Name = "region", AllowedValues = ["eu", "us"], DefaultValue = "us" }] })).ShouldBeEmpty();

    [Theory]
    [InlineData("cookie", new string[0], "default")]
    [InlineData("header", new[] { "header", "body" }, "allowedValues")]
    public void Validate_ApiKeyPlaceOtherThanHeaderOrQuery_IsAnError(string defaultValue, string[] allowed, string member)
    {
        var package = WithAuthentication(
            AuthenticationMethod.ApiKey, null, new ConnectorParameter { Name = "api_key" }, new ConnectorParameter { Name = "api_key_in", DefaultValue = defaultValue, AllowedValues = allowed.ToValueList() });

        Validate(package).ShouldHaveSingleItem().Location.Path.ShouldBe($"authentication.parameters[1].{member}");
    }

    [Fact]
    public void Validate_ApiKeyInQuery_IsAccepted() =>
        Validate(WithAuthentication(
            AuthenticationMethod.ApiKey, null,
            new ConnectorParameter { Name = "api_key", PasswordMode = true },
            new ConnectorParameter { Name = "api_key_name", DefaultValue = "key" },
            new ConnectorParameter { Name = "api_key_in", AllowedValues = ["header", "query"], DefaultValue = "query" })).ShouldBeEmpty();

    [Fact]
    public void Validate_CustomAuthenticationInEasyRest_ListsEveryBuiltInMethod() =>
        Validate(Some.RestConnector().Edit(d => d with { Authentication = AuthenticationSettings.CustomCode })).ShouldHaveSingleItem()
            .Message.ShouldContain("(none, basic, digest, oauth2, apikey, bearer, oauth1)");

    [Fact]
    public void Validate_GrantWithoutOAuth2_InABizc_NamesGranttype() =>
        Validate(WithAuthentication(AuthenticationMethod.Bearer, OAuth2Grant.Password, Declared("token")), DefinitionLocations.Bizc).ShouldHaveSingleItem()
            .Location.Path.ShouldBe("systemdefinition.authentications[0].granttype");
}
