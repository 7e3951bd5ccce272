using Alerts.Text;

namespace Alerts.Tests.Text;

public sealed class RedactTests
{
    [Fact]
    public void Secrets_KnownValueAndSignatureAndAccountKey_AreMasked()
    {
        var text = Redact.Secrets(
            "denied for key k3y-VALUE at /paths/invoke?sv=1.0&sig=abc%2Bdef&x=1; AccountKey=Zm9v==;EndpointSuffix=core",
            "k3y-VALUE");

        Assert.Equal("denied for key [redacted] at /paths/invoke?sv=1.0&sig=[redacted]&x=1; AccountKey=[redacted];EndpointSuffix=core", text);
    }

    [Fact]
    public void Secrets_OrdinaryMessage_IsUnchanged()
        => Assert.Equal("SMTP 535 (AuthenticationFailed): 535: Invalid username or password", Redact.Secrets("SMTP 535 (AuthenticationFailed): 535: Invalid username or password", null, ""));
}
