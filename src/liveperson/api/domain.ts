import { fail } from '../failures';
import type { LivePersonContext } from '../LivePersonCall';
import { DOMAIN_API_HOST, isLivePersonHost } from './destinations';
import { parseJson, send } from './exchange';
import { domainResponseSchema } from './schemas';

/** The services the app talks to: the Login Service and Chat Agent API, and the Messaging Interactions API. */
export type LivePersonService = 'agentVep' | 'msgHist';

/** Where a service of the account lives, from LivePerson's Domain API; an answer naming any other host is refused. */
export async function fetchServiceHost(call: LivePersonContext, accountId: string, service: LivePersonService): Promise<string> {
    const response = await send(call, {
        step: 'domain',
        method: 'get',
        host: DOMAIN_API_HOST,
        path: `/api/account/${encodeURIComponent(accountId)}/service/${service}/baseURI.json?version=1.0`,
    });
    const host = parseJson(call, 'domain', response, domainResponseSchema).baseURI.trim();
    if (!isLivePersonHost(host)) {
        fail({
            kind: 'invalidResponse',
            step: 'domain',
            status: response.status,
            correlationId: call.correlationId,
            message: 'the Domain API named a host outside liveperson.net',
        });
    }
    return host;
}
