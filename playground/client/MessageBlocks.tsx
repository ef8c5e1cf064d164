/** A message's ui-kit blocks, which Rocket.Chat's client draws instead of the message's text. */
import { Box } from '@rocket.chat/fuselage';
import { kitContext, UiKitComponent } from '@rocket.chat/fuselage-ui-kit';
import type { ContextType } from 'react';

import type { Blocks } from './ContextualBar';
import { renderMessageBlocks } from './uikit';

/** No context needed to show a message's blocks: the app's private messages have no buttons. */
const MESSAGE_KIT: ContextType<typeof kitContext> = {
    appId: '',
    values: {},
    action: async () => console.warn('playground: actions in messages are not supported'),
    state: () => undefined,
};

export function MessageBlocks({ blocks }: { blocks: unknown[] }) {
    return (
        <Box className="uikit-message" data-qa="message-blocks">
            <kitContext.Provider value={MESSAGE_KIT}>
                <UiKitComponent render={renderMessageBlocks} blocks={blocks as Blocks} />
            </kitContext.Provider>
        </Box>
    );
}
