import { translator } from '../../src/i18n/translator';
import { formatAge, formatAmount, formatDate, formatDateTime, formatDuration, formatNumber, formatWhen, type Viewer } from '../../src/ui/formatting';
import { kindOfFreeForm, kindOfMetadata, maskValue } from '../../src/ui/mask';
import { readableLabel } from '../../src/ui/sections';

const viewer = (language: Viewer['language'] = 'en', utcOffsetHours = 0): Viewer => ({ t: translator(language), language, utcOffsetHours });

describe('masking keeps what an agent needs to recognise a value', () => {
    it.each([
        ['testuser@liveperson.com', 'email', 'te••••@liveperson.com'],
        ['abc@x.org', 'email', 'a••••@x.org'],
        ['a@x.org', 'email', '••••@x.org'],
        ['not-an-email', 'email', '••••mail'],
        ['+1-10-344-3765333', 'phone', '••••5333'],
        ['123', 'phone', '•••3'],
        ['57ac-072a-5d10-4506-721f-9ebf', 'identifier', '••••9ebf'],
        ['abc', 'identifier', 'a•••'],
        ['Jane Doe', 'text', 'Jane Doe'],
    ] as const)('%s as %s: %s', (value, kind, masked) => {
        expect(maskValue(value, kind)).toBe(masked);
    });

    it.each([
        ['plan', 'gold', 'text', 'identifier'],
        ['channel', 'jane.doe@example.org', 'email', 'email'],
        ['source', '+44 20 7946 0958', 'phone', 'phone'],
        ['status', 'jane@x.org', 'email', 'email'],
        ['channel', 'web-sso', 'text', 'text'],
        ['linkedAt', '2026-06-01T10:00:00.000Z', 'text', 'text'],
        ['memberNumber', 'M-123456', 'text', 'identifier'],
    ])('a free-form %s of %p is masked as %s (as metadata: %s): the shape decides before the key', (key, value, freeForm, metadata) => {
        expect(kindOfFreeForm(value)).toBe(freeForm);
        expect(kindOfMetadata(key, value)).toBe(metadata);
    });
});

describe('values in the viewer’s language and time zone', () => {
    const june = '2026-06-05T11:22:30.000Z';
    it.each([
        ['en', 0, 'Jun 5, 2026, 11:22 AM (UTC)'],
        ['en', -3, 'Jun 5, 2026, 8:22 AM (UTC−3)'],
        ['en', 5.5, 'Jun 5, 2026, 4:52 PM (UTC+5:30)'],
        ['pt-BR', -3, '5 de jun. de 2026, 08:22 (UTC−3)'],
        ['de', 1, '05.06.2026, 12:22 (UTC+1)'],
    ] as const)('%s at UTC%p', (language, offset, shown) => {
        expect(formatDateTime(june, viewer(language, offset))).toBe(shown);
    });

    it.each([
        ['a date far outside any calendar (-8.64e15) with an agent at UTC−3', new Date(-8.64e15).toISOString(), -3, undefined],
        ['the year 275760', new Date(8.64e15).toISOString(), 14, undefined],
        ['the year 1', '0001-01-01T00:00:00.000Z', 0, undefined],
        ['not a date', 'yesterday', 0, undefined],
        // An offset no time zone has is not believed: the moment is shown in UTC.
        ['an absurd offset', june, 1e12, 'Jun 5, 2026, 11:22 AM (UTC)'],
    ])('%s is left out or shown, never a crash', (_name, iso, offset, shown) => {
        const threeDaysLater = Date.parse(june) + 3 * 86_400_000;
        expect(formatDateTime(iso, viewer('en', offset))).toBe(shown);
        expect(formatWhen(iso, viewer('en', offset), threeDaysLater)).toBe(shown && `${shown} · 3 days ago`);
    });

    it('dates outside the years 1000 to 9999 are left out', () => {
        expect(formatDateTime(new Date(-8.64e15).toISOString(), viewer('en', -3))).toBeUndefined();
        expect(formatDate('0001-01-01', viewer())).toBeUndefined();
        expect(formatDate('2013-05-23', viewer())).toBe('May 23, 2013');
    });

    it.each([
        [0, 'just now'],
        [59_000, 'just now'],
        [3 * 60_000, '3 minutes ago'],
        [2 * 3_600_000, '2 hours ago'],
        [3 * 86_400_000, '3 days ago'],
    ])('%p ms ago: %p', (ms, words) => {
        expect(formatAge(ms, viewer())).toBe(words);
    });

    it.each([
        [45_000, '45 s'],
        [12 * 60_000, '12 min'],
        [65 * 60_000, '1 h 5 min'],
        [-1, undefined],
        [undefined, undefined],
    ])('a duration of %p ms: %p', (ms, shown) => {
        expect(formatDuration(ms, viewer())).toBe(shown);
    });

    it.each([
        [-400.99, undefined, 'en', '-400.99'],
        [129.9, 'USD', 'en', '$129.90'],
        [1500.25, 'EUR', 'de', '1.500,25\u00a0€'],
        [12, 'POINTS', 'en', '12 POINTS'],
        [Number.NaN, 'USD', 'en', undefined],
    ] as const)('%p %p in %s: %p', (value, currency, language, shown) => {
        expect(formatAmount(value, currency, viewer(language))).toBe(shown);
    });

    it('numbers are grouped as the language does', () => {
        expect(formatNumber(2222, viewer('en'))).toBe('2,222');
        expect(formatNumber(2222, viewer('de'))).toBe('2.222');
    });

    it.each([
        ['customerSince', 'Customer since'],
        ['customer_since', 'Customer since'],
        ['lp.participant-id', 'Lp participant id'],
        ['plan', 'Plan'],
    ])('the custom field %s reads "%s"', (key, label) => {
        expect(readableLabel(key)).toBe(label);
    });
});
