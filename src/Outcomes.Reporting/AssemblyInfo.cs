using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Outcomes.Reporting.Tests")]
