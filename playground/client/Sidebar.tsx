/** The dark sidebar: who is signed in, the rooms, the settings, LivePerson's mode and what it was asked. */
import { Icon } from '@rocket.chat/fuselage';

import './sidebar.css';

import type { Snapshot } from '../shared';
import { APP_ICON, type Call } from './api';
import { clockTime } from './format';
import { RequestLog } from './RequestLog';
import { settingsSummary } from './SettingsDrawer';

export function Sidebar({ snapshot, call, openSettings }: { snapshot: Snapshot; call: Call; openSettings: () => void }) {
    const user = snapshot.users.find((candidate) => candidate.id === snapshot.userId);
    const group = (type: string) => snapshot.rooms.filter((room) => (type === 'l' ? room.type === 'l' : room.type !== 'l'));
    return (
        <aside className="sidebar">
            <div className="sidebar-title">
                <img src={APP_ICON} alt="" width={28} height={28} />
                <div>
                    <div className="sidebar-app">{snapshot.appName}</div>
                    <div className="sidebar-subtitle">Playground: no server, no LivePerson account</div>
                </div>
            </div>

            <label className="sidebar-heading" htmlFor="acting-user">
                Signed in as
            </label>
            <select
                id="acting-user"
                className="sidebar-select"
                data-qa="user-select"
                value={snapshot.userId}
                onChange={(event) => void call('select', { userId: event.target.value })}
            >
                {snapshot.users.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                        {candidate.name} (@{candidate.username})
                    </option>
                ))}
            </select>
            {user && <div className="sidebar-hint">{user.description}</div>}

            {(['l', 'c'] as const).map((type) => (
                <nav key={type} aria-label={type === 'l' ? 'Omnichannel' : 'Channels'}>
                    <div className="sidebar-heading">{type === 'l' ? 'Omnichannel' : 'Channels'}</div>
                    {group(type).map((room) => (
                        <button
                            key={room.id}
                            type="button"
                            className={`sidebar-room${room.id === snapshot.roomId ? ' sidebar-room-active' : ''}`}
                            data-qa={`room-${room.id}`}
                            aria-current={room.id === snapshot.roomId ? 'page' : undefined}
                            onClick={() => void call('select', { roomId: room.id })}
                        >
                            <Icon name={room.type === 'l' ? 'headset' : 'hashtag'} size="x16" />
                            <span className="sidebar-room-text">
                                <span className="sidebar-room-name">{room.name}</span>
                                <span className="sidebar-room-description">{room.description}</span>
                            </span>
                        </button>
                    ))}
                </nav>
            ))}

            <div className="sidebar-heading">Settings</div>
            <button type="button" className="settings-button" data-qa="settings-open" onClick={openSettings}>
                <Icon name="customize" size="x16" />
                <span className="settings-button-text" data-qa="settings-summary">
                    {settingsSummary(snapshot.settings)}
                </span>
            </button>

            <div className="sidebar-heading">LivePerson (simulator)</div>
            <div className="mode-buttons" role="group" aria-label="LivePerson mode">
                {snapshot.modes.map(({ name, description }) => (
                    <button
                        key={name}
                        type="button"
                        className={`mode-button${snapshot.mode === name ? ' mode-button-active' : ''}`}
                        aria-pressed={snapshot.mode === name}
                        data-qa={`mode-${name}`}
                        title={description}
                        onClick={() => void call('mode', { mode: name })}
                    >
                        {name}
                    </button>
                ))}
            </div>
            <div className="sidebar-hint" data-qa="mode-description">
                {snapshot.mode}: {snapshot.modes.find(({ name }) => name === snapshot.mode)?.description}
            </div>

            <div className="sidebar-heading">LivePerson requests</div>
            <RequestLog requests={snapshot.requests} />
            {snapshot.dropped.length > 0 && (
                <>
                    <div className="sidebar-heading">Panels Rocket.Chat would not show</div>
                    <ul className="dropped" data-qa="dropped">
                        {snapshot.dropped
                            .slice()
                            .reverse()
                            .map((line) => (
                                <li key={line.id}>
                                    {clockTime(line.at)} {line.reason}
                                    {line.openedAfterMs !== undefined ? ` (answered after ${line.openedAfterMs} ms; the client waits 5000 ms)` : ''}
                                </li>
                            ))}
                    </ul>
                </>
            )}
        </aside>
    );
}
