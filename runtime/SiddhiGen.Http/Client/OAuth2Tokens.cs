using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http.Client;

/// <summary>
/// OAuth 2.0 access tokens for the HTTP sinks, as Siddhi gets them: a POST to <c>token.url</c> with
/// <c>Authorization: Basic base64(consumer.key:consumer.secret)</c> and a form body; the grant is
/// <c>refresh_token</c> when a refresh token is known (<c>refresh.token</c>, or one a previous answer gave),
/// else <c>password</c> with <c>oauth.username</c>/<c>oauth.password</c>, else <c>client_credentials</c>;
/// <c>oauth.scope</c> is sent with the password grant. <c>body.consumer.key</c>/<c>body.consumer.secret</c>
/// are sent as <c>client_id</c>/<c>client_secret</c> in the body. The token is kept until the endpoint answers 401.
/// </summary>
internal sealed class OAuth2Tokens
{
    private readonly HttpClient _client;
    private readonly string _tokenUrl;
    private readonly string _basic;
    private readonly string? _username;
    private readonly string? _password;
    private readonly string? _bodyKey;
    private readonly string? _bodySecret;
    private readonly string? _scope;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _refreshToken;
    private string? _accessToken;

    private OAuth2Tokens(HttpClient client, ConnectorOptions options, string tokenUrl)
    {
        _client = client;
        _tokenUrl = tokenUrl;
        var key = options.Get("consumer.key") ?? options.Get("body.consumer.key") ?? string.Empty;
        var secret = options.Get("consumer.secret") ?? options.Get("body.consumer.secret") ?? string.Empty;
        _basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret));
        _username = options.Get("oauth.username");
        _password = options.Get("oauth.password");
        _bodyKey = options.Get("body.consumer.key");
        _bodySecret = options.Get("body.consumer.secret");
        _scope = options.Get("oauth.scope");
        _refreshToken = options.Get("refresh.token") is { Length: > 0 } r ? r : null;
    }

    /// <summary>The token source for <paramref name="options"/>, or null when the sink does not use OAuth (no consumer key and no oauth user).</summary>
    public static OAuth2Tokens? Create(HttpClient client, ConnectorOptions options)
    {
        var hasConsumer = options.Get("consumer.key") is { Length: > 0 } || options.Get("body.consumer.key") is { Length: > 0 };
        var hasUser = options.Get("oauth.username") is { Length: > 0 };
        if (!hasConsumer && !hasUser)
        {
            return null;
        }

        var tokenUrl = options.Get("token.url")
            ?? throw new ConnectorConfigurationException($"Option 'token.url' of {options.Owner} is required with OAuth 2.0 (consumer.key or oauth.username).");
        return new OAuth2Tokens(client, options, tokenUrl);
    }

    /// <summary>The current token as an Authorization header, fetching one first when none is known.</summary>
    public async Task<AuthenticationHeaderValue> GetAsync(CancellationToken cancellationToken)
    {
        var token = _accessToken ?? await RenewAsync(null, cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Gets a new token after the endpoint refused <paramref name="rejected"/> (401); callers retry once with it.</summary>
    public async Task<string> RenewAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_accessToken is not null && _accessToken != rejected)
            {
                return _accessToken; // another request renewed it meanwhile
            }

            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl) { Content = new FormUrlEncodedContent(Grant()) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basic);
                using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    if (_refreshToken is not null && _username is { Length: > 0 })
                    {
                        _refreshToken = null; // a refused refresh token falls back to the password grant, as in Siddhi
                        continue;
                    }

                    throw new PublishException($"The OAuth 2.0 token endpoint {_tokenUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}; check consumer.key, consumer.secret and token.url.");
                }

                using var json = JsonDocument.Parse(body);
                if (!json.RootElement.TryGetProperty("access_token", out var access) || access.GetString() is not { Length: > 0 } token)
                {
                    throw new PublishException($"The OAuth 2.0 token endpoint {_tokenUrl} answered without an access_token.");
                }

                if (json.RootElement.TryGetProperty("refresh_token", out var refresh) && refresh.GetString() is { Length: > 0 } newRefresh)
                {
                    _refreshToken = newRefresh;
                }

                _accessToken = token;
                return token;
            }
        }
        catch (JsonException ex)
        {
            throw new PublishException($"The OAuth 2.0 token endpoint {_tokenUrl} answered with malformed JSON: {ex.Message}", ex);
        }
        finally
        {
            _lock.Release();
        }
    }

    private List<KeyValuePair<string, string>> Grant()
    {
        var form = new List<KeyValuePair<string, string>>();
        if (_refreshToken is not null)
        {
            form.Add(new("grant_type", "refresh_token"));
            form.Add(new("refresh_token", _refreshToken));
        }
        else if (_username is { Length: > 0 })
        {
            form.Add(new("grant_type", "password"));
            form.Add(new("username", _username));
            form.Add(new("password", _password ?? string.Empty));
            if (_scope is { Length: > 0 })
            {
                form.Add(new("scope", _scope));
            }
        }
        else
        {
            form.Add(new("grant_type", "client_credentials"));
        }

        if (_bodyKey is not null)
        {
            form.Add(new("client_id", _bodyKey));
            form.Add(new("client_secret", _bodySecret ?? string.Empty));
        }

        return form;
    }
}
