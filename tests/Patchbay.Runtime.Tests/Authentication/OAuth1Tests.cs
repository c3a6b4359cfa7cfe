using System.Net;
using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Authentication.OAuth1;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>OAuth 1.0a HMAC-SHA1 against RFC 5849's example, a published signature, and a verifying server.</summary>
[Trait("Category", "Integration")]
public sealed class OAuth1Tests : IAsyncLifetime
{
    private readonly OAuth1Server _server = new();
    private readonly HttpClient _http = new();

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>RFC 5849 §3.4.1.1: query, form body and protocol parameters in one base string.</summary>
    [Fact]
    public void BaseString_MatchesTheRfc5849Example()
    {
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        KeyValuePair<string, string>[] protocol =
        [
            new("oauth_consumer_key", "9djdj82h48djs9d2"),
            new("oauth_token", "kkk9d7dh3k39sjv7"),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "137131201"),
            new("oauth_nonce", "7d8f3e4a"),
        ];

        var baseString = OAuth1Signer.BaseString("POST", uri, OAuth1Signer.FormPairs(uri.Query).Concat(OAuth1Signer.FormPairs("c2&a3=2+q")).Concat(protocol));

        baseString.ShouldBe("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    /// <summary>The example of Twitter's "Creating a signature" documentation, with its published signature.</summary>
    [Fact]
    public void Header_MatchesAPublishedSignature()
    {
        var credentials = new OAuth1Credentials("xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

        var header = OAuth1Signer.Header(
            credentials,
            "POST",
            new Uri("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
            [new("status", "Hello Ladies + Gentlemen, a signed OAuth request!")],
            1318622958,
            "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");

        header.ShouldContain("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"");
        header.ShouldStartWith("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=");
    }

    [Fact]
    public async Task GetWithQuery_IsAcceptedByAVerifyingServer()
    {
        var session = await AuthenticateAsync(OAuth1Server.ConsumerSecret);
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url + "/statuses?count=5&q=caf%C3%A9%20au%20lait");

        session.Apply(request);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("signed");
    }

    [Fact]
    public async Task PostWithFormBody_SignsTheBodyToo()
    {
        var session = await AuthenticateAsync(OAuth1Server.ConsumerSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Url + "/update?include_entities=true")
        {
            Content = new FormUrlEncodedContent([new("status", "Hello Ladies + Gentlemen!"), new("tag", "a&b=c")]),
        };

        session.Apply(request);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("signed");
    }

    [Fact]
    public async Task WrongSecret_IsRefused()
    {
        var session = await AuthenticateAsync("not-the-secret");
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url + "/statuses");

        session.Apply(request);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        session.Secrets.ShouldContain("not-the-secret");
    }

    [Fact]
    public async Task MissingConsumerSecret_IsBizagisRequiredParameterError()
    {
        var session = await new AuthenticationService(_http, TimeProvider.System).AuthenticateAsync(
            new AuthenticationRequest(BuiltInAuthentication.Definition(AuthenticationMethod.OAuth1), new Dictionary<string, string> { ["consumer_key"] = "k" }, "default", null, "GET"),
            TestContext.Current.CancellationToken);

        session.Failure!.Message.ShouldBe("The Parameter -authdata.consumer_secret- is required");
    }

    private Task<AuthenticationSession> AuthenticateAsync(string consumerSecret) =>
        new AuthenticationService(_http, TimeProvider.System).AuthenticateAsync(
            new AuthenticationRequest(
                BuiltInAuthentication.Definition(AuthenticationMethod.OAuth1, _server.Url),
                new Dictionary<string, string>
                {
                    ["consumer_key"] = OAuth1Server.ConsumerKey,
                    ["consumer_secret"] = consumerSecret,
                    ["token"] = OAuth1Server.Token,
                    ["token_secret"] = OAuth1Server.TokenSecret,
                },
                "default",
                new Uri(_server.Url),
                "GET"),
            TestContext.Current.CancellationToken);
}
