/**
 * Every way a LivePerson lookup can fail; the UI maps each kind to one sentence. Two kinds are the app's own
 * restraint, not an answer from LivePerson: `heldBack` (a refused login is being waited out) and `paused`
 * (LivePerson asked the app to slow down, or failed several times in a row, and is being left alone).
 */
export type LivePersonFailureKind =
    | 'misconfigured'
    | 'auth'
    | 'forbidden'
    | 'notFound'
    | 'notAuthenticated'
    | 'rateLimited'
    | 'timeout'
    | 'unavailable'
    | 'invalidResponse'
    | 'heldBack'
    | 'paused';

/** The LivePerson call that failed: tells the admin where to look. */
export type LivePersonStep = 'domain' | 'login' | 'refresh' | 'logout' | 'agentSession' | 'participantInfo' | 'messagingHistory';

export interface LivePersonFailure {
    kind: LivePersonFailureKind;
    step: LivePersonStep;
    /** Safe for logs and admins: never a secret, a token, a host LivePerson named or a raw response body. */
    message: string;
    /** Quoted to the agent and logged with every request, to find one action in the logs. */
    reference: string;
    status?: number;
    internalCode?: number;
    /** When LivePerson (or the app's own restraint) allows the next try, in seconds from the failure. */
    retryAfterSeconds?: number;
    /** `heldBack`: how the login was refused; `paused`: why LivePerson is left alone. */
    cause?: 'auth' | 'forbidden' | 'misconfigured' | 'rateLimited' | 'unavailable';
    /** Nothing reached LivePerson (no time was left, or the destination was refused): nothing is learnt of it. */
    notSent?: boolean;
}

/** Thrown inside the LivePerson layer for control flow; its public methods return it as a value. */
export class LivePersonError extends Error {
    constructor(readonly failure: LivePersonFailure) {
        super(failure.message);
        this.name = 'LivePersonError';
    }
}

/** The one way the layer describes a failure of a call at a step. */
export const failureAt = (
    call: { reference: string },
    step: LivePersonStep,
    kind: LivePersonFailureKind,
    message: string,
    extra: Partial<LivePersonFailure> = {},
): LivePersonFailure => ({ kind, step, message, reference: call.reference, ...extra });

export function fail(failure: LivePersonFailure): never {
    throw new LivePersonError(failure);
}

export const failureOf = (error: unknown): LivePersonFailure | undefined => (error instanceof LivePersonError ? error.failure : undefined);

/** LivePerson answered, and its answer is that it holds no verified profile: not found, or not signed in. */
export const isNoProfile = (failure: LivePersonFailure): boolean => failure.kind === 'notFound' || failure.kind === 'notAuthenticated';

/** LivePerson did not answer at all: worth a circuit breaker, never worth caching. */
export const isOutage = (failure: LivePersonFailure): boolean => (failure.kind === 'unavailable' || failure.kind === 'timeout') && !failure.notSent;
