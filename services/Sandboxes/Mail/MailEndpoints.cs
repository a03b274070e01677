using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.Sandboxes.Mail;

/// <summary>What the SMTP capture kept, and switches to take the mail relay down and bring it back.</summary>
public static class MailEndpoints
{
    public static void MapMailCapture(this WebApplication app)
    {
        var mail = app.MapGroup("/mail").WithTags("Mail capture");
        mail.MapGet("/messages", (string? to, SmtpCapture capture) => TypedResults.Ok(capture.Messages(to).ToList()));
        mail.MapPost("/control/stop", (SmtpCapture capture) =>
        {
            capture.Stop();
            return TypedResults.NoContent();
        });
        mail.MapPost("/control/start", (SmtpCapture capture) =>
        {
            capture.Start();
            return TypedResults.NoContent();
        });
        mail.MapGet("/control", (SmtpCapture capture) => TypedResults.Ok(new { capture.Port, capture.Running }));
    }
}
