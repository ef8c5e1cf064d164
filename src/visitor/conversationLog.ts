import type { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import * as z from 'zod/mini';

import { persistenceAssociationId, PERSISTENCE_KEYS } from '../ids';
import { cut } from '../bounded';

/** One of the visitor's earlier omnichannel conversations in Rocket.Chat. */
export interface RocketChatConversation {
    roomId: string;
    /** ISO times. */
    startedAt?: string;
    closedAt?: string;
    agent?: string;
    department?: string;
    /** Who closed it: the agent, the visitor, or a bot (Rocket.Chat's `closer`). */
    closedBy?: 'agent' | 'visitor' | 'bot';
    tags?: string[];
}

/** Conversations kept per visitor: more than any panel shows. */
const KEPT = 20;

const entrySchema = z.object({
    roomId: z.string(),
    startedAt: z.optional(z.string()),
    closedAt: z.optional(z.string()),
    agent: z.optional(z.string()),
    department: z.optional(z.string()),
    closedBy: z.optional(z.enum(['agent', 'visitor', 'bot'])),
    tags: z.optional(z.array(z.string())),
});
const logSchema = z.object({ visitorId: z.string(), conversations: z.array(entrySchema) });

const keyOf = (visitorId: string) =>
    new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, persistenceAssociationId(`${PERSISTENCE_KEYS.conversationsPrefix}${visitorId}`));

const isoOf = (value: unknown): string | undefined => {
    const time = typeof (value as Date | undefined)?.getTime === 'function' ? (value as Date).getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(time) && new Date(time).getUTCFullYear() >= 1970 && new Date(time).getUTCFullYear() <= 9999
        ? new Date(time).toISOString()
        : undefined;
};
const nameOf = (value: unknown): string | undefined => {
    const person = value as { name?: unknown; username?: unknown } | undefined;
    const name = typeof person?.name === 'string' && person.name.trim() ? person.name : typeof person?.username === 'string' ? person.username : undefined;
    return name ? cut(name.trim(), 100) : undefined;
};
const CLOSERS: Record<string, RocketChatConversation['closedBy']> = { user: 'agent', visitor: 'visitor', bot: 'bot' };

/**
 * A closed room as the host's room converter gives it. Rocket.Chat hands apps a visitor's open rooms only
 * (`getLivechatRooms` finds open ones by token), so the app keeps each conversation it sees close.
 */
export function conversationOfRoom(room: unknown): RocketChatConversation | undefined {
    if (typeof room !== 'object' || room === null) return undefined;
    const raw = room as Record<string, unknown>;
    const unmapped = (typeof raw._unmappedProperties_ === 'object' && raw._unmappedProperties_) || {};
    if (typeof raw.id !== 'string') return undefined;
    const tags = [raw.tags, (unmapped as { tags?: unknown }).tags].find(Array.isArray) as unknown[] | undefined;
    const entry: RocketChatConversation = {
        roomId: raw.id,
        startedAt: isoOf(raw.createdAt),
        closedAt: isoOf(raw.closedAt),
        agent: nameOf(raw.servedBy),
        department: nameOf(raw.department),
        closedBy: typeof raw.closer === 'string' && Object.hasOwn(CLOSERS, raw.closer) ? CLOSERS[raw.closer] : undefined,
        tags: tags?.flatMap((tag) => (typeof tag === 'string' && tag.trim() ? [cut(tag.trim(), 40)] : [])).slice(0, 10),
    };
    // Without its undefined fields: they would reach the store as nulls, which the log's schema refuses.
    return entrySchema.parse(JSON.parse(JSON.stringify(entry)));
}

export async function readConversationLog(reader: IPersistenceRead, visitorId: string): Promise<RocketChatConversation[]> {
    const [first] = await reader.readByAssociation(keyOf(visitorId)).catch(() => []);
    const parsed = logSchema.safeParse(first);
    return parsed.success && parsed.data.visitorId === visitorId ? parsed.data.conversations : [];
}

/** Adds a closed conversation to its visitor's log (once, newest first, the oldest leaving past the bound). */
export async function recordConversation(
    reader: IPersistenceRead,
    writer: IPersistence,
    visitorId: string,
    conversation: RocketChatConversation,
): Promise<void> {
    const kept = (await readConversationLog(reader, visitorId)).filter((entry) => entry.roomId !== conversation.roomId);
    const conversations = [conversation, ...kept].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '')).slice(0, KEPT);
    await writer.updateByAssociation(keyOf(visitorId), { visitorId, conversations }, true);
}
