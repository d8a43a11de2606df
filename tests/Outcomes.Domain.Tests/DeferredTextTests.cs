using Outcomes.Domain.Scores;

namespace Outcomes.Domain.Tests;

public class DeferredTextTests
{
    private sealed class Counting(string words) : DeferredText
    {
        public int Writes { get; private set; }

        protected override string Write()
        {
            Writes++;
            return words;
        }
    }

    [Test]
    public void A_sentence_is_written_on_first_read_and_only_once()
    {
        var text = new Counting("Common cause variation.");
        Assert.That(text.Writes, Is.Zero, "nothing written before it is read");
        var first = text.Text;
        var second = text.Text;
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("Common cause variation."));
            Assert.That(second, Is.SameAs(first));
            Assert.That(text.Writes, Is.EqualTo(1));
        });
    }

    [Test]
    public void Texts_are_equal_when_their_words_are()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new Counting("a"), Is.EqualTo(DeferredText.Of("a")));
            Assert.That(new Counting("a").GetHashCode(), Is.EqualTo(DeferredText.Of("a").GetHashCode()));
            Assert.That(new Counting("a"), Is.Not.EqualTo(DeferredText.Of("A")));
        });
    }

    [Test]
    public void Scores_with_the_same_sentences_are_equal_however_the_sentences_were_made()
    {
        var written = new SpcAtPoint { Mean = 1, Explanation = "Common cause variation." };
        var deferred = new SpcAtPoint { Mean = 1, DeferredExplanation = new Counting("Common cause variation.") };
        var other = new SpcAtPoint { Mean = 1, DeferredExplanation = new Counting("Special cause of concern.") };
        Assert.Multiple(() =>
        {
            Assert.That(deferred, Is.EqualTo(written));
            Assert.That(deferred.Explanation, Is.EqualTo("Common cause variation."));
            Assert.That(other, Is.Not.EqualTo(written));
            Assert.That(new SpcAtPoint().Explanation, Is.Empty);
        });
    }
}
