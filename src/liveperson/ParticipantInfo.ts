/** LivePerson's authenticated profile of one chat participant, as the rest of the app trusts it. */
export interface ParticipantInfo {
    isUserAuthenticated: boolean | undefined;
    participantId?: string;
    customerId?: string;
    customerType?: string;
    customerStatus?: string;
    userName?: string;
    accountName?: string;
    role?: string;
    companySize?: number;
    /** ISO date (YYYY-MM-DD). */
    registrationDate?: string;
    balance?: number;
    lastPaymentDate?: string;
    imei?: string;
    socialId?: string;
    personal?: PersonalInfo;
}

export interface PersonalInfo {
    name?: string;
    surname?: string;
    contacts: Array<{ email?: string; phone?: string }>;
}
