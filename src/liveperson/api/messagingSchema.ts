import * as z from 'zod/mini';

import type { LivePersonProfile } from '../../profile/LivePersonProfile';
import { definedOnly, identifier, lpDate, numeric, optionalNullable, text } from './primitives';

const customerInfo = z.object({
    customerStatus: optionalNullable(text),
    customerType: optionalNullable(text),
    balance: optionalNullable(numeric),
    currency: optionalNullable(text),
    customerId: optionalNullable(identifier),
    socialId: optionalNullable(identifier),
    imei: optionalNullable(identifier),
    userName: optionalNullable(text),
    accountName: optionalNullable(text),
    role: optionalNullable(text),
    companySize: optionalNullable(numeric),
    companyBranch: optionalNullable(text),
    registrationDate: optionalNullable(lpDate),
    lastPaymentDate: optionalNullable(lpDate),
});

const personalInfo = z.object({
    name: optionalNullable(text),
    surname: optionalNullable(text),
    gender: optionalNullable(text),
    company: optionalNullable(text),
    language: optionalNullable(text),
    customerAge: optionalNullable(numeric),
    contacts: optionalNullable(
        z.array(z.object({ personalContact: optionalNullable(z.object({ email: optionalNullable(identifier), phone: optionalNullable(identifier) })) })),
    ),
});

const PROFILE_EVENTS = new Set(['CUSTOMER_INFO', 'PERSONAL_INFO']);

/**
 * Event types other than these two (marketing, service activity...) carry no profile: they are skipped, not
 * refused. One of these two in an unexpected shape is refused: skipping it would show an older event as the latest.
 */
const sdeEvent = z.union([
    z.object({ sdeType: z.literal('CUSTOMER_INFO'), serverTimeStamp: numeric, customerInfo: z.object({ customerInfo }) }),
    z.object({ sdeType: z.literal('PERSONAL_INFO'), serverTimeStamp: numeric, personalInfo: z.object({ personalInfo }) }),
    z.pipe(
        z.object({ sdeType: z.string().check(z.refine((type) => !PROFILE_EVENTS.has(type))) }),
        z.transform(() => undefined),
    ),
]);

const record = z.object({
    info: z.object({
        conversationId: z.string().check(z.minLength(1)),
        status: optionalNullable(z.string()),
        isPartial: optionalNullable(z.boolean()),
        startTimeL: optionalNullable(numeric),
    }),
    /** Who the consumer of the conversation is: the app shows a conversation only for the consumer it names. */
    consumerParticipants: optionalNullable(z.array(z.object({ participantId: optionalNullable(z.string()) }))),
    sdes: optionalNullable(z.object({ events: optionalNullable(z.array(sdeEvent)) })),
});

/** Whether the conversation is the consumer's: LivePerson's consumer id is the consumer participant's id. */
export const isConsumersConversation = (entry: MessagingRecord, consumerId: string): boolean =>
    (entry.consumerParticipants ?? []).some((participant) => participant.participantId === consumerId);

export const messagingSearchSchema = z.object({ conversationHistoryRecords: z.array(record) });

export type MessagingRecord = z.infer<typeof record>;

type Timed<T> = { serverTimeStamp: number; value: T };

const latest = <T>(events: Array<Timed<T>>): T | undefined =>
    events.reduce<Timed<T> | undefined>((best, event) => (!best || event.serverTimeStamp > best.serverTimeStamp ? event : best), undefined)?.value;

/**
 * The consumer's profile in one conversation: the latest customer info and the latest personal info, by the
 * time LivePerson's server stamped them. Undefined when the conversation holds neither.
 */
export function profileOfRecord(entry: MessagingRecord): LivePersonProfile | undefined {
    const events = (entry.sdes?.events ?? []).filter((event) => event !== undefined);
    const customer = latest(
        events.flatMap((event) => ('customerInfo' in event ? [{ serverTimeStamp: event.serverTimeStamp, value: event.customerInfo.customerInfo }] : [])),
    );
    const personal = latest(
        events.flatMap((event) => ('personalInfo' in event ? [{ serverTimeStamp: event.serverTimeStamp, value: event.personalInfo.personalInfo }] : [])),
    );
    if (!customer && !personal) {
        return undefined;
    }
    const { customerAge, contacts, ...person } = personal ?? {};
    return {
        source: 'messaging',
        ...definedOnly(customer ?? {}),
        ...(personal
            ? {
                  personal: {
                      ...definedOnly({ ...person, age: customerAge }),
                      contacts: (contacts ?? []).flatMap((contact) =>
                          contact.personalContact ? [definedOnly({ email: contact.personalContact.email, phone: contact.personalContact.phone })] : [],
                      ),
                  },
              }
            : {}),
        ...(entry.info.isPartial ? { partial: true } : {}),
    } as LivePersonProfile;
}
