/** The open room's name and topic, with the apps' room actions in the kebab menu, as Rocket.Chat lists them. */
import { Icon, Menu } from '@rocket.chat/fuselage';

import type { PlaygroundRoom, RoomActionButton } from '../shared';
import type { Call } from './api';

export function RoomHeader({ room, roomActions, call }: { room: PlaygroundRoom | undefined; roomActions: RoomActionButton[]; call: Call }) {
    const options: Parameters<typeof Menu>[0]['options'] = {};
    for (const action of roomActions) {
        options[action.actionId] = {
            // As Rocket.Chat lists an app's room action: its label, no icon (apps register none).
            label: <span data-qa={`room-action-${action.actionId}`}>{action.label}</span>,
            action: () => void call('room-action', { actionId: action.actionId }),
        };
    }
    if (roomActions.length === 0) {
        options.none = { label: 'No app actions in this room', disabled: true };
    }
    return (
        <header className="room-header">
            <Icon name={room?.type === 'l' ? 'headset' : 'hashtag'} size="x24" color="hint" />
            <div className="room-header-text">
                <div className="room-header-name" data-qa="room-name">
                    {room?.name}
                </div>
                <div className="room-header-topic">{room?.description}</div>
            </div>
            <Menu options={options} placement="bottom-end" title="Room actions" aria-label="Room actions" data-qa="room-kebab" />
        </header>
    );
}
