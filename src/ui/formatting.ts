import type { Language } from '../i18n/languages';
import type { Translate } from '../i18n/translator';

/** The person who reads a view: their language, and their time zone as Rocket.Chat keeps it (hours from UTC). */
export interface Reader {
    t: Translate;
    language: Language;
    utcOffsetHours: number;
}

const HOUR = 3_600_000;

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat;
const formatters = new Map<string, Formatter>();

/**
 * Building an Intl formatter costs about 90 µs in the Deno runtime, using one about 3 µs, and a panel formats a
 * dozen values: one formatter per language and style, kept (a few dozen at most; currency codes come from
 * LivePerson, so the map is emptied rather than let grow).
 */
function formatter<T extends Formatter>(key: string, make: () => T): T {
    let found = formatters.get(key) as T | undefined;
    if (!found) {
        if (formatters.size >= 64) formatters.clear();
        found = make();
        formatters.set(key, found);
    }
    return found;
}

/** A moment in the reader's time zone and language, with the zone written out ("5 Jun 2026, 08:22 (UTC−3)"). */
export function formatDateTime(iso: string | undefined, reader: Reader): string | undefined {
    const time = iso ? Date.parse(iso) : NaN;
    if (Number.isNaN(time)) return undefined;
    const offset = Number.isFinite(reader.utcOffsetHours) ? reader.utcOffsetHours : 0;
    // Intl takes named zones only; a fixed offset is the reader's clock read as UTC.
    const shown = formatter(
        `dateTime:${reader.language}`,
        () => new Intl.DateTimeFormat(reader.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
    ).format(new Date(time + offset * HOUR));
    return `${shown} (${zoneName(offset)})`;
}

/** A calendar date (no time, no zone): a registration date is the same day everywhere. */
export function formatDate(isoDate: string | undefined, reader: Reader): string | undefined {
    const time = isoDate ? Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) : NaN;
    return Number.isNaN(time)
        ? undefined
        : formatter(`date:${reader.language}`, () => new Intl.DateTimeFormat(reader.language, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(time));
}

export function formatNumber(value: number | undefined, reader: Reader): string | undefined {
    return value === undefined
        ? undefined
        : formatter(`number:${reader.language}`, () => new Intl.NumberFormat(reader.language, { maximumFractionDigits: 2 })).format(value);
}

/** An amount with its currency when LivePerson names one ("−400.99", "1.500,25 €"). */
export function formatAmount(value: number | undefined, currency: string | undefined, reader: Reader): string | undefined {
    if (value === undefined) return undefined;
    if (currency && /^[A-Z]{3}$/.test(currency)) {
        try {
            return formatter(`currency:${reader.language}:${currency}`, () => new Intl.NumberFormat(reader.language, { style: 'currency', currency })).format(
                value,
            );
        } catch {
            // An unknown code: the number and the code as LivePerson wrote it.
        }
    }
    return [formatNumber(value, reader), currency].filter(Boolean).join(' ');
}

/** How long ago, in words: "just now", "3 minutes ago", "há 2 horas". */
export function formatAge(ageMs: number, reader: Reader): string {
    if (ageMs < 60_000) return reader.t('age_just_now');
    const relative = formatter(`relative:${reader.language}`, () => new Intl.RelativeTimeFormat(reader.language, { numeric: 'always' }));
    const minutes = Math.floor(ageMs / 60_000);
    return minutes < 60 ? relative.format(-minutes, 'minute') : relative.format(-Math.floor(minutes / 60), 'hour');
}

function zoneName(offsetHours: number): string {
    if (offsetHours === 0) return 'UTC';
    const sign = offsetHours > 0 ? '+' : '−';
    const total = Math.round(Math.abs(offsetHours) * 60);
    const hours = Math.floor(total / 60);
    const minutes = total % 60;
    return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
