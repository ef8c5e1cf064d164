import * as z from 'zod/mini';

import type { ParticipantInfo } from './ParticipantInfo';

/** This API family sends numbers as strings at times. */
const numeric = z.union([
    z.number().check(z.refine(Number.isFinite)),
    z.pipe(z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/)), z.transform((value) => Number(value))),
]);

/** Identifiers can arrive as numbers (socialId, imei): keep every digit by reading them as text. */
const identifier = z.union([z.string(), z.pipe(z.number(), z.transform((value) => String(value)))]);

const flag = z.union([z.boolean(), z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'))]);

/** `{year, month, day}` becomes an ISO date; an impossible date is an invalid response, not a wrong date on screen. */
const lpDate = z.pipe(
    z.object({ year: numeric, month: numeric, day: numeric }),
    z.transform((value, context) => {
        const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
        if (!Number.isInteger(value.year) || date.getUTCMonth() !== value.month - 1 || date.getUTCDate() !== value.day) {
            context.issues.push({ code: 'custom', message: 'not a calendar date', input: value });
            return z.NEVER;
        }
        return date.toISOString().slice(0, 10);
    }),
);

const optionalNullable = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

const participantInfoBody = z.object({
    authenticatedParticipantInfo: optionalNullable(
        z.object({
            isUserAuthenticated: optionalNullable(flag),
            participantId: optionalNullable(identifier),
            balance: optionalNullable(numeric),
            registrationDate: optionalNullable(lpDate),
            lastPaymentDate: optionalNullable(lpDate),
            customerId: optionalNullable(identifier),
            customerStatus: optionalNullable(z.string()),
            customerType: optionalNullable(z.string()),
            socialId: optionalNullable(identifier),
            imei: optionalNullable(identifier),
            userName: optionalNullable(z.string()),
            companySize: optionalNullable(numeric),
            accountName: optionalNullable(z.string()),
            role: optionalNullable(z.string()),
        }),
    ),
    authenticatedPersonalInfo: optionalNullable(
        z.object({
            name: optionalNullable(z.string()),
            surname: optionalNullable(z.string()),
            contacts: optionalNullable(
                z.array(z.object({ email: optionalNullable(identifier), phone: optionalNullable(identifier) })),
            ),
        }),
    ),
});

const definedOnly = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null && field !== '')) as T;

export const participantInfoSchema: z.ZodMiniType<ParticipantInfo> = z.pipe(
    participantInfoBody,
    z.transform((body): ParticipantInfo => {
        const { isUserAuthenticated, ...fields } = body.authenticatedParticipantInfo ?? {};
        const personal = body.authenticatedPersonalInfo;
        return {
            isUserAuthenticated: isUserAuthenticated ?? undefined,
            ...definedOnly(fields),
            ...(personal
                ? {
                      personal: {
                          ...definedOnly({ name: personal.name, surname: personal.surname }),
                          contacts: (personal.contacts ?? []).map((contact) => definedOnly({ email: contact.email, phone: contact.phone })),
                      },
                  }
                : {}),
        } as ParticipantInfo;
    }),
);

export const domainResponseSchema = z.object({ baseURI: z.string().check(z.minLength(1)) });

export const loginResponseSchema = z.object({
    bearer: z.string().check(z.minLength(1)),
    csrf: z.optional(z.string()),
    sessionTTl: z.optional(numeric),
    csdsCollectionResponse: z.optional(
        z.object({
            baseURIs: z.optional(z.array(z.object({ service: z.string(), account: z.optional(identifier), baseURI: z.string() }))),
        }),
    ),
});

export const agentSessionResponseSchema = z.object({
    agentSessionLocation: z.object({ link: z.object({ '@href': z.string().check(z.minLength(1)) }) }),
});
