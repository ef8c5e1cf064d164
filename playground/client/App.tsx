/**
 * The playground page: a sidebar (who you are, the rooms, the settings drawer, LivePerson's mode and its round
 * trips), the open room (timeline and composer, with the room actions in the header's kebab menu) and the app's
 * contextual bar.
 */
import { Box } from '@rocket.chat/fuselage';
import { useCallback, useState } from 'react';

import './layout.css';

import type { SettingsRequest } from '../shared';
import { APP_ICON, post, useSnapshot } from './api';
import { Composer } from './Composer';
import { ContextualBar, type BlockAction } from './ContextualBar';
import { RoomHeader } from './RoomHeader';
import { SettingsDrawer } from './SettingsDrawer';
import { Sidebar } from './Sidebar';
import { Timeline } from './Timeline';

export function App() {
    const { snapshot, connected } = useSnapshot();
    const [error, setError] = useState<string>();

    /** Every call to the server: a failure is shown above the room instead of disappearing. */
    const call = useCallback(async (path: string, body: object) => {
        try {
            setError(undefined);
            await post(path, body);
        } catch (failure) {
            setError((failure as Error).message);
        }
    }, []);
    const onBlockAction = useCallback((action: BlockAction) => call('block-action', action), [call]);
    const [drawer, setDrawer] = useState(false);

    if (!snapshot) {
        return (
            <Box display="flex" alignItems="center" justifyContent="center" height="100vh" color="hint">
                {connected ? 'Loading…' : 'Connecting to the playground…'}
            </Box>
        );
    }
    const room = snapshot.rooms.find((candidate) => candidate.id === snapshot.roomId);
    return (
        <div className="playground">
            <Sidebar snapshot={snapshot} call={call} openSettings={() => setDrawer(true)} />
            {drawer && (
                <SettingsDrawer
                    settings={snapshot.settings}
                    save={(change: SettingsRequest) => void call('settings', change)}
                    onClose={() => setDrawer(false)}
                />
            )}
            <main className="room" data-qa="room">
                <RoomHeader room={room} roomActions={snapshot.roomActions} call={call} />
                {!connected && <div className="banner banner-danger">The playground is not reachable: is `npm start` still running?</div>}
                {error && (
                    <div className="banner banner-danger" data-qa="error">
                        {error}
                    </div>
                )}
                <Timeline entries={snapshot.timeline} />
                <Composer busy={snapshot.busy > 0} roomName={room?.name ?? ''} call={call} />
            </main>
            {snapshot.bar && (
                <ContextualBar
                    key={snapshot.bar.viewId}
                    view={snapshot.bar}
                    iconUrl={APP_ICON}
                    onAction={onBlockAction}
                    onClose={() => void call('view-close', { viewId: snapshot.bar?.viewId })}
                />
            )}
        </div>
    );
}
