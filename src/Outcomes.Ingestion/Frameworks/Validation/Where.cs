using System.Text;
using FluentValidation.Results;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>Where a failure points, carried as a FluentValidation failure's CustomState.</summary>
internal sealed record Where(string File, int? Line, string Field)
{
    public static Where Of(YamlDocument doc, string key) => new(doc.File, doc.LineOf(key), doc.FieldPath(key));

    public static Where Of(YamlDocument doc) => new(doc.File, doc.Line, doc.Path);
}

internal static class ValidationProblems
{
    /// <summary>
    /// A failure names a property ("RatePer"); the YAML spells it "rate_per". The document knows the line of
    /// that key, so the problem can point at it. A failure that carries its own <see cref="Where"/> wins.
    /// </summary>
    public static IEnumerable<FrameworkProblem> From(ValidationResult result, YamlDocument doc) =>
        result.Errors.Select(f =>
        {
            if (f.CustomState is Where where)
            {
                return new FrameworkProblem(where.File, where.Line, where.Field, f.ErrorCode, f.ErrorMessage);
            }

            var key = SnakeCase(f.PropertyName);
            return new FrameworkProblem(doc.File, doc.LineOf(key), doc.FieldPath(key), f.ErrorCode, f.ErrorMessage);
        });

    public static ValidationFailure Failure(Where where, string rule, string message) =>
        new(where.Field, message) { ErrorCode = rule, CustomState = where };

    private static string SnakeCase(string propertyName)
    {
        var name = propertyName.Split('.', '[')[0];
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
