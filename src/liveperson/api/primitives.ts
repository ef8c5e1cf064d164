import * as z from 'zod/mini';

/** Longest text kept from a LivePerson answer: enough for any real value, and a cache of 2000 profiles stays small. */
const MAX_TEXT = 1000;

const cut = (value: string): string => (value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value);

export const text = z.pipe(z.string(), z.transform(cut));

/** This API family sends numbers as strings at times. */
export const numeric = z.union([
    z.number().check(z.refine(Number.isFinite)),
    z.pipe(
        z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/)),
        z.transform((value) => Number(value)),
    ),
]);

/** Identifiers can arrive as numbers (socialId, imei): keep every digit by reading them as text. */
export const identifier = z.union([
    text,
    z.pipe(
        z.number(),
        z.transform((value) => String(value)),
    ),
]);

export const flag = z.union([
    z.boolean(),
    z.pipe(
        z.enum(['true', 'false']),
        z.transform((value) => value === 'true'),
    ),
]);

/** `{year, month, day}` becomes an ISO date; an impossible date is an invalid response, not a wrong date on screen. */
export const lpDate = z.pipe(
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

export const optionalNullable = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

/** Drops absent, null and empty fields, so the profile holds only what LivePerson said. */
export const definedOnly = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null && field !== '')) as T;
