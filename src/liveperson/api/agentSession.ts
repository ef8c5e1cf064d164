import { fail, LivePersonError } from '../failures';
import type { LivePersonContext } from '../LivePersonCall';
import type { LivePersonSession } from '../session';
import { parseJson, send } from './exchange';
import { agentSessionResponseSchema } from './schemas';

/** Opens the Chat Agent API session of a bearer; LivePerson wants one per bearer, never one per request. */
export async function openAgentSession(call: LivePersonContext, session: LivePersonSession): Promise<string> {
    const response = await send(call, {
        step: 'agentSession',
        method: 'post',
        host: session.domain,
        path: `/api/account/${encodeURIComponent(session.accountId)}/agentSession?v=1&NC=true`,
        headers: { Authorization: `Bearer ${session.bearer}` },
        body: { loginData: '' },
    });
    const fromLocation = lastPathSegment(response.headers.location);
    try {
        const body = parseJson(call, 'agentSession', response, agentSessionResponseSchema);
        return lastPathSegment(body.agentSessionLocation.link['@href']) ?? fromLocation ?? noAgentSessionId(call);
    } catch (error) {
        // The body is the documented source; the Location header is only a fallback.
        if (fromLocation && error instanceof LivePersonError) {
            return fromLocation;
        }
        throw error;
    }
}

function lastPathSegment(url: string | undefined): string | undefined {
    const segment = url?.split('?')[0].split('/').filter(Boolean).pop();
    try {
        return segment ? decodeURIComponent(segment) : undefined;
    } catch {
        return undefined;
    }
}

function noAgentSessionId(call: LivePersonContext): never {
    return fail({
        kind: 'invalidResponse',
        step: 'agentSession',
        message: 'LivePerson opened an agent session without saying its id',
        correlationId: call.correlationId,
    });
}
