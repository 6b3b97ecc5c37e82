using Microsoft.AspNetCore.Http.HttpResults;

namespace Omnichannel.Server.Features;

/// <summary>The REST side of <see cref="Outcome{T}"/>: the same refusal is the same response on every route.</summary>
internal static class OutcomeResults
{
    public static ProblemHttpResult ConflictProblem<T>(this Outcome<T> outcome) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Title, detail: outcome.Detail);

    public static ProblemHttpResult ForbiddenProblem<T>(this Outcome<T> outcome) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: outcome.Title, detail: outcome.Detail);
}
