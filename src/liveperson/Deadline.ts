export type Clock = () => number;

/** The time left for one agent action: every LivePerson request takes its timeout from it. */
export class Deadline {
    private constructor(
        readonly endsAt: number,
        private readonly clock: Clock,
    ) {}

    static in(ms: number, clock: Clock = () => Date.now()): Deadline {
        return new Deadline(clock() + ms, clock);
    }

    remainingMs(): number {
        return Math.max(0, this.endsAt - this.clock());
    }

    /** A tighter deadline inside this one, e.g. for a background step that must not outlive the action. */
    within(ms: number): Deadline {
        return new Deadline(Math.min(this.endsAt, this.clock() + ms), this.clock);
    }
}
