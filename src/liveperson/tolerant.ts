import * as z from 'zod/mini';

import { cut } from '../bounded';

/**
 * Readers for LivePerson's values, one field at a time: a value that does not read is left out and named,
 * and the rest of the answer still shows. They accept the shapes LivePerson documents besides the obvious
 * one: v1 answers type every engagement attribute as text (numbers and booleans as strings, an absent value as
 * the literal "undefined"), and some answers send one object where the docs show a list.
 */

/** Longest text kept from a LivePerson answer: enough for any real value, and a cache of 2000 profiles stays small. */
const MAX_TEXT = 1000;

/** What LivePerson writes for "nothing". */
export const isAbsent = (value: unknown): boolean =>
    value === undefined || value === null || (typeof value === 'string' && ['', 'undefined', 'null'].includes(value.trim()));

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text, and identifiers that arrive as numbers (socialId, imei): every digit is kept by reading them as text. */
export const text = z.pipe(
    z.union([z.string(), z.number().check(z.refine(Number.isFinite))]),
    z.transform((value) => cut(String(value).trim(), MAX_TEXT)),
);

export const numeric = z.union([
    z.number().check(z.refine(Number.isFinite)),
    z.pipe(
        z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/)),
        z.transform((value) => Number(value)),
    ),
]);

export const flag = z.union([
    z.boolean(),
    z.pipe(
        z.enum(['true', 'false']),
        z.transform((value) => value === 'true'),
    ),
]);

/** `{year, month, day}` becomes an ISO date; an impossible date does not read. */
export const lpDate = z.pipe(
    z.object({ year: numeric, month: numeric, day: numeric }),
    z.transform((value, context) => {
        const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
        if (
            !Number.isInteger(value.year) ||
            value.year < 1000 ||
            value.year > 9999 ||
            date.getUTCMonth() !== value.month - 1 ||
            date.getUTCDate() !== value.day
        ) {
            context.issues.push({ code: 'custom', message: 'not a calendar date', input: value });
            return z.NEVER;
        }
        return date.toISOString().slice(0, 10);
    }),
);

/** A time LivePerson stamps in epoch milliseconds (as a number or text): an ISO time. */
export const epochMs = z.pipe(
    numeric,
    z.transform((value, context) => {
        const date = new Date(value);
        if (value <= 0 || Number.isNaN(date.getTime())) {
            context.issues.push({ code: 'custom', message: 'not a time', input: value });
            return z.NEVER;
        }
        return date.toISOString();
    }),
);

/**
 * A customer's age: documented as an object (`{"customerAgeInYears":"34.0","customerYearOfBirth":"1980",...}`),
 * and as a plain number in older examples. Shown in whole years.
 */
export const age = z.pipe(
    z.union([
        numeric,
        z.pipe(
            z.object({ customerAgeInYears: numeric }),
            z.transform((value) => value.customerAgeInYears),
        ),
    ]),
    z.transform((years, context) => {
        if (years < 0 || years > 150) {
            context.issues.push({ code: 'custom', message: 'not an age', input: years });
            return z.NEVER;
        }
        return Math.floor(years);
    }),
);

/** A list, also when LivePerson sends its only item as a bare object. */
export const oneOrMany = (value: unknown): unknown[] => (Array.isArray(value) ? value : isAbsent(value) ? [] : [value]);

type Readers = Record<string, z.ZodMiniType>;
export type Read<R extends Readers> = { [K in keyof R]?: z.output<R[K]> };

/**
 * Each field of `raw` through its reader: an absent value is left out; one that does not read is left out
 * too, and its name goes into `unreadable`. Only own properties are read.
 */
export function readFields<R extends Readers>(raw: Record<string, unknown>, readers: R, unreadable: string[]): Read<R> {
    const read: Record<string, unknown> = {};
    for (const [key, reader] of Object.entries(readers)) {
        const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
        if (isAbsent(value)) continue;
        const parsed = reader.safeParse(value);
        if (parsed.success && !isAbsent(parsed.data)) read[key] = parsed.data;
        else if (!parsed.success) unreadable.push(key);
    }
    return read as Read<R>;
}
