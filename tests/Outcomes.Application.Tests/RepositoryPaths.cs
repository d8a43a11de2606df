namespace Outcomes.Application.Tests;

internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Outcomes.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Outcomes.sln not found above the test directory.");
        }
    }

    public static string Samples => Path.Combine(Root, "samples");
}
