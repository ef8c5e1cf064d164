import { BoundedMap } from '../bounded';
import type { Language } from '../i18n/languages';
import type { Translate } from '../i18n/translator';

/** The person a view is for: their language, and their time zone as Rocket.Chat keeps it (hours from UTC). */
export interface Viewer {
    t: Translate;
    language: Language;
    utcOffsetHours: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat;

/**
 * Building an Intl formatter costs about 90 µs in the Deno runtime, using one about 3 µs, and a panel formats a
 * dozen values: one formatter per language and style is kept (currency codes come from LivePerson: bounded).
 */
const formatters = new BoundedMap<string, Formatter>(64);

function formatter<T extends Formatter>(key: string, make: () => T): T {
    let found = formatters.get(key) as T | undefined;
    if (!found) {
        found = make();
        formatters.set(key, found);
    }
    return found;
}

/** A moment from outside, if it is one a person could mean: between the years 1000 and 9999. */
function momentOf(iso: string | undefined): number | undefined {
    const time = iso ? Date.parse(iso) : NaN;
    if (!Number.isFinite(time)) return undefined;
    const year = new Date(time).getUTCFullYear();
    return year >= 1000 && year <= 9999 ? time : undefined;
}

/** A moment in the viewer's time zone and language, with the zone written out ("5 Jun 2026, 08:22 (UTC−3)"). */
export function formatDateTime(iso: string | undefined, viewer: Viewer): string | undefined {
    const time = momentOf(iso);
    if (time === undefined) return undefined;
    const offset = Number.isFinite(viewer.utcOffsetHours) && Math.abs(viewer.utcOffsetHours) <= 14 ? viewer.utcOffsetHours : 0;
    // Intl takes named zones only; a fixed offset is the viewer's clock read as UTC.
    const shown = formatter(
        `dateTime:${viewer.language}`,
        () => new Intl.DateTimeFormat(viewer.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
    );
    return `${shown.format(new Date(time + offset * HOUR))} (${zoneName(offset)})`;
}

/** A calendar date (no time, no zone): a registration date is the same day everywhere. */
export function formatDate(isoDate: string | undefined, viewer: Viewer): string | undefined {
    const time = momentOf(isoDate && `${isoDate.slice(0, 10)}T00:00:00Z`);
    return time === undefined
        ? undefined
        : formatter(`date:${viewer.language}`, () => new Intl.DateTimeFormat(viewer.language, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(time));
}

export function formatNumber(value: number | undefined, viewer: Viewer): string | undefined {
    return value === undefined || !Number.isFinite(value)
        ? undefined
        : formatter(`number:${viewer.language}`, () => new Intl.NumberFormat(viewer.language, { maximumFractionDigits: 2 })).format(value);
}

/** An amount with its currency when LivePerson names one ("−400.99", "1.500,25 €"). */
export function formatAmount(value: number | undefined, currency: string | undefined, viewer: Viewer): string | undefined {
    if (value === undefined || !Number.isFinite(value)) return undefined;
    if (currency && /^[A-Z]{3}$/.test(currency)) {
        try {
            return formatter(`currency:${viewer.language}:${currency}`, () => new Intl.NumberFormat(viewer.language, { style: 'currency', currency })).format(
                value,
            );
        } catch {
            // An unknown code: the number and the code as LivePerson wrote it.
        }
    }
    return [formatNumber(value, viewer), currency].filter(Boolean).join(' ');
}

/** How long ago, in words: "just now", "3 minutes ago", "há 2 horas", "vor 5 Tagen". */
export function formatAge(ageMs: number, viewer: Viewer): string {
    if (!Number.isFinite(ageMs) || ageMs < MINUTE) return viewer.t('age_just_now');
    const relative = formatter(`relative:${viewer.language}`, () => new Intl.RelativeTimeFormat(viewer.language, { numeric: 'always' }));
    if (ageMs < HOUR) return relative.format(-Math.floor(ageMs / MINUTE), 'minute');
    if (ageMs < DAY) return relative.format(-Math.floor(ageMs / HOUR), 'hour');
    return relative.format(-Math.floor(ageMs / DAY), 'day');
}

/** A moment and how long ago it was: "Jun 3, 2026, 2:20 PM (UTC) · 2 days ago". */
export function formatWhen(iso: string | undefined, viewer: Viewer, now = Date.now()): string | undefined {
    const shown = formatDateTime(iso, viewer);
    const time = momentOf(iso);
    return shown && time !== undefined ? `${shown} · ${formatAge(Math.max(0, now - time), viewer)}` : undefined;
}

/** A duration in the largest units that matter: "45 s", "12 min", "1 h 5 min". */
export function formatDuration(ms: number | undefined, viewer: Viewer): string | undefined {
    if (ms === undefined || !Number.isFinite(ms) || ms < 0) return undefined;
    if (ms < MINUTE) return viewer.t('duration_seconds', { count: Math.round(ms / 1000) });
    const minutes = Math.round(ms / MINUTE);
    return minutes < 60
        ? viewer.t('duration_minutes', { count: minutes })
        : viewer.t('duration_hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

function zoneName(offsetHours: number): string {
    if (offsetHours === 0) return 'UTC';
    const total = Math.round(Math.abs(offsetHours) * 60);
    const minutes = total % 60;
    return `UTC${offsetHours > 0 ? '+' : '−'}${Math.floor(total / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
