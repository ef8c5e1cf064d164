/**
 * Masking that keeps what an agent needs to recognise a value, by the kind of value:
 * - an email keeps the first one or two characters of the local part and the whole domain (`te••••@liveperson.com`);
 * - a phone keeps its last 4 digits (`••••5333`);
 * - an identifier keeps its last 4 characters (`••••9ebf`);
 * - a value of 4 characters or fewer keeps its first character (an identifier) or its last digit (a phone),
 *   so a short value is still told from a long one.
 * Names, timestamps, channel names and other non-personal values are never masked.
 */
export type ValueKind = 'email' | 'phone' | 'identifier' | 'text';

const BULLETS = '••••';

export function maskValue(value: string, kind: ValueKind): string {
    switch (kind) {
        case 'text':
            return value;
        case 'email':
            return value.includes('@') ? maskEmail(value) : maskIdentifier(value);
        case 'phone':
            return maskPhone(value);
        case 'identifier':
            return maskIdentifier(value);
    }
}

function maskEmail(value: string): string {
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at);
    const keep = local.length >= 4 ? 2 : local.length >= 2 ? 1 : 0;
    return `${local.slice(0, keep)}${BULLETS}${value.slice(at)}`;
}

function maskPhone(value: string): string {
    const digits = value.replace(/\D/g, '');
    if (digits.length > 4) return `${BULLETS}${digits.slice(-4)}`;
    return digits.length > 0 ? `•••${digits.slice(-1)}` : BULLETS;
}

function maskIdentifier(value: string): string {
    const chars = Array.from(value);
    if (chars.length > 4) return `${BULLETS}${chars.slice(-4).join('')}`;
    return chars.length > 0 ? `${chars[0]}•••` : BULLETS;
}

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;
const LOOKS_LIKE_PHONE = /^\+?[\d\s().-]{7,}$/;
const LOOKS_LIKE_TIMESTAMP = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;
/** Keys of other apps' metadata that describe the link, not the person. */
const NON_PERSONAL_KEYS = /^(channel|source|type|kind|provider|platform|status|linkedAt|unlinkedAt|createdAt|updatedAt|conversationId|department|version)$/i;

/**
 * The kind of a free-form value (a custom field, another app's metadata), from what it looks like. The shape
 * decides before the key: an email under a key named `channel` is still an email.
 */
export function kindOfFreeForm(value: string): ValueKind {
    const trimmed = value.trim();
    if (LOOKS_LIKE_EMAIL.test(trimmed)) return 'email';
    return LOOKS_LIKE_PHONE.test(trimmed) && !LOOKS_LIKE_TIMESTAMP.test(trimmed) ? 'phone' : 'text';
}

/** Another app's metadata value: personal (an identifier) unless it looks like a time or its key plainly describes the link. */
export function kindOfMetadata(key: string, value: string): ValueKind {
    const kind = kindOfFreeForm(value);
    return kind === 'text' && !LOOKS_LIKE_TIMESTAMP.test(value.trim()) && !NON_PERSONAL_KEYS.test(key) ? 'identifier' : kind;
}
