using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Input no shop ever sends and PostgreSQL cannot store: a NUL character (U+0000) in a JSON string, a query or a path is a 400
/// problem where it is read, before it reaches the database; an id of all zeros names nothing (404). A NUL that still reaches
/// the database (a form field) is answered 400 too, from PostgreSQL's refusal, instead of a 500.
/// </summary>
internal static class UnstorableInput
{
    public const string Title = "The request contains a NUL character (U+0000), which nothing here accepts.";

    public static void Register(IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new NulRejectingStringConverter()));

    /// <summary>Answers a NUL in the query or path, and an all-zero id in the route, before any endpoint runs.</summary>
    public static void UseUnstorableInputChecks(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
                || request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, Title);
                return;
            }

            if (request.RouteValues.Values.Any(value => value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty))
            {
                await WriteAsync(context, StatusCodes.Status404NotFound, "Nothing has the all-zero id.");
                return;
            }

            await next(context);
        });

    /// <summary>PostgreSQL's refusal of a NUL character (in text, or in a JSON document).</summary>
    public static bool IsRefusedNul(Exception exception)
    {
        for (var current = (Exception?)exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.CharacterNotInRepertoire })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task WriteAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title },
        });
    }

    private sealed class NulRejectingStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException($"Expected a string, found {reader.TokenType}.");
            return text?.Contains('\0', StringComparison.Ordinal) == true ? throw new JsonException(Title) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }
}
