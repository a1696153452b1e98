using Microsoft.Extensions.Options;

namespace CyberCode.Teams.Tests;

/// <summary>The Teams section is checked when the service starts, and a mistake names the setting.</summary>
public sealed class OptionsTests
{
    [Fact]
    public async Task AppIdNotAGuid_StopsTheStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsHost.StartAsync(authenticated: false, settings: new Dictionary<string, string?>
        {
            ["Teams:MicrosoftAppId"] = "my-bot",
            ["Teams:MicrosoftAppPassword"] = "secret",
        }));

        Assert.Contains("Teams:MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppIdWithoutPassword_StopsTheStartNamingThePassword()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsHost.StartAsync(authenticated: false, settings: new Dictionary<string, string?>
        {
            ["Teams:MicrosoftAppId"] = Guid.NewGuid().ToString(),
        }));

        Assert.Contains("Teams:MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Teams:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("Teams:LoginBaseUrl", "http://127.0.0.1:1/")]
    [InlineData("Teams:MicrosoftAppTenantId", "not a tenant/")]
    public async Task InsecureOrMalformedSettings_StopTheStart(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsHost.StartAsync(settings: new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTheBotFrameworksOwn()
    {
        var options = new TeamsOptions();

        Assert.True(options.IsLocalDevelopment);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl.AbsoluteUri);
        Assert.Equal("https://api.botframework.com/.default", options.ConnectorScope);
        Assert.True(new TeamsOptionsValidator().Validate(null, options).Succeeded);
    }
}
