using Outcomes.Ingestion.Frameworks;

namespace Outcomes.Ingestion.Tests.Frameworks;

/// <summary>
/// A council adds framework.v2.yaml to a folder whose v1 has been loaded open-ended (the real Bradford sample): v1 gets
/// effective_to the day before v2 starts, and nothing else of v1 changes. Left open, the folder is refused naming the
/// file, the line where effective_to belongs, the field and the rule.
/// </summary>
[TestFixture]
public sealed class NextVersionLoadingTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("outcomes-next-version-").FullName;

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Bradford_with_v1_closed_and_a_v2_loads_both_with_v1_otherwise_unchanged()
    {
        var before = FrameworkPackageLoader.Load(Path.Combine(RepoPaths.SampleFrameworks, "bradford"));
        var folder = Bradford(closeV1: true);

        var after = FrameworkPackageLoader.Load(folder);

        Assert.That(before.Succeeded, Is.True, string.Join(Environment.NewLine, before.Problems));
        Assert.That(after.Succeeded, Is.True, string.Join(Environment.NewLine, after.Problems));
        var was = before.Package!.Framework.Versions.Single();
        var v1 = after.Package!.Framework.Versions[0];
        var v2 = after.Package.Framework.Versions[1];
        Assert.Multiple(() =>
        {
            Assert.That(was.EffectiveTo, Is.Null, "the sample's v1 is open-ended, as stored");
            Assert.That(v1.EffectiveTo, Is.EqualTo(new DateOnly(2017, 9, 30)));
            Assert.That((v1.EffectiveFrom, v1.Scheme, v1.Notes), Is.EqualTo((was.EffectiveFrom, was.Scheme, was.Notes)));
            Assert.That(v1.Measures.Select(m => (m.Code, m.Title, m.Polarity, m.Decimals)), Is.EqualTo(was.Measures.Select(m => (m.Code, m.Title, m.Polarity, m.Decimals))));
            Assert.That(v2.Version, Is.EqualTo(2));
            Assert.That(v2.EffectiveFrom, Is.EqualTo(new DateOnly(2017, 10, 1)));
            Assert.That(v2.EffectiveTo, Is.Null);
            Assert.That(v2.Measures.Select(m => m.Code), Does.Not.Contain("CLA"));
            Assert.That(after.Package.Framework.VersionOn(new DateOnly(2017, 10, 1))!.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public void Bradford_with_a_v2_but_v1_left_open_is_refused_at_the_line_where_effective_to_belongs()
    {
        var folder = Bradford(closeV1: false);
        var v1 = File.ReadAllLines(Path.Combine(folder, "framework.v1.yaml"));

        var result = FrameworkPackageLoader.Load(folder);

        Assert.That(result.Package, Is.Null);
        var problem = result.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo("bradford/framework.v1.yaml"));
            Assert.That(problem.Line, Is.EqualTo(Array.FindIndex(v1, l => l.StartsWith("effective_from:", StringComparison.Ordinal)) + 1));
            Assert.That(problem.Field, Is.EqualTo("effective_to"));
            Assert.That(problem.Rule, Is.EqualTo("version.earlier-left-open"));
            Assert.That(problem.Message, Does.Contain("effective_to: 2017-09-30"));
        });
    }

    /// <summary>A copy of the Bradford sample with a v2 from 1 October 2017 that drops CLA, and v1 closed or not.</summary>
    private string Bradford(bool closeV1)
    {
        var source = Path.Combine(RepoPaths.SampleFrameworks, "bradford");
        var folder = Path.Combine(_root, "bradford");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var v1 = File.ReadAllText(Path.Combine(source, "framework.v1.yaml"));
        Assert.That(v1, Does.Contain("effective_from: 2016-04-01\n").And.Not.Contain("effective_to"));
        if (closeV1)
        {
            File.WriteAllText(Path.Combine(folder, "framework.v1.yaml"), v1.Replace("effective_from: 2016-04-01\n", "effective_from: 2016-04-01\neffective_to: 2017-09-30\n", StringComparison.Ordinal));
        }

        File.WriteAllText(Path.Combine(folder, "framework.v2.yaml"), WithoutMeasure(v1, "CLA")
            .Replace("version: 1\n", "version: 2\n", StringComparison.Ordinal)
            .Replace("effective_from: 2016-04-01\n", "effective_from: 2017-10-01\n", StringComparison.Ordinal));
        return folder;
    }

    /// <summary>The YAML without one measure's block (from its "- code:" line to the next measure's).</summary>
    internal static string WithoutMeasure(string yaml, string code)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l == $"  - code: {code}");
        var end = lines.FindIndex(start + 1, l => l.StartsWith("  - code: ", StringComparison.Ordinal) || (l.Length > 0 && !l.StartsWith(' ')));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        return string.Join('\n', lines);
    }
}
