/**
 * Canned answers: what a test queued for a route (a fault or a verbatim reply) stands in for the route's own
 * handling. An answer is taken when the request arrives, so concurrent requests consume the queue in arrival order.
 */
import { STATUS_CODES } from 'node:http';
import type { Outcome } from './reply';
import { errorReply, jsonReply } from './reply';
import type { Fault, FaultKind, RouteName } from './types';

interface Queued {
    answer: Fault;
    remaining: number;
}

export class CannedAnswers {
    private readonly queues = new Map<RouteName | '*', Queued[]>();

    add(route: RouteName | '*', answer: Fault, times = Infinity): void {
        if (answer.status !== undefined && !(Number.isInteger(answer.status) && answer.status >= 100 && answer.status <= 999)) {
            throw new RangeError(`Simulator status must be an integer from 100 to 999, got ${answer.status}`);
        }
        if (!(times > 0)) return;
        const queue = this.queues.get(route) ?? [];
        queue.push({ answer, remaining: times });
        this.queues.set(route, queue);
    }

    /** An answer queued for the route itself wins over one queued for every route ('*'). */
    take(route: RouteName): Fault | undefined {
        return this.takeFrom(route) ?? this.takeFrom('*');
    }

    clear(): void {
        this.queues.clear();
    }

    private takeFrom(key: RouteName | '*'): Fault | undefined {
        const queue = this.queues.get(key);
        const head = queue?.[0];
        if (!queue || !head) return undefined;
        head.remaining -= 1;
        if (head.remaining <= 0) queue.shift();
        return head.answer;
    }
}

/** Cut in the middle of a literal, the way a dropped connection or a broken proxy leaves it. */
const TRUNCATED_JSON = '{"authenticatedParticipantInfo": {"isUserAuthenticated": tr';

const PARTICIPANT_XML = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<participantExtendedInfo>',
    '  <authenticatedParticipantInfo>',
    '    <isUserAuthenticated>true</isUserAuthenticated>',
    '    <participantId>55fc1779-83b0-4e8b-8eea-503a8eaf8822</participantId>',
    '    <balance>-400.99</balance>',
    '    <registrationDate><year>2013</year><month>5</month><day>23</day></registrationDate>',
    '    <customerStatus>cancelled</customerStatus>',
    '    <customerType>vip</customerType>',
    '  </authenticatedParticipantInfo>',
    '  <authenticatedPersonalInfo>',
    '    <name>Test</name>',
    '    <surname>User</surname>',
    '    <contacts><contact><email>testuser@liveperson.com</email><phone>+1-10-344-3765333</phone></contact></contacts>',
    '  </authenticatedPersonalInfo>',
    '</participantExtendedInfo>',
].join('\n');

/** Valid JSON with the right keys but the wrong shapes: objects as strings/arrays, booleans as numbers. */
const WRONG_TYPES: Record<RouteName, unknown> = {
    domain: { baseURI: 17 },
    domainBulk: { baseURIs: 'agentVep' },
    login: { bearer: 42, csrf: null },
    refresh: ['ok'],
    logout: ['ok'],
    agentSession: { agentSessionLocation: 'nowhere' },
    participantInfo: { authenticatedParticipantInfo: 'yes', authenticatedPersonalInfo: [1, 2] },
    msgHistConversation: { _metadata: { count: '1' }, conversationHistoryRecords: { info: 'OPEN' } },
    msgHistConsumer: { _metadata: [], conversationHistoryRecords: [{ info: null, sdes: { events: 'none' } }] },
    unknown: { error: 1 },
};

export function cannedOutcome(answer: Fault, route: RouteName): Outcome {
    if ('kind' in answer) return kindOutcome(answer.kind, answer.status, route);
    const { status, body, headers } = answer;
    return body === undefined ? errorReply(status, 'simulated fault', undefined, headers) : { status, body, headers };
}

function kindOutcome(kind: FaultKind, status: number | undefined, route: RouteName): Outcome {
    switch (kind) {
        case 'malformedJson':
            return { status: status ?? 200, body: TRUNCATED_JSON };
        case 'html':
            return htmlErrorPage(status ?? 502);
        case 'xml':
            return { status: status ?? 200, body: PARTICIPANT_XML, headers: { 'Content-Type': 'application/xml' } };
        case 'wrongTypes':
            return jsonReply(status ?? 200, WRONG_TYPES[route]);
        case 'hang':
        case 'reset':
            return { silence: kind };
    }
}

/** What a load balancer in front of LivePerson sends when the service behind it is down. */
function htmlErrorPage(status: number): Outcome {
    const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
    const body = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
    return { status, body, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}
