namespace Outcomes.Application.Tests;

public class OpenDataCopyTests
{
    [TestCase("dfe-eyfsp-gld-by-la-2013-2019.csv")]
    [TestCase("dfe-cla-number-and-rate-per-10k-2021-2025.csv")]
    public void The_repository_copy_of_the_DfE_data_matches_the_published_files(string name)
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data", name));
        if (!File.Exists(shared))
        {
            Assert.Ignore($"{shared} is not beside this checkout: nothing to compare the repository copy with");
        }

        Assert.That(File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "open-data", name)), Is.EqualTo(File.ReadAllBytes(shared)));
    }
}
