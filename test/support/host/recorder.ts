/** What the host saw the app do, for scenarios to assert on. Emptied in place between tests. */
import type { IMessage } from 'apps-engine-1-62/definition/messages';
import type { ISlashCommand } from 'apps-engine-1-62/definition/slashcommands';

import { WebClient } from './webClient';

export interface RecordedMessage {
    roomId: string | undefined;
    senderId: string | undefined;
    text: string | undefined;
    blocks: unknown[] | undefined;
}

/** One private (ephemeral) message, for its user only. */
export interface RecordedNotice extends RecordedMessage {
    userId: string;
    /** Whether the user had that room open: the client shows an ephemeral message nowhere else. */
    seen: boolean;
}

export interface HttpExchange {
    method: string;
    /** The URL as the app asked for it. */
    url: string;
    status: number | 'error' | 'refused';
    /** The timeout the app asked the host for, in ms. */
    timeoutMs?: number;
}

export class HostRecorder {
    /** Messages everyone in the room sees, the visitor included: must stay empty. */
    readonly posted: RecordedMessage[] = [];
    readonly notices: RecordedNotice[] = [];
    readonly web = new WebClient();
    readonly http: HttpExchange[] = [];
    /** The host's slash command registry (what `/` autocompletes), kept between tests. */
    readonly commands = new Map<string, { appId: string; command: ISlashCommand }>();
    readonly settingChanges: string[] = [];
    /** Bridge methods the scenario reached that these bridges do not implement. */
    readonly unimplemented: string[] = [];
    /** Bridge calls by `Bridge.method`, counted (how many host round trips a click costs). */
    readonly calls = new Map<string, number>();

    clear(): void {
        for (const list of [this.posted, this.notices, this.http, this.settingChanges, this.unimplemented]) list.length = 0;
        this.calls.clear();
        this.web.clear();
    }

    countCall(name: string): void {
        this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    }
}

export const messageSummary = (message: IMessage): RecordedMessage => ({
    roomId: message.room?.id,
    senderId: message.sender?.id,
    text: message.text,
    blocks: message.blocks as unknown[] | undefined,
});
