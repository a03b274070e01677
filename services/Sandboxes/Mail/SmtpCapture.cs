using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace OrderPlatform.Sandboxes.Mail;

/// <summary>A captured e-mail as the tests read it: who to, subject, both bodies, attachment names and types.</summary>
public sealed record CapturedMail(string Id, IReadOnlyList<string> To, string From, string Subject, string? Text, string? Html,
    IReadOnlyList<CapturedAttachment> Attachments, string? MessageId, DateTimeOffset ReceivedAt);

public sealed record CapturedAttachment(string FileName, string ContentType, long Size);

/// <summary>
/// A real SMTP server on loopback (<c>Sandboxes:SmtpPort</c>, default 2525) that keeps every message it accepts, so
/// Notification sends through MailKit exactly as it would to any SMTP relay. It speaks the subset a client needs
/// (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and can be stopped and started to play an outage.
/// </summary>
public sealed partial class SmtpCapture(IConfiguration configuration, TimeProvider time, ILogger<SmtpCapture> logger) : BackgroundService
{
    private readonly ConcurrentQueue<CapturedMail> messages = new();
    private readonly Lock gate = new();
    private TcpListener? listener;
    private CancellationTokenSource? listening;
    private CancellationToken stopping;

    public int Port { get; } = configuration.GetValue("Sandboxes:SmtpPort", 2525);

    public bool Running => listener is not null;

    public IEnumerable<CapturedMail> Messages(string? to) =>
        messages.Where(mail => to is null || mail.To.Any(address => address.Equals(to, StringComparison.OrdinalIgnoreCase)));

    public void Clear() => messages.Clear();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        Start();
        stoppingToken.Register(Stop);
        return Task.CompletedTask;
    }

    /// <summary>Starts listening (again): from now on connections are accepted.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            listening = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            _ = AcceptAsync(listener, listening.Token);
            LogListening(Port);
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="Start"/>, as when a mail relay is down.</summary>
    public void Stop()
    {
        lock (gate)
        {
            listening?.Cancel();
            listening?.Dispose();
            listening = null;
            listener?.Stop();
            listener = null;
        }
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1, false, 8192, leaveOpen: true);
                await using var writer = new StreamWriter(stream, Encoding.ASCII, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 sandboxes ESMTP capture ready");
                var recipients = new List<string>();
                string? from = null;
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-sandboxes");
                            await writer.WriteLineAsync("250-8BITMIME");
                            await writer.WriteLineAsync("250-SIZE 26214400");
                            await writer.WriteLineAsync("250 SMTPUTF8");
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 sandboxes");
                            break;
                        case "MAIL":
                            from = Address(line);
                            recipients.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            recipients.Add(Address(line));
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(cancellationToken) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            Keep(from ?? "", recipients, Encoding.Latin1.GetBytes(data.ToString()));
                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "RSET":
                            from = null;
                            recipients.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 Command not implemented");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the capture stopped: nothing to keep.
            }
        }
    }

    private void Keep(string from, IReadOnlyList<string> recipients, byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        var message = MimeMessage.Load(stream);
        var attachments = message.Attachments.OfType<MimePart>()
            .Select(part =>
            {
                using var content = new MemoryStream();
                part.Content?.DecodeTo(content);
                return new CapturedAttachment(part.FileName ?? "attachment", part.ContentType.MimeType, content.Length);
            }).ToList();
        messages.Enqueue(new CapturedMail(Guid.NewGuid().ToString("N"), recipients, from, message.Subject ?? "", message.TextBody, message.HtmlBody,
            attachments, message.MessageId, time.GetUtcNow()));
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line.Split(':', 2)[^1].Trim();
    }

    [LoggerMessage(LogLevel.Information, "SMTP capture listening on 127.0.0.1:{Port}")]
    private partial void LogListening(int port);
}
