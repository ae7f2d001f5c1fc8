using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Tests;

public sealed class ItalianMessagesTests
{
    [Theory]
    [InlineData("is required", "è obbligatorio")]
    [InlineData("must be at most 200 characters", "deve avere al massimo 200 caratteri")]
    [InlineData("must be between 2000 and 2100", "deve essere compreso tra 2000 e 2100")]
    [InlineData("must look like plans/{plan}/objectives/{code}", "deve avere la forma plans/{plan}/objectives/{code}")]
    [InlineData("must be a decimal number such as 1234.56, not '1.234'", "deve essere un numero decimale come 1234.56 (con il punto per i decimali), non '1.234'")]
    [InlineData("plans/dup not found", "plans/dup non trovato")]
    [InlineData("must be SUM, AVERAGE or LAST", "deve essere uno tra SUM, AVERAGE o LAST")]
    public void Known_phrases_read_in_italian(string english, string italian) =>
        Assert.Equal(italian, ItalianMessages.Translate(english));

    [Fact]
    public void An_unknown_phrase_has_no_translation_rather_than_a_wrong_one() =>
        Assert.Null(ItalianMessages.Translate("frobnicates the widget"));
}
