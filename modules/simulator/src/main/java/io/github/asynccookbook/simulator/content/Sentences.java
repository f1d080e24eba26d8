package io.github.asynccookbook.simulator.content;

import java.util.List;

/**
 * The simulated model's phrase book. {@code {topic}} / {@code {Topic}} is what the answer is about (capitalised
 * at a sentence start), {@code {question}} the user's question restated, {@code {aspect}} one of {@link #ASPECTS}.
 * Every template is one or two whole sentences, so answers can be cut at any template boundary.
 */
enum Sentences {

    /** The first sentence of a bullet line; each one names the topic. */
    BULLET(
            "{Topic} makes the most sense once you know which problem it is meant to solve.",
            "A good first step with {topic} is a small, concrete example rather than a big plan.",
            "The main trade-off in {topic} is {aspect} against simplicity.",
            "{Topic} looks simple at first, but the details matter once it meets real conditions.",
            "It helps to compare {topic} with the obvious alternative before drawing conclusions.",
            "Context matters for {topic}: what works well in one situation can backfire in another.",
            "Most confusion about {topic} disappears once you separate the goal from the mechanism.",
            "A common mistake with {topic} is polishing the details before the big picture is clear.",
            "{Topic} pays off most where it clearly removes a bottleneck.",
            "Measuring the results is the only reliable way to know whether {topic} is working.",
            "Keep {aspect} in mind, because it shapes how {topic} plays out in practice.",
            "Good examples of {topic} share one thing: a clear and simple structure.",
            "The fastest way to learn {topic} is to try it, watch what happens, and adjust.",
            "{Topic} is rarely all-or-nothing; a gradual approach usually works better.",
            "When it comes to {topic}, sensible defaults beat clever configuration."),

    /** Follow-up sentences that name the topic; for answers whose topic is a noun phrase. */
    TOPICAL(
            "Seen this way, {topic} becomes much easier to reason about.",
            "People new to {topic} often underestimate how much the surrounding context matters.",
            "The details of {topic} vary from case to case, but the principle holds.",
            "Much of what makes {topic} work well comes down to {aspect}.",
            "A quick experiment with {topic} often settles questions that long discussions cannot.",
            "It is worth revisiting how you approach {topic} as your needs change."),

    /** Follow-up sentences that fit after any statement. */
    GENERAL(
            "That keeps the moving parts small and easy to check.",
            "In practice, the simplest version that works is usually the right place to start.",
            "Small, measurable steps make it much easier to see what actually helps.",
            "This is where {aspect} starts to matter more than it first appears.",
            "Keeping a close eye on {aspect} avoids most of the unpleasant surprises.",
            "Trade-offs are unavoidable, so it helps to make them explicit.",
            "Clear goals make it much easier to judge whether the effort is paying off.",
            "The same idea applies at a small scale and at a large one.",
            "Most problems show up early if you look for them deliberately.",
            "Writing down what you expect beforehand makes the results easier to interpret.",
            "Good defaults matter, because most people never change them.",
            "It also pays to think about what happens when things go wrong.",
            "There is no single right answer, but some choices are clearly better than others.",
            "A concrete example usually makes the idea click faster than an abstract description."),

    WHY_LEAD(
            "{question} The short answer is that several factors work together.",
            "{question} It mostly comes down to a balance of costs and benefits.",
            "Good question. {question} There are a few reasons, and they reinforce each other.",
            "{question} Put simply, it is a response to conditions that change over time."),

    WHY_BODY(
            "The most important factor is usually access to resources when and where they are most plentiful.",
            "Conditions rarely stay the same all year, and adapting to that change pays off.",
            "There is also an element of risk: staying put can cost more than moving on.",
            "Over a long period, the approaches that worked best simply became the norm.",
            "No single cause explains it; several pressures act together.",
            "Timing plays a big role, since the same choice can be good in one season and poor in another.",
            "Not every case behaves the same way, which is why the exceptions are so interesting."),

    HOW_LEAD(
            "{question} Here is a practical way to approach it.",
            "{question} It is easiest with a few simple steps.",
            "Good question. {question} The key is to break it into small pieces."),

    HOW_BODY(
            "Begin with a minimal version that works end to end, even if it is rough.",
            "Make the inputs and outputs of each step explicit so they are easy to check.",
            "Add one improvement at a time and check the effect of each change.",
            "Keep the feedback loop short so that mistakes surface quickly.",
            "Once it works, turn what you learned into something repeatable.",
            "Check the official documentation for the details that differ between versions."),

    WHAT_LEAD(
            "{Topic} is easiest to explain by starting with what it is for.",
            "Here is a short overview of {topic}.",
            "At its core, {topic} is simpler than it first sounds.",
            "Good question: {topic} has a simple core and a few details worth knowing."),

    QUESTION_LEAD(
            "{question} It depends on the situation, but here is how I would think about it.",
            "{question} The honest answer is that it depends on a few things.",
            "Good question. {question} Here is a short answer."),

    REQUEST_LEAD(
            "Happy to help with {topic}.",
            "Here is an overview of {topic}.",
            "Sure, here are some thoughts on {topic}.",
            "Let's look at {topic} step by step."),

    CLOSING(
            "I hope this helps; let me know if you want more detail on any part.",
            "If you share more about your situation, I can be more specific.",
            "Let me know if you would like a concrete example.",
            "Happy to go deeper on any of these points."),

    /** Follow-ups after reporting what the tools returned. */
    TOOL_FOLLOW_UP(
            "Let me know if you want me to look anything else up.",
            "I can check again later if you need an update.",
            "If you need more detail, I can run another lookup.",
            "That is the latest information the tool returned.");

    /** Neutral qualities a sentence can weigh a topic by. */
    static final List<String> ASPECTS = List.of("cost", "speed", "reliability", "scale", "timing", "complexity",
            "quality", "effort", "flexibility", "risk");

    private final List<String> templates;

    Sentences(String... templates) {
        this.templates = List.of(templates);
    }

    List<String> templates() {
        return templates;
    }
}
