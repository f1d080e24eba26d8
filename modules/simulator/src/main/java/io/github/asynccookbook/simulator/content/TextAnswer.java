package io.github.asynccookbook.simulator.content;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static io.github.asynccookbook.simulator.content.Sentences.BULLET;
import static io.github.asynccookbook.simulator.content.Sentences.CLOSING;
import static io.github.asynccookbook.simulator.content.Sentences.GENERAL;
import static io.github.asynccookbook.simulator.content.Sentences.HOW_BODY;
import static io.github.asynccookbook.simulator.content.Sentences.HOW_LEAD;
import static io.github.asynccookbook.simulator.content.Sentences.QUESTION_LEAD;
import static io.github.asynccookbook.simulator.content.Sentences.REQUEST_LEAD;
import static io.github.asynccookbook.simulator.content.Sentences.TOOL_FOLLOW_UP;
import static io.github.asynccookbook.simulator.content.Sentences.TOPICAL;
import static io.github.asynccookbook.simulator.content.Sentences.WHAT_LEAD;
import static io.github.asynccookbook.simulator.content.Sentences.WHY_BODY;
import static io.github.asynccookbook.simulator.content.Sentences.WHY_LEAD;

/** Picks the phrase banks and layout that suit what was asked, and writes the text answer at the wanted length. */
final class TextAnswer {

    private TextAnswer() {
    }

    static String write(Ask ask, SplittableRandom random, int target, boolean exact) {
        var phrasing = new Phrasing(ask.topic(), ask.question(), random);
        Layout layout = switch (ask.kind()) {
            case BULLETS -> {
                var openers = new Deck(phrasing, List.of(BULLET));
                yield new Layout(new Draft.Bullets(ask.bullets(), random.nextBoolean() ? "- " : "* "),
                        Stream.generate(openers::draw).limit(ask.bullets()).toList(),
                        new Deck(phrasing, List.of(GENERAL)), Optional.empty());
            }
            case WHY -> Layout.prose(phrasing, WHY_LEAD, new Deck(phrasing, List.of(WHY_BODY), List.of(GENERAL)));
            case HOW -> Layout.prose(phrasing, HOW_LEAD, new Deck(phrasing, List.of(HOW_BODY), List.of(GENERAL)));
            case WHAT -> Layout.prose(phrasing, WHAT_LEAD, new Deck(phrasing, List.of(TOPICAL, GENERAL)));
            case QUESTION -> Layout.prose(phrasing, QUESTION_LEAD, new Deck(phrasing, List.of(GENERAL)));
            case REQUEST -> Layout.prose(phrasing, REQUEST_LEAD, new Deck(phrasing, List.of(TOPICAL, GENERAL)));
        };
        return Composer.write(layout.draft(), layout.leads(), layout.body(), layout.closing(), target, exact);
    }

    /** An answer that reports what the tools returned first, then rounds it off. */
    static String afterTools(List<String> findings, Ask ask, SplittableRandom random, int target, boolean exact) {
        var phrasing = new Phrasing(ask.topic(), ask.question(), random);
        Deck followUps = new Deck(phrasing, List.of(TOOL_FOLLOW_UP), List.of(GENERAL));
        return Composer.write(new Draft.Prose(random), findings, followUps, Optional.empty(), target, exact);
    }

    /** How an answer is laid out and which sentences open, fill and close it. */
    private record Layout(Draft draft, List<String> leads, Deck body, Optional<Deck> closing) {

        static Layout prose(Phrasing phrasing, Sentences lead, Deck body) {
            return new Layout(new Draft.Prose(phrasing.random()), List.of(new Deck(phrasing, List.of(lead)).draw()),
                    body, Optional.of(new Deck(phrasing, List.of(CLOSING))));
        }
    }
}
