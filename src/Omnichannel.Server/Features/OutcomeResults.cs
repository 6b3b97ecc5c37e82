using Microsoft.AspNetCore.Http.HttpResults;

namespace Omnichannel.Server.Features;

/// <summary>The REST side of <see cref="Outcome{T}"/>: the same refusal is the same response on every route.</summary>
internal static class OutcomeResults
{
    /// <summary>A refusal with a reason as a problem details body, its status from the refusal.</summary>
    public static ProblemHttpResult ToProblem<T>(this Outcome<T> outcome) =>
        TypedResults.Problem(statusCode: StatusOf(outcome.Refusal), title: outcome.Title, detail: outcome.Detail);

    private static int StatusOf(Refusal refusal) => refusal switch
    {
        Refusal.NotFound => StatusCodes.Status404NotFound,
        Refusal.Forbidden => StatusCodes.Status403Forbidden,
        Refusal.Conflict => StatusCodes.Status409Conflict,
        Refusal.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "A found result is not a problem."),
    };
}
