/**
 * The playground page: a sidebar (who you are, the rooms, the settings drawer, LivePerson's mode and its round
 * trips), the open room (timeline and composer, with the room actions in the header's kebab menu) and the app's
 * contextual bar.
 */
import {
    Avatar,
    Box,
    Button,
    ButtonGroup,
    Icon,
    Menu,
    MessageBody,
    MessageContainer,
    MessageHeader,
    MessageLeftContainer,
    MessageName,
    MessageNameContainer,
    MessageRole,
    MessageRoles,
    MessageTimestamp,
    MessageUsername,
    Message,
    Throbber,
} from '@rocket.chat/fuselage';
import { kitContext, UiKitComponent } from '@rocket.chat/fuselage-ui-kit';
import { useCallback, useEffect, useRef, useState, type ContextType, type FormEvent, type KeyboardEvent } from 'react';

import {
    LIVEPERSON_MODES,
    MODE_DESCRIPTIONS,
    type LivePersonMode,
    type LivePersonRequestLine,
    type SettingsRequest,
    type Snapshot,
    type TimelineEntry,
} from '../shared';
import { post, useSnapshot } from './api';
import { ContextualBar, type BlockAction, type Blocks } from './ContextualBar';
import { Markdown } from './Markdown';
import { SettingsDrawer, settingsSummary } from './SettingsDrawer';
import { renderMessageBlocks } from './uikit';

const APP_ICON = '/app-icon.png';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** A letter avatar drawn locally (no avatar server, no network). */
function letterAvatar(name: string): string {
    const letter = (name.trim()[0] ?? '?').toUpperCase();
    let hue = 0;
    for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36"><rect width="36" height="36" fill="hsl(${hue},45%,45%)"/><text x="50%" y="50%" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="18" fill="#fff">${letter}</text></svg>`;
    return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

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
                <RoomHeader snapshot={snapshot} call={call} />
                {!connected && <div className="banner banner-danger">The playground is not reachable: is `npm start` still running?</div>}
                {error && (
                    <div className="banner banner-danger" data-qa="error">
                        {error}
                    </div>
                )}
                <Timeline entries={snapshot.timeline} />
                <Composer snapshot={snapshot} roomName={room?.name ?? ''} call={call} />
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

type Call = (path: string, body: object) => Promise<void>;

function Sidebar({ snapshot, call, openSettings }: { snapshot: Snapshot; call: Call; openSettings: () => void }) {
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
                {LIVEPERSON_MODES.map((mode: LivePersonMode) => (
                    <button
                        key={mode}
                        type="button"
                        className={`mode-button${snapshot.mode === mode ? ' mode-button-active' : ''}`}
                        aria-pressed={snapshot.mode === mode}
                        data-qa={`mode-${mode}`}
                        title={MODE_DESCRIPTIONS[mode]}
                        onClick={() => void call('mode', { mode })}
                    >
                        {mode}
                    </button>
                ))}
            </div>
            <div className="sidebar-hint" data-qa="mode-description">
                {snapshot.mode}: {MODE_DESCRIPTIONS[snapshot.mode]}
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
                                    {time(line.at)} {line.reason}
                                    {line.openedAfterMs !== undefined ? ` (answered after ${line.openedAfterMs} ms; the client waits 5000 ms)` : ''}
                                </li>
                            ))}
                    </ul>
                </>
            )}
        </aside>
    );
}

function RequestLog({ requests }: { requests: LivePersonRequestLine[] }) {
    if (requests.length === 0) {
        return <div className="sidebar-hint">None yet.</div>;
    }
    return (
        <ol className="request-log" data-qa="request-log">
            {requests
                .slice()
                .reverse()
                .map((line) => {
                    const status = line.pending ? '…' : line.status === 0 ? 'none' : String(line.status);
                    const tone = line.pending ? 'pending' : line.status >= 200 && line.status < 300 ? 'ok' : 'failed';
                    const title = `${line.method} ${line.route}: ${line.pending ? 'waiting' : line.status === 0 ? 'no answer (the app gave up, or the connection broke)' : `HTTP ${line.status}`}`;
                    return (
                        <li
                            key={line.id}
                            className={`request request-${tone}`}
                            title={title}
                            data-qa="request"
                            data-route={line.route}
                            data-status={line.status}
                        >
                            <span className="request-time">{time(line.at)}</span>
                            <span className="request-route">{line.route}</span>
                            <span className="request-status">{status}</span>
                            <span className="request-duration">{line.pending || line.durationMs === null ? '' : `${line.durationMs} ms`}</span>
                        </li>
                    );
                })}
        </ol>
    );
}

function RoomHeader({ snapshot, call }: { snapshot: Snapshot; call: Call }) {
    const room = snapshot.rooms.find((candidate) => candidate.id === snapshot.roomId);
    const options: Parameters<typeof Menu>[0]['options'] = {};
    for (const action of snapshot.roomActions) {
        options[action.actionId] = {
            // As Rocket.Chat lists an app's room action: its label, no icon (apps register none).
            label: <span data-qa={`room-action-${action.actionId}`}>{action.label}</span>,
            action: () => void call('room-action', { actionId: action.actionId }),
        };
    }
    if (snapshot.roomActions.length === 0) {
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

function Timeline({ entries }: { entries: TimelineEntry[] }) {
    const end = useRef<HTMLDivElement>(null);
    useEffect(() => {
        end.current?.scrollIntoView({ block: 'end' });
    }, [entries.length]);
    return (
        <div className="timeline" data-qa="timeline">
            {entries.map((entry) => {
                switch (entry.kind) {
                    case 'system':
                        return (
                            <div key={entry.id} className="timeline-system">
                                {entry.text}
                            </div>
                        );
                    case 'notice':
                        return (
                            <div key={entry.id} className="timeline-system timeline-notice" data-qa="notice">
                                {entry.text}
                            </div>
                        );
                    case 'message':
                        return (
                            <Message key={entry.id}>
                                <MessageLeftContainer>
                                    <Avatar url={letterAvatar(entry.name)} size="x36" />
                                </MessageLeftContainer>
                                <MessageContainer>
                                    <MessageHeader>
                                        <MessageNameContainer>
                                            <MessageName>{entry.name}</MessageName>
                                            <MessageUsername>@{entry.username}</MessageUsername>
                                        </MessageNameContainer>
                                        <MessageTimestamp>{time(entry.at)}</MessageTimestamp>
                                    </MessageHeader>
                                    <MessageBody>
                                        <Markdown text={entry.text} />
                                    </MessageBody>
                                </MessageContainer>
                            </Message>
                        );
                    case 'private':
                        return (
                            <Message key={entry.id} className="timeline-private" data-qa="private-message">
                                <MessageLeftContainer>
                                    <Avatar url={APP_ICON} size="x36" />
                                </MessageLeftContainer>
                                <MessageContainer>
                                    <MessageHeader>
                                        <MessageNameContainer>
                                            <MessageName>{entry.username}</MessageName>
                                        </MessageNameContainer>
                                        <MessageRoles>
                                            <MessageRole>App</MessageRole>
                                        </MessageRoles>
                                        <MessageTimestamp>{time(entry.at)}</MessageTimestamp>
                                    </MessageHeader>
                                    {entry.blocks ? (
                                        <MessageBlocks blocks={entry.blocks} />
                                    ) : (
                                        <MessageBody>
                                            <Markdown text={entry.text} />
                                        </MessageBody>
                                    )}
                                    <Box fontScale="c1" color="hint" mbs={4}>
                                        <Icon name="eye-off" size="x12" /> Only you can see this message
                                    </Box>
                                </MessageContainer>
                            </Message>
                        );
                }
            })}
            <div ref={end} />
        </div>
    );
}

/** No context needed to show a message's blocks: the app's private messages have no buttons. */
const MESSAGE_KIT: ContextType<typeof kitContext> = {
    appId: '',
    values: {},
    action: async () => console.warn('playground: actions in messages are not supported'),
    state: () => undefined,
};

/** A message's ui-kit blocks, which Rocket.Chat's client draws instead of the message's text. */
function MessageBlocks({ blocks }: { blocks: unknown[] }) {
    return (
        <Box className="uikit-message" data-qa="message-blocks">
            <kitContext.Provider value={MESSAGE_KIT}>
                <UiKitComponent render={renderMessageBlocks} blocks={blocks as Blocks} />
            </kitContext.Provider>
        </Box>
    );
}

function Composer({ snapshot, roomName, call }: { snapshot: Snapshot; roomName: string; call: Call }) {
    const [text, setText] = useState('');
    const popup = text.startsWith('/') && !/\s/.test(text) ? snapshot.commands.filter((command) => `/${command.command}`.startsWith(text.toLowerCase())) : [];

    const send = (event?: FormEvent) => {
        event?.preventDefault();
        if (text.trim() === '') return;
        void call('command', { text });
        setText('');
    };
    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            send();
        }
    };
    return (
        <form className="composer" onSubmit={send}>
            {popup.length > 0 && (
                <ul className="composer-popup" data-qa="command-popup">
                    {popup.map((command) => (
                        <li key={command.command}>
                            <button type="button" onClick={() => setText(`/${command.command} `)}>
                                <strong>/{command.command}</strong> <span className="composer-popup-params">{command.params}</span>
                                <div className="composer-popup-description">{command.description}</div>
                            </button>
                        </li>
                    ))}
                </ul>
            )}
            {snapshot.busy > 0 && (
                <div className="composer-busy" data-qa="busy">
                    <Throbber size="x8" inheritColor /> The app is working…
                </div>
            )}
            <div className="composer-box">
                <textarea
                    className="composer-input"
                    data-qa="composer"
                    rows={1}
                    placeholder={`Message ${roomName} (try /visitorinfo)`}
                    value={text}
                    onChange={(event) => setText(event.target.value)}
                    onKeyDown={onKeyDown}
                    aria-label="Message"
                />
                <ButtonGroup>
                    <Button type="submit" primary small disabled={text.trim() === ''} data-qa="send">
                        Send
                    </Button>
                </ButtonGroup>
            </div>
        </form>
    );
}
