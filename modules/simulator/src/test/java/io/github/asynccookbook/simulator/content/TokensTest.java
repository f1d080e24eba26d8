package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.TokenizedText;
import io.github.asynccookbook.simulator.conversation.ToolSpec;
import io.github.asynccookbook.simulator.conversation.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Hello, world!",
            "  leading and trailing blanks  ",
            "line one\nline two\n\n\nline five\n",
            "windows\r\nline endings\r\n and a lone \r carriage return",
            "tabs\tand\u000Bvertical\ftabs",
            "Ünïcödé façade, naïve café — “quotes” and ‘apostrophes’ don’t break",
            "e\u0301 combining accents and 日本語のテキスト and Ελληνικά",
            "emoji 😀👍🏽 and a family 👨‍👩‍👧 and flags 🇫🇷🇬🇧",
            "𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉 mathematical letters outside the basic plane",
            "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word",
            "punctuation!!! ...ellipsis?! (brackets) [square] {curly} <angle> a/b\\c #1 @user 50% $3.50 a+b=c",
            "   \n\t  \n",
            "non\u00A0breaking\u2028separator\u2029paragraph"})
    void joiningTheTokensGivesTheTextBack(String text) {
        List<String> tokens = Tokens.split(text);

        assertThat(String.join("", tokens)).isEqualTo(text);
        assertThat(tokens).noneMatch(String::isEmpty);
        assertThat(Tokens.count(text)).isEqualTo(tokens.size());
        TokenizedText tokenized = Tokens.tokenize(text);
        assertThat(tokenized.size()).isEqualTo(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(tokenized.slice(i, i + 1)).isEqualTo(tokens.get(i));
        }
    }

    @Test
    void aTokenizedTextSlicesAndCutsAlongTokenBoundaries() {
        TokenizedText text = Tokens.tokenize("Hello, big world!");

        assertThat(text.size()).isEqualTo(5);
        assertThat(text.slice(1, 3)).isEqualTo(", big");
        assertThat(text.slice(2, 2)).isEmpty();
        assertThat(text.first(2)).isEqualTo(Tokens.tokenize("Hello,"));
        assertThat(text.first(9)).isSameAs(text);
    }

    @Test
    void wordsKeepTheirLeadingSpaceAndPunctuationStandsAlone() {
        assertThat(Tokens.split("Hello, big world!\nBye"))
                .containsExactly("Hello", ",", " big", " world", "!", "\n", "Bye");
    }

    @Test
    void longWordsAreCutIntoPiecesOfSevenCodePoints() {
        assertThat(Tokens.split(" internationalization")).containsExactly(" intern", "ational", "ization");
    }

    @Test
    void piecesNeverSplitASurrogatePair() {
        String text = "𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉";

        List<String> tokens = Tokens.split(text);

        assertThat(tokens).hasSize(2);
        assertThat(tokens).allSatisfy(token -> {
            assertThat(Character.isLowSurrogate(token.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(token.charAt(token.length() - 1))).isFalse();
        });
    }

    @Test
    void aConversationCountsSystemTurnsAndTools() {
        var tool = new ToolSpec("getWeather", "Weather for a city",
                List.of(new ToolSpec.Parameter("city", "string", "the city", true, null)));
        var bare = new Conversation("", List.of(new Turn.User("Weather in Paris?")), List.of(), null, null);
        var full = new Conversation("Be brief.", List.of(new Turn.User("Weather in Paris?")), List.of(tool), null,
                null);

        assertThat(Tokens.count(bare)).isEqualTo(3 + Tokens.count("Weather in Paris?"));
        assertThat(Tokens.count(full)).isGreaterThan(Tokens.count(bare) + Tokens.count("Be brief."));
    }
}
