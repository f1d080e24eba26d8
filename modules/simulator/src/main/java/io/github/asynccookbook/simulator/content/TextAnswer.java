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
        Optional<Deck> closing = Optional.of(new Deck(phrasing, List.of(CLOSING)));
        Deck mixed = new Deck(phrasing, List.of(TOPICAL, GENERAL));
        return switch (ask.kind()) {
            case BULLETS -> {
                var leads = new Deck(phrasing, List.of(BULLET));
                List<String> openers = Stream.generate(leads::draw).limit(ask.bullets()).toList();
                var draft = new Draft.Bullets(ask.bullets(), random.nextBoolean() ? "- " : "* ");
                yield Composer.write(draft, openers, new Deck(phrasing, List.of(GENERAL)), Optional.empty(), target,
                        exact);
            }
            case WHY -> prose(random, lead(phrasing, WHY_LEAD),
                    new Deck(phrasing, List.of(WHY_BODY), List.of(GENERAL)), closing, target, exact);
            case HOW -> prose(random, lead(phrasing, HOW_LEAD),
                    new Deck(phrasing, List.of(HOW_BODY), List.of(GENERAL)), closing, target, exact);
            case WHAT -> prose(random, lead(phrasing, WHAT_LEAD), mixed, closing, target, exact);
            case QUESTION -> prose(random, lead(phrasing, QUESTION_LEAD), new Deck(phrasing, List.of(GENERAL)),
                    closing, target, exact);
            case REQUEST -> prose(random, lead(phrasing, REQUEST_LEAD), mixed, closing, target, exact);
        };
    }

    /** An answer that reports what the tools returned first, then rounds it off. */
    static String afterTools(List<String> findings, Ask ask, SplittableRandom random, int target, boolean exact) {
        var phrasing = new Phrasing(ask.topic(), ask.question(), random);
        Deck followUps = new Deck(phrasing, List.of(TOOL_FOLLOW_UP), List.of(GENERAL));
        return prose(random, findings, followUps, Optional.empty(), target, exact);
    }

    private static String prose(SplittableRandom random, List<String> leads, Deck body, Optional<Deck> closing,
                                int target, boolean exact) {
        return Composer.write(new Draft.Prose(random), leads, body, closing, target, exact);
    }

    private static List<String> lead(Phrasing phrasing, Sentences bank) {
        return List.of(new Deck(phrasing, List.of(bank)).draw());
    }
}
