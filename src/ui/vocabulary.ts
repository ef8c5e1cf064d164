import type { MessageKey } from '../i18n/languages';
import type { Viewer } from './formatting';

/**
 * LivePerson's and Rocket.Chat's words for a status, a customer type or a gender, in the viewer's language when the app
 * knows the word. Any other value is LivePerson's own (a type an account invented) and is shown as it came.
 */
const KNOWN = {
    customerStatus: ['active', 'inactive', 'cancelled', 'canceled', 'suspended', 'closed', 'pending', 'blocked'],
    customerType: ['vip', 'gold', 'silver', 'bronze', 'platinum', 'premium', 'regular', 'basic', 'standard', 'business'],
    visitorStatus: ['online', 'away', 'busy', 'offline'],
    // LivePerson Messaging's personal info writes these in capitals (MALE, FEMALE, OTHER).
    gender: ['male', 'female', 'other'],
} as const;

export type Vocabulary = keyof typeof KNOWN;

export function wordFor(vocabulary: Vocabulary, value: string | undefined, viewer: Viewer): string | undefined {
    if (value === undefined || value.trim() === '') return undefined;
    const known = (KNOWN[vocabulary] as readonly string[]).find((word) => word === value.trim().toLowerCase());
    // "canceled" and "cancelled" are one word to an agent.
    return known ? viewer.t(`word_${vocabulary}_${known === 'canceled' ? 'cancelled' : known}` as MessageKey) : value;
}
