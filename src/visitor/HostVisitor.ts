/** A visitor as the host knows it, minus the token: the token never enters the app past the parser (only its hash does). */
export interface HostVisitor {
    id: string;
    username: string;
    name?: string;
    status?: string;
    /** When the visitor first came (Rocket.Chat's `ts`). */
    createdAt?: string;
    /** When their last conversation started (Rocket.Chat's `lastChat.ts`). */
    lastChatAt?: string;
    updatedAt?: string;
    emails: string[];
    phones: string[];
    departmentId?: string;
    contactId?: string;
    /** Visitor custom fields (Rocket.Chat stores them as `livechatData`). */
    livechatData: Record<string, string>;
    customFields: Record<string, string>;
    /** Undefined on hosts that predate external ids (before Rocket.Chat 8.4). */
    externalIds: ExternalId[] | undefined;
    /** What a signed id's `rcv` claim must say for this visitor: a hash of the token, never the token itself. */
    binding?: string;
}

export interface ExternalId {
    appId: string;
    entityId: string;
    metadata?: Record<string, string>;
}
