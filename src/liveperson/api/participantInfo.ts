import type { LivePersonProfile } from '../../profile/LivePersonProfile';
import type { LivePersonContext } from '../LivePersonCall';
import { participantIdPathSegment } from '../participantId';
import type { LivePersonSession } from '../session';
import { parseJson, send } from './exchange';
import { participantInfoSchema } from './participantInfoSchema';

/** The seed call: a participant's participantExtendedInfo, through the bearer's agent session. */
export async function fetchParticipantInfo(
    call: LivePersonContext,
    session: LivePersonSession,
    agentSessionId: string,
    participantId: string,
): Promise<LivePersonProfile> {
    const response = await send(call, {
        step: 'participantInfo',
        method: 'get',
        host: session.domain,
        path: `/api/account/${encodeURIComponent(session.accountId)}/agentSession/${encodeURIComponent(agentSessionId)}/participantExtendedInfo/${participantIdPathSegment(participantId)}?v=1&NC=true`,
        headers: { Authorization: `Bearer ${session.bearer}` },
    });
    return parseJson(call, 'participantInfo', response, participantInfoSchema);
}
