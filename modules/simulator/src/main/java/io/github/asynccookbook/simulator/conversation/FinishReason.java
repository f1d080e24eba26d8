package io.github.asynccookbook.simulator.conversation;

/** Why generation stopped; each protocol spells it its own way (STOP/stop, MAX_TOKENS/length, STOP/tool_calls). */
public enum FinishReason { STOP, LENGTH, TOOL_CALLS }
