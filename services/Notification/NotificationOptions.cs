namespace OrderPlatform.Notification;

/// <summary>Who the messages come from and how they leave (<c>Notification</c> in configuration).</summary>
public sealed class NotificationOptions
{
    /// <summary>What has a sandbox's value by default: required outside Development.</summary>
    public static readonly string[] RequiredSettings =
    [
        "Notification:FromAddress", "Notification:Storefront", "Notification:Smtp:Host", "Notification:Smtp:Port",
        "Notification:Sms:BaseAddress", "Notification:Sms:ApiKey",
    ];

    public string ShopName { get; set; } = "OrderPlatform";
    public string FromAddress { get; set; } = "no-reply@orderplatform.test";
    public string ContactEmail { get; set; } = "service-client@orderplatform.test";
    public string ContactPhone { get; set; } = "01 23 45 67 89";
    /// <summary>Where the links in messages point (reset, unsubscribe, my orders): the storefront, or the gateway in development.</summary>
    public string Storefront { get; set; } = "http://localhost:5080";
    public SmtpSettings Smtp { get; set; } = new();
    public SmsSettings Sms { get; set; } = new();
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The first wait after a failed send; each next one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;
    /// <summary>STARTTLS when the server offers it; a real relay should offer it.</summary>
    public bool StartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

public sealed class SmsSettings
{
    public Uri BaseAddress { get; set; } = new("http://sandboxes/sms/api/");
    public string ApiKey { get; set; } = "sandbox-sms-key";
    public string Sender { get; set; } = "OrderPltfm";
}
