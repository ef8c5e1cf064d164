import { isValidParticipantId, refOf, type ParticipantRef } from '../liveperson/model';
import type { SourceMode } from '../settings/AppConfig';
import { targetOfEntity, targetOfTypedId, type EntityTarget } from './entityIds';
import type { ExternalId, HostVisitor } from './HostVisitor';
import type { LinkRecord } from './linkRecords';
import { checkSignedId, looksSigned, unverifiedSubject, type SignedIdProblem } from './signedId';

/**
 * How far the agent can trust that a LivePerson profile is this visitor's:
 * - `trusted`: a connector app the admin listed put the id there (it saw the visitor sign in);
 * - `signed`: the brand's website signed the id for this very visitor, with the secret it shares with the app;
 * - `linked`: a supervisor linked it, after LivePerson confirmed the id exists;
 * - `visitorEditable`: a visitor custom field holds it unsigned (or badly signed), and visitors can write those.
 */
export type Trust = 'trusted' | 'signed' | 'linked' | 'visitorEditable';

export type ParticipantSource =
    | { kind: 'connector'; appId: string }
    | { kind: 'link'; linkedBy?: LinkRecord['linkedBy']; linkedAt?: string }
    | { kind: 'signedField'; field: string }
    /** `signature`: the field held a signed id that did not verify, and why. */
    | { kind: 'field'; field: string; signature?: SignedIdProblem };

export type ParticipantChoice =
    { kind: 'found'; ref: ParticipantRef; source: ParticipantSource; trust: Trust } | { kind: 'invalid'; source: ParticipantSource } | { kind: 'none' };

export interface ParticipantMapping {
    ownAppId: string;
    accountId: string | undefined;
    participantAppIds: string[];
    participantField: string | undefined;
    /** The secret the brand's website signs ids with; undefined when the admin set none. */
    signingSecret: string | undefined;
    sourceMode: SourceMode;
    /** Who linked this visitor, when a supervisor did (from the app's persistence). */
    link: LinkRecord | undefined;
    nowMs: number;
}

const TRUST_OF: Record<ParticipantSource['kind'], Trust> = { connector: 'trusted', signedField: 'signed', link: 'linked', field: 'visitorEditable' };

interface Candidate {
    target: EntityTarget | undefined;
    conversationId?: string;
    source: ParticipantSource;
    /** The source holds a value that names no one the app can ask about (a signed id with no readable subject). */
    unusable?: boolean;
}

/**
 * Which LivePerson consumer a visitor is: a supervisor's link first, then the external ids of the connector apps
 * the admin listed (in that order), then the visitor field if the admin named one, signed or not. Field names
 * are looked up as own properties only ("constructor" is a field name, not a function), and ids are validated.
 */
export function participantChoice(visitor: HostVisitor, mapping: ParticipantMapping): ParticipantChoice {
    const candidates: Candidate[] = [];
    const externalIds = visitor.externalIds ?? [];
    const entity = (entry: ExternalId | { entityId: string; metadata?: Record<string, string> }, source: ParticipantSource): Candidate => ({
        target: targetOfEntity(entry.entityId, mapping.accountId, mapping.sourceMode),
        conversationId: entry.metadata && Object.hasOwn(entry.metadata, 'conversationId') ? entry.metadata.conversationId : undefined,
        source,
    });
    const linkSource: ParticipantSource = { kind: 'link', linkedBy: mapping.link?.linkedBy, linkedAt: mapping.link?.linkedAt };
    const own = externalIds.find((entry) => entry.appId === mapping.ownAppId);
    if (mapping.link) candidates.push(entity({ entityId: mapping.link.entityId }, linkSource));
    else if (own) candidates.push(entity(own, linkSource));
    for (const appId of mapping.participantAppIds) {
        for (const entry of externalIds.filter((candidate) => candidate.appId === appId && appId !== mapping.ownAppId)) {
            candidates.push(entity(entry, { kind: 'connector', appId }));
        }
    }
    if (mapping.participantField) candidates.push(fieldCandidate(visitor, mapping.participantField, mapping));

    let invalid: ParticipantSource | undefined;
    for (const candidate of candidates) {
        if (candidate.unusable) invalid ??= candidate.source;
        const id = candidate.target?.id.trim();
        if (!candidate.target || !id) continue;
        const conversationId = candidate.conversationId?.trim();
        if (!isValidParticipantId(id) || (conversationId && !isValidParticipantId(conversationId))) {
            invalid ??= candidate.source;
            continue;
        }
        return {
            kind: 'found',
            ref: refOf({ source: candidate.target.source, id }, conversationId),
            source: candidate.source,
            trust: TRUST_OF[candidate.source.kind],
        };
    }
    return invalid ? { kind: 'invalid', source: invalid } : { kind: 'none' };
}

/**
 * The visitor field: a signed id that verifies is the website's word; one that does not stays what any field
 * is, visitor-editable (its subject is still looked up, as an unsigned id would be), and says why.
 */
function fieldCandidate(visitor: HostVisitor, field: string, mapping: ParticipantMapping): Candidate {
    const value = ownValue(visitor.livechatData, field) ?? ownValue(visitor.customFields, field);
    if (value === undefined || !looksSigned(value)) {
        return { target: value === undefined ? undefined : targetOfTypedId(value, mapping.sourceMode), source: { kind: 'field', field } };
    }
    const check = checkSignedId(value, { secret: mapping.signingSecret, accountId: mapping.accountId, binding: visitor.binding, nowMs: mapping.nowMs });
    if (check.ok) return { target: targetOfTypedId(check.subject, mapping.sourceMode), source: { kind: 'signedField', field } };
    const subject = unverifiedSubject(value);
    const source: ParticipantSource = { kind: 'field', field, signature: check.problem };
    return subject === undefined ? { target: undefined, source, unusable: true } : { target: targetOfTypedId(subject, mapping.sourceMode), source };
}

const ownValue = (record: Record<string, string>, key: string): string | undefined =>
    Object.hasOwn(record, key) && typeof record[key] === 'string' ? record[key] : undefined;
