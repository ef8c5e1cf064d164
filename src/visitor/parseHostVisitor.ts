import * as z from 'zod/mini';

import { cut } from '../bounded';
import type { ExternalId, HostVisitor } from './HostVisitor';
import { visitorBinding } from './signedId';

const MAX_VALUE_LENGTH = 500;

/** Field values are shown as text; objects (rare) are shown as JSON, long values are cut. */
const asText = (value: unknown): string => cut(typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value), MAX_VALUE_LENGTH);

const textRecord = z.pipe(
    z.catch(z.optional(z.nullable(z.record(z.string(), z.unknown()))), undefined),
    z.transform((record) =>
        Object.fromEntries(
            Object.entries(record ?? {})
                // A prototype key is never echoed into what the app builds and sends back.
                .filter(([key, value]) => key !== '__proto__' && value !== undefined && value !== null && value !== '')
                .map(([key, value]) => [key, asText(value)]),
        ),
    ),
);

/**
 * Hosts send dates as Date objects (in process, possibly from another realm, so `instanceof` cannot be
 * trusted) or as ISO strings (the subprocess runtime serialises them): read whatever comes.
 */
const date = z.pipe(
    z.optional(z.unknown()),
    z.transform((value): string | undefined => {
        const isDateLike = typeof (value as { getTime?: unknown })?.getTime === 'function';
        const time = isDateLike ? (value as Date).getTime() : typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
        return Number.isNaN(time) ? undefined : new Date(time).toISOString();
    }),
);

/** A field of an unexpected type is left out rather than losing the whole visitor. */
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(z.nullable(schema)), undefined);

const externalId = z.object({
    appId: z.string(),
    entityId: z.string(),
    metadata: textRecord,
});

/**
 * What Rocket.Chat's visitor converter leaves unmapped and the panel uses: the creation time (`ts`), the last
 * conversation (`lastChat`), the omnichannel contact (`contactId`), and `externalIds` before Rocket.Chat 8.4.
 */
const unmappedSchema = z.object({
    ts: date,
    lastChat: lenient(z.object({ ts: date })),
    contactId: lenient(z.string()),
    externalIds: lenient(z.array(z.unknown())),
});

/**
 * Typed against what hosts of every supported version send. A real host puts only id, username, name,
 * department, updatedAt, token, phone, visitorEmails, livechatData, status, activity (and externalIds from 8.4)
 * at the top level, everything else under `_unmappedProperties_`; the top-level `createdAt`, `ts` and
 * `contactId` are read too, for hosts (and test doubles) that hand the stored visitor over as it is.
 */
const hostVisitorSchema = z.object({
    id: z.string().check(z.minLength(1)),
    username: lenient(z.string()),
    name: lenient(z.string()),
    status: lenient(z.string()),
    createdAt: date,
    ts: date,
    updatedAt: date,
    department: lenient(z.string()),
    contactId: lenient(z.string()),
    phone: lenient(z.array(z.object({ phoneNumber: lenient(z.string()) }))),
    visitorEmails: lenient(z.array(z.object({ address: lenient(z.string()) }))),
    livechatData: textRecord,
    customFields: textRecord,
    externalIds: lenient(z.array(z.unknown())),
    token: lenient(z.string()),
    _unmappedProperties_: lenient(unmappedSchema),
});

export function parseHostVisitor(raw: unknown): HostVisitor | undefined {
    const parsed = hostVisitorSchema.safeParse(raw);
    if (!parsed.success) {
        return undefined;
    }
    const visitor = parsed.data;
    const unmapped = visitor._unmappedProperties_ ?? undefined;
    const rawExternalIds = visitor.externalIds ?? unmapped?.externalIds;
    return {
        id: visitor.id,
        username: visitor.username ?? '',
        name: visitor.name ?? undefined,
        status: visitor.status ?? undefined,
        createdAt: visitor.createdAt ?? visitor.ts ?? unmapped?.ts,
        lastChatAt: unmapped?.lastChat?.ts,
        updatedAt: visitor.updatedAt,
        emails: (visitor.visitorEmails ?? []).map((email) => email.address ?? '').filter(Boolean),
        phones: (visitor.phone ?? []).map((phone) => phone.phoneNumber ?? '').filter(Boolean),
        departmentId: visitor.department ?? undefined,
        contactId: visitor.contactId ?? unmapped?.contactId ?? undefined,
        livechatData: visitor.livechatData,
        customFields: visitor.customFields,
        externalIds: rawExternalIds ? parseExternalIds(rawExternalIds) : undefined,
        ...(visitor.token ? { binding: visitorBinding(visitor.token) } : {}),
    };
}

/** One malformed entry (another app's bug) must not hide the others. */
function parseExternalIds(entries: unknown[]): ExternalId[] {
    return entries.flatMap((entry) => {
        const parsed = externalId.safeParse(entry);
        if (!parsed.success) {
            return [];
        }
        const { metadata, ...rest } = parsed.data;
        return [Object.keys(metadata).length > 0 ? { ...rest, metadata } : rest];
    });
}
