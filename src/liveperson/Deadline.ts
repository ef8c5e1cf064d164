/** The time left for one agent action or job: every LivePerson request takes its timeout from it. */
export class Deadline {
    private constructor(readonly endsAt: number) {}

    static in(ms: number): Deadline {
        return new Deadline(Date.now() + ms);
    }

    remainingMs(): number {
        return Math.max(0, this.endsAt - Date.now());
    }

    /** A tighter deadline inside this one. */
    within(ms: number): Deadline {
        return new Deadline(Math.min(this.endsAt, Date.now() + ms));
    }
}
