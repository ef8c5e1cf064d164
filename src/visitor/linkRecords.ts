import type { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import * as z from 'zod/mini';

import { persistenceAssociationId, PERSISTENCE_KEYS } from '../ids';

/**
 * Who linked a visitor to a LivePerson id, and when. Kept in the app's own persistence, not in the visitor's
 * external ids, which every `view-l-room` holder can read; it also carries the link on servers that cannot
 * store external ids (before Rocket.Chat 8.4).
 */
export interface LinkRecord {
    visitorId: string;
    entityId: string;
    linkedBy: { id: string; username: string; name?: string };
    linkedAt: string;
}

const linkRecordSchema = z.object({
    visitorId: z.string(),
    entityId: z.string(),
    linkedBy: z.object({ id: z.string(), username: z.string(), name: z.optional(z.string()) }),
    linkedAt: z.string(),
});

const keyOf = (visitorId: string) =>
    new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, persistenceAssociationId(`${PERSISTENCE_KEYS.linkPrefix}${visitorId}`));

export async function readLinkRecord(reader: IPersistenceRead, visitorId: string): Promise<LinkRecord | undefined> {
    const [first] = await reader.readByAssociation(keyOf(visitorId)).catch(() => []);
    const parsed = linkRecordSchema.safeParse(first);
    return parsed.success && parsed.data.visitorId === visitorId ? parsed.data : undefined;
}

export async function saveLinkRecord(writer: IPersistence, record: LinkRecord): Promise<void> {
    await writer.updateByAssociation(keyOf(record.visitorId), record, true);
}

export async function removeLinkRecord(writer: IPersistence, visitorId: string): Promise<void> {
    await writer.removeByAssociation(keyOf(visitorId));
}
