namespace Outcomes.Application.Packs;

/// <summary>How far a pack has got: a stage people can read ("printing PDF") and a rough percentage.</summary>
public sealed record PackProgress(string Stage, int Percent)
{
    public static readonly PackProgress LoadingScores = new("loading scores", 10);

    public static readonly PackProgress BuildingPack = new("building the pack", 30);

    public static readonly PackProgress PrintingPdf = new("printing PDF", 45);

    public static readonly PackProgress WritingWorkbook = new("writing workbook", 85);
}
