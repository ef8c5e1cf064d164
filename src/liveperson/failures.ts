/** Every way a LivePerson lookup can fail; the UI maps each kind to one sentence. */
export type LivePersonFailureKind =
    'misconfigured' | 'auth' | 'forbidden' | 'notFound' | 'notAuthenticated' | 'rateLimited' | 'timeout' | 'unavailable' | 'invalidResponse';

/** The LivePerson call that failed: tells the admin where to look. */
export type LivePersonStep = 'domain' | 'login' | 'refresh' | 'logout' | 'agentSession' | 'participantInfo' | 'messagingHistory';

export interface LivePersonFailure {
    kind: LivePersonFailureKind;
    step: LivePersonStep;
    /** Safe for logs and admins: never a secret, a token, a host LivePerson named or a raw response body. */
    message: string;
    correlationId: string;
    status?: number;
    internalCode?: number;
    /** When LivePerson (or the app's own pause) says to try again, in seconds from the failure. */
    retryAfterSeconds?: number;
    /** The action ran out of time before the request was sent: nothing is known about LivePerson. */
    notSent?: boolean;
}

/** Thrown inside the LivePerson layer for control flow; its public methods return it as a value. */
export class LivePersonError extends Error {
    constructor(readonly failure: LivePersonFailure) {
        super(failure.message);
        this.name = 'LivePersonError';
    }
}

export function fail(failure: LivePersonFailure): never {
    throw new LivePersonError(failure);
}

export const failureOf = (error: unknown): LivePersonFailure | undefined => (error instanceof LivePersonError ? error.failure : undefined);

/** Failures that say nothing about the participant: worth a circuit breaker, never worth caching. */
export const isOutage = (kind: LivePersonFailureKind): boolean => kind === 'unavailable' || kind === 'timeout';
