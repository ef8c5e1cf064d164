import * as z from 'zod/mini';

import { identifier, numeric } from './primitives';

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
