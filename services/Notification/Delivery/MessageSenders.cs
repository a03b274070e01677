using System.Net.Http.Headers;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using OrderPlatform.Notification.Messages;

namespace OrderPlatform.Notification.Delivery;

/// <summary>The SMTP server or SMS provider could not take the message now: it stays queued and is tried again later.</summary>
public sealed class DeliveryFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The message can never be delivered as it is (no valid address): it is dropped and the log says why.</summary>
public sealed class UndeliverableException(string message) : Exception(message);

/// <summary>E-mail through any SMTP server (MailKit): the Sandboxes' capture in development, the shop's relay in production.</summary>
public sealed class SmtpMailer(IOptions<NotificationOptions> options)
{
    public async Task SendAsync(string id, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..32]}@orderplatform" };
        mime.From.Add(new MailboxAddress(settings.ShopName, settings.FromAddress));
        if (!MailboxAddress.TryParse(message.To, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new UndeliverableException("Not an e-mail address.");
        }

        mime.To.Add(to);
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        using var smtp = new SmtpClient { Timeout = 15_000 };
        try
        {
            await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port,
                settings.Smtp.StartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
            if (settings.Smtp.UserName is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, settings.Smtp.Password ?? "", cancellationToken);
            }

            await smtp.SendAsync(mime, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or SmtpCommandException or SmtpProtocolException
                                   or MailKit.ServiceNotConnectedException or MailKit.ServiceNotAuthenticatedException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"SMTP {settings.Smtp.Host}:{settings.Smtp.Port}: {e.Message}", e);
        }
    }
}

/// <summary>SMS through an HTTP provider: <c>POST messages</c> with a bearer key and <c>{to, from, text}</c>.</summary>
public sealed class SmsSender(HttpClient http, IOptions<NotificationOptions> options)
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseAddress, "messages"))
        {
            Content = JsonContent.Create(new { to = message.To, from = settings.Sender, text = message.Text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryFailedException($"SMS provider answered {(int)response.StatusCode}.");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException("The SMS provider did not answer.", e);
        }
    }
}
