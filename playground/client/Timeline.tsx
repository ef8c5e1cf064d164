/** The room's messages as this user sees them: the room's opening line, the playground's notes, the app's private messages. */
import {
    Avatar,
    Box,
    Icon,
    Message,
    MessageBody,
    MessageContainer,
    MessageHeader,
    MessageLeftContainer,
    MessageName,
    MessageNameContainer,
    MessageRole,
    MessageRoles,
    MessageTimestamp,
} from '@rocket.chat/fuselage';
import { useEffect, useRef } from 'react';

import type { TimelineEntry } from '../shared';
import { APP_ICON } from './api';
import { clockTime } from './format';
import { Markdown } from './Markdown';
import { MessageBlocks } from './MessageBlocks';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
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
                                        <MessageTimestamp>{clockTime(entry.at)}</MessageTimestamp>
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
