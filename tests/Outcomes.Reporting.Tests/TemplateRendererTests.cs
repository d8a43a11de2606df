using Outcomes.Reporting.Templates;

namespace Outcomes.Reporting.Tests;

public class TemplateRendererTests
{
    [Test]
    public async Task Renders_the_board_pack_with_figures_letters_and_front_sheet()
    {
        var html = await new TemplateRenderer().RenderBoardPackAsync(SamplePack.Model());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("64.0%"));
            Assert.That(html, Does.Contain("71.3%"));
            Assert.That(html, Does.Contain("1,234"));
            Assert.That(html, Does.Contain("class=\"rag rag-red\" title=\"Red\">R<"));
            Assert.That(html, Does.Contain("class=\"rag rag-green\" title=\"Green\">G<"));
            Assert.That(html, Does.Contain("class=\"rag rag-blue\" title=\"Blue\">B<"));
            Assert.That(html, Does.Contain("Agenda item"));
            Assert.That(html, Does.Contain("Key decision"));
            Assert.That(html, Does.Contain("1.0 Background"));
            Assert.That(html, Does.Contain("3.0 Scorecard"));
            Assert.That(html, Does.Contain("<polyline points=\""));
            Assert.That(html, Does.Contain("--primary: #1d4f91"));
            Assert.That(html, Does.Contain("break-after: page"), "the stylesheet is inlined");
            Assert.That(html, Does.Contain("<title>City of Bradford Metropolitan District Council: Children&#39;s centre outcomes"));
        });
    }

    [Test]
    public async Task Text_from_returns_is_html_encoded()
    {
        var scores = SamplePack.Current();
        scores[3] = scores[3] with { Commentary = "<script>alert(1)</script> & more" };
        var model = Reporting.BoardPack.BoardPackModelBuilder.Build(
            SamplePack.Version, SamplePack.Cluster, SamplePack.Quarter, scores, [], SamplePack.Settings, SamplePack.LatestSubmission);

        var html = await new TemplateRenderer().RenderBoardPackAsync(model);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        });
    }

    [Test]
    public async Task A_copied_template_folder_is_used_at_run_time()
    {
        using var copy = new TemplateCopy();
        File.WriteAllText(Path.Combine(copy.PackFolder, "pack.liquid"), "<p>{{ council_name }} / {{ section.scorecard.number }} {{ rows.size }}</p>");

        var html = await new TemplateRenderer(copy.Root).RenderBoardPackAsync(SamplePack.Model());

        Assert.That(html, Is.EqualTo("<p>City of Bradford Metropolitan District Council / 3.0 7</p>"));
    }

    [Test]
    public void A_liquid_syntax_error_names_the_template_file_and_line()
    {
        using var copy = new TemplateCopy();
        var template = Path.Combine(copy.PackFolder, "pack.liquid");
        File.WriteAllText(template, "<html>\n<body>\n<p>{{ council_name }}</p>\n{% for row in rows %}\n<p>{{ row.code }</p>\n{% endfor %}\n</body>\n</html>\n");

        var error = Assert.ThrowsAsync<TemplateException>(() => new TemplateRenderer(copy.Root).RenderBoardPackAsync(SamplePack.Model()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(template));
            Assert.That(error.FilePath, Is.EqualTo(template));
            Assert.That(error.Line, Is.EqualTo(5));
            Assert.That(error.Message, Does.Contain("line 5"));
        });
    }

    [Test]
    public void A_missing_pack_is_reported_with_the_folder_searched()
    {
        var error = Assert.ThrowsAsync<TemplateException>(() => new TemplateRenderer().RenderAsync("no-such-pack", SamplePack.Model()));

        Assert.That(error!.Message, Does.Contain("no-such-pack").And.Contain("report-templates"));
    }

    /// <summary>A throw-away copy of the shipped templates, as a council would make.</summary>
    private sealed class TemplateCopy : IDisposable
    {
        public TemplateCopy()
        {
            Root = Directory.CreateTempSubdirectory("templates-").FullName;
            PackFolder = Path.Combine(Root, TemplateRenderer.BoardPack);
            Directory.CreateDirectory(PackFolder);
            foreach (var file in Directory.GetFiles(Path.Combine(TemplateRenderer.DefaultTemplatesRoot, TemplateRenderer.BoardPack)))
            {
                File.Copy(file, Path.Combine(PackFolder, Path.GetFileName(file)));
            }
        }

        public string Root { get; }

        public string PackFolder { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
