import * as z from 'zod/mini';

import type { LivePersonProfile } from '../../profile/LivePersonProfile';
import { definedOnly, flag, identifier, lpDate, numeric, optionalNullable, text } from './primitives';

const participantInfoBody = z.object({
    authenticatedParticipantInfo: optionalNullable(
        z.object({
            isUserAuthenticated: optionalNullable(flag),
            participantId: optionalNullable(identifier),
            balance: optionalNullable(numeric),
            registrationDate: optionalNullable(lpDate),
            lastPaymentDate: optionalNullable(lpDate),
            customerId: optionalNullable(identifier),
            customerStatus: optionalNullable(text),
            customerType: optionalNullable(text),
            socialId: optionalNullable(identifier),
            imei: optionalNullable(identifier),
            userName: optionalNullable(text),
            companySize: optionalNullable(numeric),
            accountName: optionalNullable(text),
            role: optionalNullable(text),
        }),
    ),
    authenticatedPersonalInfo: optionalNullable(
        z.object({
            name: optionalNullable(text),
            surname: optionalNullable(text),
            contacts: optionalNullable(z.array(z.object({ email: optionalNullable(identifier), phone: optionalNullable(identifier) }))),
        }),
    ),
});

/**
 * participantExtendedInfo as a profile. A 200 that holds neither part is not a participant-info document (an
 * empty `{}`, another service's JSON): that is an invalid answer, never an empty profile.
 */
export const participantInfoSchema: z.ZodMiniType<LivePersonProfile> = z.pipe(
    participantInfoBody.check(
        z.refine((body) => Boolean(body.authenticatedParticipantInfo || body.authenticatedPersonalInfo), { message: 'not a participant-info document' }),
    ),
    z.transform((body): LivePersonProfile => {
        const { isUserAuthenticated, ...fields } = body.authenticatedParticipantInfo ?? {};
        const personal = body.authenticatedPersonalInfo;
        return {
            source: 'chat',
            ...(isUserAuthenticated === undefined || isUserAuthenticated === null ? {} : { isUserAuthenticated }),
            ...definedOnly(fields),
            ...(personal
                ? {
                      personal: {
                          ...definedOnly({ name: personal.name, surname: personal.surname }),
                          contacts: (personal.contacts ?? []).map((contact) => definedOnly({ email: contact.email, phone: contact.phone })),
                      },
                  }
                : {}),
        } as LivePersonProfile;
    }),
);
