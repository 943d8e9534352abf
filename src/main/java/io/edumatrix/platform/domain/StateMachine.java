package io.edumatrix.platform.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions a resource's status may take, declared once per status enum:
 *
 * <pre>{@code
 * static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class)
 *         .allow(DRAFT, OPEN)
 *         .allow(OPEN, CLOSED)
 *         .build();
 * }</pre>
 *
 * <p>{@link #check} refuses any other move with a 409 {@code invalid-transition} problem that names the current
 * state and the states it may move to, so a client sees why, and what it could do instead. Staying in the same
 * state is a transition like any other: refused unless declared.
 */
public final class StateMachine<S extends Enum<S>> {

    private final String resource;
    private final Map<S, Set<S>> next;

    private StateMachine(String resource, Map<S, Set<S>> next) {
        this.resource = resource;
        this.next = next;
    }

    /** A builder for the machine of {@code states}; problems name the resource after the enum's enclosing class. */
    public static <S extends Enum<S>> Builder<S> of(Class<S> states) {
        var owner = states.getEnclosingClass();
        return new Builder<>(states, owner == null ? states.getSimpleName() : owner.getSimpleName());
    }

    public boolean allows(S from, S to) {
        return next.get(from).contains(to);
    }

    /** The states {@code from} may move to; empty for a final state. */
    public Set<S> from(S from) {
        return next.get(from);
    }

    /** Returns {@code to} when the move is allowed, or throws the 409 problem naming {@code from}. */
    public S check(S from, S to) {
        if (!allows(from, to)) {
            var allowed = from(from);
            throw ProblemType.INVALID_TRANSITION.exception("The " + resource + " is " + from + "; it "
                            + (allowed.isEmpty() ? "cannot change any more" : "can become only " + allowed) + ", not " + to)
                    .with("currentState", from.name())
                    .with("allowedStates", allowed.stream().map(Enum::name).toList());
        }
        return to;
    }

    public static final class Builder<S extends Enum<S>> {

        private final Class<S> states;
        private final String resource;
        private final Map<S, Set<S>> next;

        private Builder(Class<S> states, String resource) {
            this.states = states;
            this.resource = resource;
            this.next = new EnumMap<>(states);
            for (var state : states.getEnumConstants()) {
                next.put(state, EnumSet.noneOf(states));
            }
        }

        /** Names the resource in problems ("The job posting is CLOSED ..."). */
        public Builder<S> named(String name) {
            return new Builder<>(states, name).copy(next);
        }

        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            next.get(from).addAll(Set.of(to));
            return this;
        }

        /** Each of {@code froms} may move to {@code to}: "withdrawn from any open state". */
        public Builder<S> allowFromEach(Set<S> froms, S to) {
            froms.forEach(from -> next.get(from).add(to));
            return this;
        }

        public StateMachine<S> build() {
            var frozen = new EnumMap<S, Set<S>>(states);
            next.forEach((from, to) -> frozen.put(from, Collections.unmodifiableSet(EnumSet.copyOf(to))));
            return new StateMachine<>(resource, frozen);
        }

        private Builder<S> copy(Map<S, Set<S>> from) {
            from.forEach((state, to) -> next.get(state).addAll(to));
            return this;
        }
    }
}
