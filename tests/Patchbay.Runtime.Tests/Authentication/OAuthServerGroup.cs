using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>The OAuth test classes share one authorization server.</summary>
[CollectionDefinition(Name)]
public sealed class OAuthServerGroup : ICollectionFixture<OAuthServer>
{
    public const string Name = "OAuth server";
}
