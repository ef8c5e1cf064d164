import type { SettingsFreeCall } from './call';
import { invalid, readJson, send } from './exchange';
import type { LivePersonProfile } from './model';
import type { LivePersonSession } from './session';
import { flag, isRecord, lpDate, numeric, oneOrMany, readFields, text } from './tolerant';

/**
 * Opens the Chat Agent API session of a bearer (LivePerson wants one per bearer, never one per request). The
 * documented answer is 201 with the session's link in the body; a `Location` header is not promised, so it
 * is only the fallback.
 */
export async function openAgentSession(call: SettingsFreeCall, session: LivePersonSession): Promise<string> {
    const response = await send(call, {
        step: 'agentSession',
        method: 'post',
        host: session.domain,
        path: `/api/account/${encodeURIComponent(session.accountId)}/agentSession?v=1&NC=true`,
        headers: { Authorization: `Bearer ${session.bearer}` },
        body: { loginData: '' },
    });
    let href: unknown;
    try {
        const body = readJson(call, 'agentSession', response);
        const location = isRecord(body) ? body.agentSessionLocation : undefined;
        const link = isRecord(location) ? location.link : undefined;
        href = isRecord(link) ? link['@href'] : undefined;
    } catch {
        // The header below may still say it.
    }
    return lastPathSegment(href) ?? lastPathSegment(response.headers.location) ?? invalid(call, 'agentSession', response, 'no agent session id');
}

function lastPathSegment(url: unknown): string | undefined {
    const segment = typeof url === 'string' ? url.split('?')[0].split('/').filter(Boolean).pop() : undefined;
    try {
        return segment ? decodeURIComponent(segment) : undefined;
    } catch {
        return undefined;
    }
}

/** The customer and personal fields of a profile, the same in both products (Messaging adds currency and branch). */
export const CUSTOMER = {
    customerId: text,
    customerType: text,
    customerStatus: text,
    balance: numeric,
    currency: text,
    registrationDate: lpDate,
    lastPaymentDate: lpDate,
    socialId: text,
    imei: text,
    userName: text,
    accountName: text,
    role: text,
    companySize: numeric,
    companyBranch: text,
};
export const PERSON = { name: text, surname: text, gender: text, company: text, language: text };
const CONTACT = { email: text, phone: text };

/** The seed call: a participant's participantExtendedInfo, through the bearer's agent session. */
export async function fetchParticipantInfo(
    call: SettingsFreeCall,
    session: LivePersonSession,
    agentSessionId: string,
    participantId: string,
): Promise<{ profile: LivePersonProfile; signedIn: boolean }> {
    const response = await send(call, {
        step: 'participantInfo',
        method: 'get',
        host: session.domain,
        path: `/api/account/${encodeURIComponent(session.accountId)}/agentSession/${encodeURIComponent(agentSessionId)}/participantExtendedInfo/${encodeURIComponent(participantId)}?v=1&NC=true`,
        headers: { Authorization: `Bearer ${session.bearer}` },
    });
    const read = participantInfoOf(readJson(call, 'participantInfo', response), participantId);
    return 'problem' in read ? invalid(call, 'participantInfo', response, read.problem) : read;
}

/**
 * participantExtendedInfo as a profile, field by field. Strict where trust is decided: an answer about someone
 * else is refused, and only an explicit `isUserAuthenticated: true` next to this participant's id says they signed in.
 */
export function participantInfoOf(body: unknown, participantId: string): { profile: LivePersonProfile; signedIn: boolean } | { problem: string } {
    const info = isRecord(body) ? body.authenticatedParticipantInfo : undefined;
    const personal = isRecord(body) ? body.authenticatedPersonalInfo : undefined;
    // A 200 that holds neither part (an empty `{}`, another service's JSON) is no participant, never an empty profile.
    if (!isRecord(info) && !isRecord(personal)) return { problem: 'no participant information' };
    const answeredFor = isRecord(info) && Object.hasOwn(info, 'participantId') ? text.safeParse(info.participantId) : undefined;
    if (answeredFor && (!answeredFor.success || answeredFor.data !== participantId)) return { problem: 'an answer about another participant' };
    const unreadable: string[] = [];
    const profile: LivePersonProfile = { source: 'chat', ...(isRecord(info) ? readFields(info, CUSTOMER, unreadable) : {}), unreadable };
    if (answeredFor?.success) profile.participantId = answeredFor.data;
    if (isRecord(personal))
        profile.personal = { ...readFields(personal, PERSON, unreadable), contacts: contactsOf(personal.contacts, (entry) => entry, unreadable) };
    // Signed in only when the answer says so of this very participant: an answer that names nobody vouches for nobody.
    return { profile, signedIn: answeredFor?.success === true && isRecord(info) && flag.safeParse(info.isUserAuthenticated).data === true };
}

/** Contacts, one or many; `inner` finds the contact in an entry (Messaging wraps it in `personalContact`). */
export function contactsOf(raw: unknown, inner: (entry: Record<string, unknown>) => unknown, unreadable: string[]): Array<{ email?: string; phone?: string }> {
    return oneOrMany(raw).flatMap((entry) => {
        const contact = isRecord(entry) ? inner(entry) : undefined;
        if (isRecord(contact)) return [readFields(contact, CONTACT, unreadable)];
        if (contact !== undefined || !isRecord(entry)) unreadable.push('contacts');
        return [];
    });
}
