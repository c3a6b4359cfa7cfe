using Patchbay.Hub.Jobs;

namespace Patchbay.Hub.Tests.Jobs;

/// <summary>The callback URL rules themselves, without a hub.</summary>
public sealed class CallbackUrlsTests
{
    [Theory]
    [InlineData("https://hooks.example/done", true)]
    [InlineData("https://a.b.hooks.example/done", true)]
    [InlineData("https://HOOKS.example/done", true)]
    [InlineData("http://127.0.0.1:8080/done", true)]
    [InlineData("https://nothooks.example/done", false)]
    [InlineData("https://hooks.example.net/done", false)]
    [InlineData("http://127.0.0.2/done", false)]
    public void A_host_is_allowed_by_name_address_or_domain(string url, bool allowed) =>
        (CallbackUrls.Refusal(url, CallbackPolicyTests.AllowedHosts) is null).ShouldBe(allowed);

    [Theory]
    [InlineData("ftp://hooks.example/done", "An absolute http(s) URL.")]
    [InlineData("/done", "An absolute http(s) URL.")]
    [InlineData("https://user:secret@hooks.example/done", "without a user name or password")]
    [InlineData("https://token@hooks.example/done", "without a user name or password")]
    public void A_url_that_is_not_plain_http_is_refused_whatever_the_hosts(string url, string reason)
    {
        CallbackUrls.Refusal(url, []).ShouldNotBeNull().ShouldContain(reason);
        CallbackUrls.Refusal(url, CallbackPolicyTests.AllowedHosts).ShouldNotBeNull().ShouldContain(reason);
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("[::1]")]
    public void An_ipv6_address_is_allowed_with_or_without_brackets(string rule) =>
        CallbackUrls.Refusal("http://[::1]:8080/done", [rule]).ShouldBeNull();

    [Fact]
    public void No_allowed_hosts_allow_any_host() =>
        CallbackUrls.Refusal("https://anything.example.org/done", []).ShouldBeNull();

    [Theory]
    [InlineData("hooks.example.com", true)]
    [InlineData(".example.com", true)]
    [InlineData("10.0.0.7", true)]
    [InlineData("[fd00::7]", true)]
    [InlineData("https://hooks.example.com", false)]
    [InlineData("hooks.example.com:8080", false)]
    [InlineData("hooks.example.com/done", false)]
    public void Only_hosts_are_allowed_host_rules(string rule, bool isHost) =>
        CallbackUrls.IsHostRule(rule).ShouldBe(isHost);
}
