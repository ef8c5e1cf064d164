import type { IUIKitSurface } from '@rocket.chat/apps-engine/definition/uikit';

import type { InMemoryHost } from './in-memory-host';
import type { LivePersonSimulator } from './liveperson-simulator';
import { SECRETS, type SampleWorld } from './sample-world';

type AnyBlock = { type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ type: string; text?: string | { text: string } }> };

/** Removes the escapes the app adds to keep visitor text from becoming formatting. */
const unescape = (text: string) => text.replace(/\\([*_~`#])/g, '$1').replace(/\u200b/g, '');

/** What the agent reads in a panel, one line per text element, in order. */
export function surfaceText(surface: IUIKitSurface | undefined): string {
    if (!surface) {
        return '';
    }
    const lines: string[] = [typeof surface.title === 'object' ? surface.title.text : String(surface.title)];
    for (const block of surface.blocks as AnyBlock[]) {
        if (block.text) lines.push(block.text.text);
        block.fields?.forEach((field) => lines.push(field.text));
        block.elements?.forEach((element) => {
            if (typeof element.text === 'string') lines.push(element.text);
            else if (element.text) lines.push(element.text.text);
        });
    }
    return unescape(lines.join('\n'));
}

/** The panel the user last saw (an open or an update the client rendered). */
export function shownPanel(host: InMemoryHost): IUIKitSurface | undefined {
    const shown = host.surfaces.filter((record) => !record.dropped && record.surface);
    return shown[shown.length - 1]?.surface;
}

export const lastNotificationText = (host: InMemoryHost): string => unescape(host.notifications[host.notifications.length - 1]?.text ?? '');

/** The Refresh button's value in a panel, to click it like the client would. */
export function refreshButton(surface: IUIKitSurface): { actionId: string; blockId: string; value?: string } {
    for (const block of surface.blocks as Array<{ type: string; blockId?: string; elements?: Array<{ type: string; actionId?: string; value?: string }> }>) {
        const button = block.elements?.find((element) => element.type === 'button');
        if (button?.actionId) {
            return { actionId: button.actionId, blockId: block.blockId ?? '', value: button.value };
        }
    }
    throw new Error('the panel has no button');
}

/** Everything the app produced that a person or a log reader could see. */
export function everythingVisible(host: InMemoryHost): string {
    // A notification carries the room object the host gave the app; only its text, blocks and attachments are shown.
    const shownOfNotification = (message: { text?: string; blocks?: unknown; attachments?: unknown }) => [message.text, message.blocks, message.attachments];
    return JSON.stringify([
        host.notifications.map((n) => shownOfNotification(n.message)),
        host.surfaces.map((s) => s.view),
        host.roomMessages.map((m) => m.message),
        host.logs.map((l) => l.args),
    ]);
}

/** Bearers, csrf tokens and session cookies the simulator issued: none may appear in any output. */
export function issuedSessionSecrets(sim: LivePersonSimulator): string[] {
    const secrets = new Set<string>();
    for (const request of sim.requests) {
        const auth = request.headers.authorization;
        if (auth?.startsWith('Bearer ')) secrets.add(auth.slice(7));
        const cookie = /Session_id=([^;\s]+)/.exec(request.headers.cookie ?? '');
        if (cookie) secrets.add(cookie[1]);
        const csrf = (request.body as { csrf?: string } | undefined)?.csrf;
        if (csrf) secrets.add(csrf);
    }
    return [...secrets].filter((secret) => secret.length >= 8);
}

/** The invariants every scenario keeps: nothing in the room, no credential, token or session secret anywhere. */
export function expectPrivateAndSecret(world: SampleWorld): void {
    const { host, sim } = world;
    expect(host.roomMessages).toEqual([]);
    expect(host.notifications.filter((notification) => notification.kind === 'room')).toEqual([]);
    expect(host.permissionViolations).toEqual([]);
    const visible = everythingVisible(host);
    for (const secret of [...SECRETS, ...world.tokens, ...issuedSessionSecrets(sim)]) {
        expect(visible).not.toContain(secret);
    }
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeoutMs) {
            throw new Error('condition not met in time');
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
}
