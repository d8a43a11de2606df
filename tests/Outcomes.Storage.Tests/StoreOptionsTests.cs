namespace Outcomes.Storage.Tests;

[TestFixture]
public sealed class StoreOptionsTests
{
    [Test]
    public void The_default_needs_no_configuration() =>
        Assert.That(new StoreOptions().Validate(), Is.Empty);

    [Test]
    public void Problems_are_returned_as_data()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new StoreOptions { ConnectionString = "" }.Validate(), Has.One.Contains("ConnectionString is required"));
            Assert.That(new StoreOptions { Provider = (StoreProvider)7 }.Validate(), Has.One.Contains("is not one of"));
            Assert.That(new StoreOptions { ConnectionString = "Nonsense Key=1" }.Validate(), Has.One.Contains("not a valid Sqlite connection string"));
            Assert.That(new StoreOptions { ConnectionString = "Data Source=x.db;Mode=ReadOnly" }.Validate(), Has.One.Contains("read-only"));
            Assert.That(
                new StoreOptions { Provider = StoreProvider.SqlServer, ConnectionString = "Server=db;Integrated Security=true" }.Validate(),
                Has.One.Contains("Initial Catalog"));
            Assert.That(
                new StoreOptions { Provider = StoreProvider.SqlServer, ConnectionString = "Server=db;Database=outcomes;Integrated Security=true" }.Validate(),
                Is.Empty);
        });
    }
}
