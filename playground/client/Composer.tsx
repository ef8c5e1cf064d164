/** The message box: Enter sends, Shift+Enter starts a new line; "busy" while the app is still answering. */
import { Button, ButtonGroup, Throbber } from '@rocket.chat/fuselage';
import { useState, type FormEvent, type KeyboardEvent } from 'react';

import type { Call } from './api';

export function Composer({ busy, roomName, call }: { busy: boolean; roomName: string; call: Call }) {
    const [text, setText] = useState('');
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
            {busy && (
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
