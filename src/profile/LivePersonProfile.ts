/**
 * LivePerson's authenticated profile of one consumer, the same whichever LivePerson product it came from: the
 * Chat Agent API's participantExtendedInfo, or Messaging's customer and personal info (SDEs).
 */
export interface LivePersonProfile {
    source: 'chat' | 'messaging';
    /** Chat only: whether the participant signed in (SSO). Messaging has no such flag. */
    isUserAuthenticated?: boolean;
    participantId?: string;
    customerId?: string;
    customerType?: string;
    customerStatus?: string;
    userName?: string;
    accountName?: string;
    role?: string;
    companySize?: number;
    /** Messaging only. */
    companyBranch?: string;
    /** ISO date (YYYY-MM-DD). */
    registrationDate?: string;
    balance?: number;
    /** Messaging only: the currency of `balance`. */
    currency?: string;
    lastPaymentDate?: string;
    imei?: string;
    socialId?: string;
    personal?: PersonalInfo;
    /** Messaging only: LivePerson sent part of the record (`info.isPartial`). */
    partial?: boolean;
}

interface PersonalInfo {
    name?: string;
    surname?: string;
    /** Messaging only. */
    gender?: string;
    company?: string;
    language?: string;
    age?: number;
    contacts: Array<{ email?: string; phone?: string }>;
}

/** The name LivePerson knows the consumer by, when it knows one. */
export function livePersonName(profile: LivePersonProfile): string | undefined {
    const name = [profile.personal?.name, profile.personal?.surname].filter((part) => part && part.trim()).join(' ');
    return name || undefined;
}
