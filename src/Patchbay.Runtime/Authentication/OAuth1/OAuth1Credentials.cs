namespace Patchbay.Runtime.Authentication.OAuth1;

/// <summary>The client (consumer) credentials and the token credentials of RFC 5849.</summary>
internal sealed record OAuth1Credentials(string ConsumerKey, string ConsumerSecret, string? Token, string? TokenSecret);
