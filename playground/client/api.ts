/** The page's side of the playground API (playground/server.ts). */
import { useEffect, useState } from 'react';

import type { ApiResult, Snapshot } from '../shared';

/** The app's icon, from its zip. */
export const APP_ICON = '/app-icon.png';

/** A POST to the API; the page shows its failure above the room. */
export type Call = (path: string, body: object) => Promise<void>;

export async function post(path: string, body: object): Promise<void> {
    const response = await fetch(`/api/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
    });
    const result = (await response.json().catch(() => ({ ok: false, error: response.statusText }))) as ApiResult;
    if (!response.ok || !result.ok) {
        throw new Error(result.error ?? `HTTP ${response.status}`);
    }
}

/** The server's state, pushed with server-sent events whenever it changes. */
export function useSnapshot(): { snapshot: Snapshot | undefined; connected: boolean } {
    const [snapshot, setSnapshot] = useState<Snapshot>();
    const [connected, setConnected] = useState(false);
    useEffect(() => {
        const events = new EventSource('/api/events');
        events.onmessage = (event: MessageEvent<string>) => {
            setConnected(true);
            setSnapshot(JSON.parse(event.data) as Snapshot);
        };
        // EventSource reconnects by itself; say so meanwhile (the playground was stopped, or restarted).
        events.onerror = () => setConnected(false);
        return () => events.close();
    }, []);
    return { snapshot, connected };
}
