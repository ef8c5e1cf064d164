import type { LivePersonProfile } from '../../profile/LivePersonProfile';
import { fetchParticipantInfo } from '../api/participantInfo';
import type { DomainBook } from '../DomainBook';
import { failureOf } from '../failures';
import type { LivePersonCall } from '../LivePersonCall';
import type { SessionManager } from '../SessionManager';

type Attempt =
    | { ok: true; profile: LivePersonProfile }
    | { ok: false; error: unknown; stage: 'session' | 'agentSession' | 'info'; bearer?: string; agentSessionId?: string; openedNow?: boolean };

interface Replacing {
    bearer?: string;
    agentSessionId?: string;
}

/**
 * A chat participant's participantExtendedInfo. At most one retry, and only where one can work: a bearer
 * LivePerson no longer accepts (log in again) or an agent session it forgot (open a new one). A second
 * refusal is final: LivePerson's own SDK once looped on 401s.
 */
export async function chatProfile(call: LivePersonCall, sessions: SessionManager, domains: DomainBook, participantId: string): Promise<LivePersonProfile> {
    const first = await attempt(call, sessions, participantId, {});
    if (first.ok) return first.profile;
    const retry = oneRetryFor(first);
    if (!retry) throw noteConnectionFailure(call, domains, first.error);
    const second = await attempt(call, sessions, participantId, retry);
    if (second.ok) return second.profile;
    throw noteConnectionFailure(call, domains, second.error);
}

async function attempt(call: LivePersonCall, sessions: SessionManager, participantId: string, replacing: Replacing): Promise<Attempt> {
    let stage: 'session' | 'agentSession' | 'info' = 'session';
    let bearer: string | undefined;
    let agent: { id: string; openedNow: boolean } | undefined;
    try {
        const session = await sessions.session(call, { replacing: replacing.bearer });
        bearer = session.bearer;
        stage = 'agentSession';
        agent = await sessions.agentSession(call, session, { replacing: replacing.agentSessionId });
        stage = 'info';
        const profile = await fetchParticipantInfo(call, session, agent.id, participantId);
        sessions.touch(call, session);
        return { ok: true, profile };
    } catch (error) {
        return { ok: false, error, stage, bearer, agentSessionId: agent?.id, openedNow: agent?.openedNow };
    }
}

function oneRetryFor(failed: Extract<Attempt, { ok: false }>): Replacing | undefined {
    const status = failureOf(failed.error)?.status;
    if (status === 401 && failed.stage !== 'session') {
        return { bearer: failed.bearer };
    }
    // A 404 from an agent session opened in this very attempt is about the participant, not the session.
    if (status === 404 && failed.stage === 'info' && !failed.openedNow) {
        return { agentSessionId: failed.agentSessionId };
    }
    return undefined;
}

/** No answer at all from the host: LivePerson may have moved the account. Ask where it lives now, in the background. */
function noteConnectionFailure(call: LivePersonCall, domains: DomainBook, error: unknown): unknown {
    const failure = failureOf(error);
    if (failure?.kind === 'unavailable' && failure.status === undefined && failure.step !== 'domain') {
        domains.renewSoon(call, 'agentVep');
    }
    return error;
}
