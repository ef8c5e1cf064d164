import type { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * What the app would be without its client: Domain API, login, agent session and participant info on
 * every call. Only the benchmark uses it, as the baseline.
 */
export async function naiveEnrichment(http: IHttp, accountId: string, participantId: string): Promise<void> {
    const domain = await http.get(`https://api.liveperson.net/api/account/${accountId}/service/agentVep/baseURI.json?version=1.0`, { headers: JSON_HEADERS });
    const { baseURI } = JSON.parse(domain.content ?? '{}') as { baseURI: string };
    const login = await http.post(`https://${baseURI}/api/account/${accountId}/login?v=1.3`, {
        headers: JSON_HEADERS,
        content: JSON.stringify({ username: 'rc-bot', appKey: 'app-key-1', secret: 'app-secret-1', accessToken: 'dummy', accessTokenSecret: 'dummy' }),
    });
    const { bearer } = JSON.parse(login.content ?? '{}') as { bearer: string };
    const auth = { ...JSON_HEADERS, Authorization: `Bearer ${bearer}` };
    const session = await http.post(`https://${baseURI}/api/account/${accountId}/agentSession?v=1&NC=true`, { headers: auth, content: '{"loginData":""}' });
    const href = (JSON.parse(session.content ?? '{}') as { agentSessionLocation: { link: { '@href': string } } }).agentSessionLocation.link['@href'];
    const sessionId = href.split('/').pop();
    const info = await http.get(`https://${baseURI}/api/account/${accountId}/agentSession/${sessionId}/participantExtendedInfo/${participantId}?v=1&NC=true`, { headers: auth });
    JSON.parse(info.content ?? '{}');
}
