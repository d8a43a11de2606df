using ClosedXML.Excel;

namespace Outcomes.Cli.Tests;

public class ReturnsCommandTests
{
    private string _dir = string.Empty;

    private string Store => Path.Combine(_dir, "o.db");

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-cli-returns-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Returns_are_listed_compared_approved_locked_and_reopened_with_refusals_exiting_1()
    {
        var samples = Path.Combine(CliProcess.RepositoryRoot, "samples");
        var load = await Run("frameworks", "load", Path.Combine(samples, "frameworks", "bradford"));
        Assert.That(load.ExitCode, Is.Zero, load.Output);
        var v1 = Path.Combine(samples, "returns", "bradford", "BRD-CL1_2018-19_Q4.xlsx");
        var v2 = Path.Combine(_dir, "BRD-CL1_2018-19_Q4_revised.xlsx");
        string measure;
        using (var workbook = new XLWorkbook(v1))
        {
            var row = workbook.Worksheet("Data").RowsUsed().Skip(1).First(r => r.Cell(4).DataType == XLDataType.Number && r.Cell(5).IsEmpty());
            measure = row.Cell(1).GetString();
            row.Cell(4).SetValue(row.Cell(4).GetDouble() + 1);
            workbook.SaveAs(v2);
        }

        var import = await Run("import", v1, v2, "--as", "alice");
        Assert.That(import.ExitCode, Is.Zero, import.Output);
        string[] target = ["-f", "BRD-CC", "-o", "BRD-CL1", "-p", "2018-19 Q4"];

        var list = await Run(["returns", "list", "-f", "BRD-CC"]);
        var versions = await Run(["returns", "versions", .. target]);
        var diff = await Run(["returns", "diff", .. target]);
        var diffFirst = await Run(["returns", "diff", .. target, "--to", "1"]);
        var byOfficer = await Run(["returns", "approve", .. target, "--as", "alice", "--role", "PerformanceOfficer"]);
        var approve = await Run(["returns", "approve", .. target, "--as", "carol", "--role", "Approver"]);
        var lockPeriod = await Run("returns", "lock-period", "-f", "BRD-CC", "-p", "2018-19 Q4", "--as", "carol");
        var reopenByApprover = await Run(["returns", "reopen", .. target, "--as", "carol", "--role", "Approver", "--reason", "Late data"]);
        var reopen = await Run(["returns", "reopen", .. target, "--as", "dave", "--role", "admin", "--reason", "Late data"]);
        var badRole = await Run(["returns", "lock", .. target, "--role", "mayor"]);
        var audit = await Run("audit", "-f", "BRD-CC", "-o", "BRD-CL1");

        Assert.Multiple(() =>
        {
            Assert.That(list.ExitCode, Is.Zero, list.Output);
            Assert.That(list.Output, Does.Contain("BRD-CL1").And.Contain("submitted").And.Contain("alice").And.Contain("1 returns"));
            Assert.That(versions.ExitCode, Is.Zero, versions.Output);
            Assert.That(versions.Output, Does.Contain("BRD-CL1_2018-19_Q4.xlsx").And.Contain("BRD-CL1_2018-19_Q4_revised.xlsx"));
            Assert.That(diff.ExitCode, Is.Zero, diff.Output);
            Assert.That(diff.Output, Does.Contain("version 1 (alice").And.Contain("→ version 2 (alice").And.Contain(measure).And.Contain("1 measures differ"));
            Assert.That(diffFirst.Output, Does.Contain("nothing → version 1"));
            Assert.That(byOfficer.ExitCode, Is.EqualTo(1), byOfficer.Output);
            Assert.That(byOfficer.Output, Does.Contain("2018-19 Q4 for BRD-CL1 cannot be approved by a performance officer").And.Contain("(workflow.role)"));
            Assert.That(approve.ExitCode, Is.Zero, approve.Output);
            Assert.That(approve.Output, Does.Contain("submitted → approved"));
            Assert.That(lockPeriod.ExitCode, Is.Zero, lockPeriod.Output);
            Assert.That(lockPeriod.Output, Does.Contain("1 returns locked"));
            Assert.That(reopenByApprover.ExitCode, Is.EqualTo(1), reopenByApprover.Output);
            Assert.That(reopenByApprover.Output, Does.Contain("can only be reopened by an administrator"));
            Assert.That(reopen.ExitCode, Is.Zero, reopen.Output);
            Assert.That(reopen.Output, Does.Contain("locked → submitted"));
            Assert.That(badRole.ExitCode, Is.EqualTo(2), badRole.Output);
            Assert.That(badRole.Output, Does.Contain("--role:"));
            Assert.That(audit.ExitCode, Is.Zero, audit.Output);
            Assert.That(audit.Output, Does.Contain("carol").And.Contain("dave").And.Contain("Late data").And.Contain("return_versions"));
        });
    }

    private Task<CliProcess.Run> Run(params string[] args) => CliProcess.RunAsync(_dir, [.. args, "--store", Store]);
}
